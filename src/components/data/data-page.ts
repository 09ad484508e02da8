import type { Lang } from '../../i18n/index.ts';
import { directivePath } from '../../routing/routes.ts';
import type { SnapshotRow, SnapshotSource } from '../../content/snapshot.ts';

/** Where a reader checks a source: the page read, else the letter in the library; undefined for a plain reference. */
export function sourceHref(source: SnapshotSource, lang: Lang): string | undefined {
  if (source.url) return source.url;
  if (source.document) return directivePath(source.document, lang);
  return undefined;
}

/** "Việt Nam, Đà Nẵng, Hà Nội, Quảng Ninh và 6 địa phương khác": the places a snapshot covers, in row order. */
export function regionSummary(rows: readonly SnapshotRow[], moreTemplate: string, shown = 4): string {
  const names = [...new Set(rows.map((r) => r.region.name))];
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} ${moreTemplate.replace('{n}', String(names.length - shown))}` : head;
}

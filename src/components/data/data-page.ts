import type { Lang } from '../../i18n/index.ts';
import type { SnapshotRow, SnapshotSource } from '../../schemas/snapshot.ts';

/** Public address of a snapshot's JSON file (language-neutral data, served once). */
export function snapshotJsonPath(id: string): string {
  return `/du-lieu/${id}.json`;
}

/** The blank reporting template in each language's data section. */
export function templatePath(lang: Lang): string {
  return lang === 'vi' ? '/du-lieu/mau-bao-cao.csv' : '/en/data/report-template.csv';
}

/** Where a reader checks a source: the page read, else the letter in the library; undefined for a plain reference. */
export function sourceHref(source: SnapshotSource, lang: Lang): string | undefined {
  if (source.url) return source.url;
  if (source.document) return lang === 'vi' ? `/van-ban/${source.document}/` : `/en/directives/${source.document}/`;
  return undefined;
}

/** "Việt Nam, Đà Nẵng, Hà Nội, Quảng Ninh và 6 địa phương khác": the places a snapshot covers, in row order. */
export function regionSummary(rows: readonly SnapshotRow[], moreTemplate: string, shown = 4): string {
  const names = [...new Set(rows.map((r) => r.region.name))];
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} ${moreTemplate.replace('{n}', String(names.length - shown))}` : head;
}

import type { Lang } from '../../i18n/index.ts';
import { directivePath } from '../../routing/routes.ts';
import { paginate } from '../../routing/pagination.ts';
import type { SnapshotRow, SnapshotSource } from '../../content/snapshot.ts';
import { readSnapshots } from '../../content/snapshot-loader.ts';

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

/** One page of the snapshot list (two years of daily reports are hundreds of snapshots). */
export interface SnapshotPage<Entry> {
  snapshots: Entry[];
  current: number;
  count: number;
}

/** The snapshots newest first (ties by id), cut into pages of the library's list size; page 1 is `/du-lieu/` itself. */
export function snapshotPages<Entry extends { id: string; data: { asOf: string } }>(entries: readonly Entry[]): SnapshotPage<Entry>[] {
  const sorted = [...entries].sort((a, b) => b.data.asOf.localeCompare(a.data.asOf) || a.id.localeCompare(b.id));
  const pages = paginate(sorted);
  return pages.map((snapshots, i) => ({ snapshots, current: i + 1, count: pages.length }));
}

/** `getStaticPaths` of pages 2… of the snapshot list, shared by the vi and en routes. */
export async function snapshotPagePaths() {
  return snapshotPages(await readSnapshots())
    .slice(1)
    .map((page) => ({ params: { page: String(page.current) }, props: { page } }));
}

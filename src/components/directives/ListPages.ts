import { paginate } from '../../lib/pagination.ts';
import { loadDirectives, type DirectiveCollectionEntry } from './load.ts';

export interface ListPageProps {
  all: DirectiveCollectionEntry[];
  entries: DirectiveCollectionEntry[];
  current: number;
  count: number;
}

/** The library list cut into pages, newest first (page 1 is `/van-ban/` itself). */
export async function listPages(): Promise<ListPageProps[]> {
  const all = await loadDirectives();
  const pages = paginate(all);
  return pages.map((entries, i) => ({ all, entries, current: i + 1, count: pages.length }));
}

/** `getStaticPaths` of pages 2… of the list, shared by the vi and en routes. */
export async function listPagePaths() {
  return (await listPages()).slice(1).map((props) => ({ params: { page: String(props.current) }, props }));
}

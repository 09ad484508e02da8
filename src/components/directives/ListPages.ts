import { campaignTimeline, type TimelineEvent } from '../../lib/directives/library.ts';
import { paginate } from '../../routing/pagination.ts';
import { libraryPagesKey, loadDirectives, type DirectiveCollectionEntry } from './load.ts';

export interface ListPageProps {
  all: readonly DirectiveCollectionEntry[];
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
  const cacheKey = await libraryPagesKey();
  return (await listPages()).slice(1).map((props) => ({ params: { page: String(props.current) }, props, cacheKey }));
}

/** Events per page of the campaign timeline: at 10 000 letters it has tens of thousands. */
export const TIMELINE_PAGE_SIZE = 100;

export interface TimelinePageProps {
  events: TimelineEvent[];
  current: number;
  count: number;
}

/** The campaign timeline cut into pages of events, oldest first (page 1 is the timeline's own address). */
export async function timelinePages(): Promise<TimelinePageProps[]> {
  const pages = paginate(campaignTimeline(await loadDirectives()), TIMELINE_PAGE_SIZE);
  return pages.map((events, i) => ({ events, current: i + 1, count: pages.length }));
}

/** `getStaticPaths` of pages 2… of the timeline, shared by the vi and en routes. */
export async function timelinePagePaths() {
  const cacheKey = await libraryPagesKey();
  return (await timelinePages()).slice(1).map((props) => ({ params: { page: String(props.current) }, props, cacheKey }));
}

import type { Lang } from '../i18n/index.ts';

/** Letters per page of the library list: a phone never receives thousands of rows at once. */
export const LIST_PAGE_SIZE = 50;

/** Items of an RSS feed (letters, latest figures): the newest ones, however large the site grows. */
export const FEED_SIZE = 50;

/** `items` cut into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size = LIST_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length ? pages : [[]];
}

/** URL of page `number` of the list at `base`: page 1 is the list itself (`/van-ban/`), then `/van-ban/trang/2/`, `/en/directives/page/2/`. */
export function listPagePath(base: string, number: number, lang: Lang): string {
  return number <= 1 ? base : `${base}${lang === 'vi' ? 'trang' : 'page'}/${number}/`;
}

/** Page numbers the pager shows: first, last, and the current one with two on each side; `null` marks a gap. */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, count, ...[-2, -1, 0, 1, 2].map((d) => current + d)])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

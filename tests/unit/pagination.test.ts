import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, listPagePath, pagerNumbers, paginate } from '../../src/routing/pagination.ts';

describe('letters list pages', () => {
  it('cuts 10 000 letters into pages of at most the page size, keeping every letter once, in order', () => {
    const letters = Array.from({ length: 10_000 }, (_, i) => i);
    const pages = paginate(letters);
    expect(pages.every((page) => page.length > 0 && page.length <= LIST_PAGE_SIZE)).toBe(true);
    expect(pages.flat()).toEqual(letters);
  });
  it('keeps an empty library as one empty page', () => {
    expect(paginate([])).toEqual([[]]);
  });
  it('puts page 1 at the list itself and later pages under a stable path per language', () => {
    expect(listPagePath('/van-ban/', 1, 'vi')).toBe('/van-ban/');
    expect(listPagePath('/van-ban/', 3, 'vi')).toBe('/van-ban/trang/3/');
    expect(listPagePath('/en/directives/', 3, 'en')).toBe('/en/directives/page/3/');
  });
  it('shows first, last and nearby pages, with gaps marked, never hundreds of links', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pagerNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });
});

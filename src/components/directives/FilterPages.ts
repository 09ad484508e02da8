import type { Lang } from '../../i18n/index.ts';
import {
  directiveFacets,
  directivesForLevel,
  directivesForProvince,
  directivesForYear,
  levelSlugs,
} from '../../lib/directives/library.ts';
import { type FilterKind, filterPath } from '../../routing/routes.ts';
import { listPagePath, paginate } from '../../routing/pagination.ts';
import { loadRegions, type RegionIndex } from '../../content/regions.ts';
import type { DirectiveLevel } from '../../content/directive.ts';
import { libraryPagesKey, loadDirectives, type DirectiveCollectionEntry } from './load.ts';

/** Props of a filter page: the subset (one page of it), what it is filtered on, and its twin. */
export type FilterPageProps = {
  /** URL value of the filter (`kien-giang`, `tinh`, `2020`). */
  value: string;
  /** The letters on this page (at most `LIST_PAGE_SIZE`). */
  entries: DirectiveCollectionEntry[];
  /** How many letters the filter selects in all. */
  total: number;
  all: DirectiveCollectionEntry[];
  twinPath: string;
  page: { current: number; count: number; base: string };
} & (
  | { kind: 'province'; /** `Kiên Giang` */ label: string }
  | { kind: 'level'; level: DirectiveLevel }
  | { kind: 'year'; /** `2020` */ label: string }
);

/**
 * Static paths for one filter kind in one language: one list per province, level or year that
 * selects at least one letter, 50 letters a page (`/van-ban/tinh/kien-giang/`, then
 * `…/kien-giang/trang/2/`), so a phone never receives thousands of rows. A new letter for a new
 * province creates its page. The route is a rest parameter (`[...path].astro`) holding both forms.
 */
export async function filterStaticPaths(kind: FilterKind, lang: Lang) {
  const cacheKey = await libraryPagesKey();
  return filterRoutes(await loadDirectives(), loadRegions(), kind, lang).map((route) => ({ ...route, cacheKey }));
}

/** The routes of `filterStaticPaths` from given letters (testable without the content layer). */
export function filterRoutes(all: readonly DirectiveCollectionEntry[], regions: RegionIndex, kind: FilterKind, lang: Lang) {
  const facets = directiveFacets(all, regions);
  const twin: Lang = lang === 'vi' ? 'en' : 'vi';
  type Filter = Omit<FilterPageProps, 'entries' | 'total' | 'page' | 'twinPath' | 'all'> & { selected: DirectiveCollectionEntry[]; twinBase: string };
  const filters: Filter[] =
    kind === 'province'
      ? facets.provinces.map(({ value: p }) => ({ kind: 'province' as const, value: p.slug, label: p.name, selected: directivesForProvince(all, p.code), twinBase: filterPath('province', p.slug, twin) }))
      : kind === 'level'
        ? facets.levels.map(({ value: level }) => ({ kind: 'level' as const, value: levelSlugs[lang][level], level, selected: directivesForLevel(all, level), twinBase: filterPath('level', levelSlugs[twin][level], twin) }))
        : facets.years.map(({ value: year }) => ({ kind: 'year' as const, value: String(year), label: String(year), selected: directivesForYear(all, year), twinBase: filterPath('year', String(year), twin) }));
  return filters.flatMap(({ selected, twinBase, ...filter }) => {
    const base = filterPath(kind, filter.value, lang);
    const pages = paginate(selected);
    return pages.map((entries, index) => {
      const current = index + 1;
      const props = {
        ...filter,
        entries,
        total: selected.length,
        all,
        twinPath: listPagePath(twinBase, current, twin),
        page: { current, count: pages.length, base },
      } as FilterPageProps;
      // `kien-giang` for the first page, `kien-giang/trang/2` after it.
      return { params: { path: listPagePath(`${filter.value}/`, current, lang).replace(/\/$/, '') }, props };
    });
  });
}

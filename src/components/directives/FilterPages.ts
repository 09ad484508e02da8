import type { Lang } from '../../i18n/index.ts';
import {
  directiveFacets,
  directivesForLevel,
  directivesForProvince,
  directivesForYear,
  filterPath,
  levelSlugs,
  type FilterKind,
} from '../../lib/directives.ts';
import { loadRegions } from '../../lib/regions.ts';
import type { DirectiveLevel } from '../../schemas/directive.ts';
import { loadDirectives, type DirectiveCollectionEntry } from './load.ts';

/** Props of a filter page: the subset, what it is filtered on, and its twin. */
export type FilterPageProps = {
  /** URL value of the filter (`kien-giang`, `tinh`, `2020`). */
  value: string;
  entries: DirectiveCollectionEntry[];
  all: DirectiveCollectionEntry[];
  twinPath: string;
} & (
  | { kind: 'province'; /** `Kiên Giang` */ label: string }
  | { kind: 'level'; level: DirectiveLevel }
  | { kind: 'year'; /** `2020` */ label: string }
);

/**
 * Static paths for one filter kind in one language: one page per province, level or year
 * that selects at least one letter. A new letter for a new province creates its page.
 */
export async function filterStaticPaths(kind: FilterKind, lang: Lang) {
  const all = await loadDirectives();
  const facets = directiveFacets(all, loadRegions());
  const twin: Lang = lang === 'vi' ? 'en' : 'vi';
  const pages: FilterPageProps[] =
    kind === 'province'
      ? facets.provinces.map(({ value: p }) => ({
          kind: 'province' as const, value: p.slug, label: p.name, entries: directivesForProvince(all, p.code), all,
          twinPath: filterPath('province', p.slug, twin),
        }))
      : kind === 'level'
        ? facets.levels.map(({ value: level }) => ({
            kind: 'level' as const, value: levelSlugs[lang][level], level, entries: directivesForLevel(all, level), all,
            twinPath: filterPath('level', levelSlugs[twin][level], twin),
          }))
        : facets.years.map(({ value: year }) => ({
            kind: 'year' as const, value: String(year), label: String(year), entries: directivesForYear(all, year), all,
            twinPath: filterPath('year', String(year), twin),
          }));
  return pages.map((props) => ({ params: { value: props.value }, props }));
}

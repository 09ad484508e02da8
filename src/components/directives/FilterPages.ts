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
import { directiveLevels } from '../../schemas/directive.ts';
import { loadDirectives, type DirectiveCollectionEntry } from './load.ts';

/** Props of a filter page: the subset, how to title it, and its twin. */
export interface FilterPageProps {
  kind: FilterKind;
  /** URL value of the filter (`kien-giang`, `tinh`, `2020`). */
  value: string;
  /** The human label (`Kiên Giang`, level key, `2020`). */
  label: string;
  entries: DirectiveCollectionEntry[];
  all: DirectiveCollectionEntry[];
  twinPath: string;
}

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
          kind, value: p.slug, label: p.name, entries: directivesForProvince(all, p.code), all,
          twinPath: filterPath('province', p.slug, twin),
        }))
      : kind === 'level'
        ? facets.levels.map(({ value: level }) => ({
            kind, value: levelSlugs[lang][level], label: level, entries: directivesForLevel(all, level), all,
            twinPath: filterPath('level', levelSlugs[twin][level], twin),
          }))
        : facets.years.map(({ value: year }) => ({
            kind, value: String(year), label: String(year), entries: directivesForYear(all, year), all,
            twinPath: filterPath('year', String(year), twin),
          }));
  return pages.map((props) => ({ params: { value: props.value }, props }));
}

/** The level a filter page's label names (labels of level pages are level keys). */
export function asLevel(label: string): (typeof directiveLevels)[number] {
  const level = directiveLevels.find((l) => l === label);
  if (!level) throw new Error(`not a directive level: ${label}`);
  return level;
}

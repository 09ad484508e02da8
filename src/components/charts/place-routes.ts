import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { loadRegions, type Province, type Region } from '../../content/regions.ts';
import { newestOfEachSeries, placesWithFigures } from '../../lib/stats/model.ts';
import { newestSnapshotDate } from '../../lib/stats/load.ts';
import { directivesForProvince } from '../../lib/directives/library.ts';
import { loadProvinceShapes } from '../../lib/maps/data.ts';
import { loadDirectives } from '../directives/load.ts';
import { pageCacheKey } from '../site/page-key.ts';

/**
 * The places that get a statistics page: every province with figures (its own or a district's)
 * and every district with figures. Places without data get no page: `/so-lieu/` lists them.
 */
export async function placesWithData(): Promise<{ provinces: Region[]; districts: { province: Region; district: Region }[] }> {
  const regions = loadRegions();
  const { figures } = await loadChartCatalogue();
  const withData = placesWithFigures(figures);
  const districts = [...withData.keys()]
    .map((code) => regions.byCode(code))
    .filter((region): region is Region => region?.level === 'district')
    .map((district) => ({ district, province: regions.byCode(district.parentCode ?? '')! }));
  const provinces = regions.provinces.filter((p) => withData.has(p.code) || districts.some((d) => d.province.code === p.code));
  return { provinces, districts };
}

/**
 * What each place's statistics page shows besides its region and the site's frame, worked out
 * once for the page (`PlacePage.astro` prints from it) and for its `cacheKey`: a report from
 * another province changes none of it, so an incremental build copies the page. Figures are
 * grouped by place once for all pages (a province and its districts read theirs from the groups).
 */
async function placePageFacts(places: readonly Region[]) {
  const regions = loadRegions();
  const { figures, charts, inputs } = await loadChartCatalogue();
  const letters = await loadDirectives();
  const figuresOf = Map.groupBy(figures, (f) => f.place.code);
  return places.map((region) => ({
    region,
    province: (region.level === 'province' ? region : regions.byCode(region.parentCode ?? '')) as Province,
    figures: figuresOf.get(region.code) ?? [],
    charts: charts.filter(({ spec }) => spec.regionCode === region.code),
    /** Its districts with figures, each with its newest figure of each series. */
    districts: (region.level === 'province' ? regions.districtsOf(region.code).filter((d) => figuresOf.has(d.code)) : []).map((district) => ({
      district,
      newest: newestOfEachSeries(figuresOf.get(district.code) ?? []),
    })),
    letters: region.level === 'province' ? directivesForProvince(letters, region.code) : letters.filter((entry) => entry.data.district === region.code),
    /** Targets any letter set for the place. */
    targets: letters.flatMap((entry) =>
      entry.data.targets
        .filter((target) =>
          region.level === 'province'
            ? target.region.scope === 'province' && target.region.province === region.code
            : target.region.scope === 'district' && target.region.district === region.code,
        )
        .map((target) => ({ target, letter: entry.data })),
    ),
    /** The "figures as of" line's date (`DataAge`). */
    dataDate: newestSnapshotDate(inputs.snapshots, region.code),
  }));
}
export type PlacePageFacts = Awaited<ReturnType<typeof placePageFacts>>[number];

/** Each statistics page's props and key: the key digests its facts (and the boundaries its locator map is drawn from). */
async function placePagePaths(places: readonly Region[]) {
  return (await placePageFacts(places)).map((facts) => ({
    props: { region: facts.region, facts },
    cacheKey: pageCacheKey('place-page', [
      facts.region,
      facts.province,
      facts.figures,
      ...facts.charts.map(({ spec }) => spec),
      facts.charts.map(({ versions }) => versions.map(({ asOf }) => asOf)),
      facts.districts,
      facts.letters.map(({ data }) => data),
      facts.targets,
      facts.dataDate,
      loadProvinceShapes(),
    ]),
  }));
}

/** `getStaticPaths` of the province statistics pages, shared by the vi and en routes. */
export async function provincePagePaths() {
  const { provinces } = await placesWithData();
  return (await placePagePaths(provinces)).map((path) => ({ params: { province: path.props.region.slug }, ...path }));
}

/** `getStaticPaths` of the district statistics pages, shared by the vi and en routes. */
export async function districtPagePaths() {
  const { districts } = await placesWithData();
  return (await placePagePaths(districts.map(({ district }) => district))).map((path) => ({ params: { province: path.props.facts.province.slug, district: path.props.region.slug }, ...path }));
}

/**
 * `getStaticPaths` of the chart embed pages, shared by the vi and en routes. An embed page shows
 * its chart's spec alone (and links to its place's page): an incremental build copies it until
 * the spec, the province names or the build's day change.
 */
export async function embedPagePaths() {
  const { charts } = await loadChartCatalogue();
  return charts.map((chart) => ({ params: { id: chart.spec.id }, props: { chart }, cacheKey: pageCacheKey('embed-page', [chart.spec]) }));
}

import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { loadRegions, type Region } from '../../content/regions.ts';
import { placesWithFigures } from '../../lib/stats/model.ts';
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

/** `getStaticPaths` of the province statistics pages, shared by the vi and en routes. */
export async function provincePagePaths() {
  const { provinces } = await placesWithData();
  return provinces.map((region) => ({ params: { province: region.slug }, props: { region } }));
}

/** `getStaticPaths` of the district statistics pages, shared by the vi and en routes. */
export async function districtPagePaths() {
  const { districts } = await placesWithData();
  return districts.map(({ province, district }) => ({ params: { province: province.slug, district: district.slug }, props: { region: district } }));
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

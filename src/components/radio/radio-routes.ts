import { loadDirectives } from '../directives/load.ts';
import { placesWithData } from '../charts/place-routes.ts';
import { pageCacheKey } from '../site/page-key.ts';
import { loadRegions, type Province, type Region } from '../../content/regions.ts';
import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { buildDay } from '../../lib/core/build-info.ts';
import { radioFacts, type RadioFacts } from '../../lib/radio/announcements.ts';

/** The provinces that get their own loudspeaker text: those with figures (their own or a district's) or letters. */
export async function radioProvinces(): Promise<Province[]> {
  const regions = loadRegions();
  const withFigures = new Set((await placesWithData()).provinces.map((p) => p.code));
  const withLetters = new Set((await loadDirectives()).map((entry) => entry.data.province));
  return regions.provinces.filter((p) => withFigures.has(p.code) || withLetters.has(p.code));
}

/** What a loudspeaker text reads (the country's without `region`): its figure, targets and deadline as of the build's day. */
export async function radioPageFacts(region?: Region): Promise<RadioFacts> {
  const { figures } = await loadChartCatalogue();
  const letters = (await loadDirectives()).map((entry) => entry.data);
  const place = region ? { code: region.code, name: region.fullName.charAt(0).toLowerCase() + region.fullName.slice(1) } : null;
  return radioFacts(place, figures, letters, buildDay);
}

/**
 * `getStaticPaths` of `/phat-thanh/<tỉnh>/`. A province's text is made from its facts alone, so
 * the key is its facts: a report from another province leaves the page to be copied.
 */
export async function radioPagePaths() {
  return Promise.all(
    (await radioProvinces()).map(async (region) => {
      const facts = await radioPageFacts(region);
      return { params: { province: region.slug }, props: { region, facts }, cacheKey: pageCacheKey('radio-page', [region, facts]) };
    }),
  );
}

import { loadDirectives } from '../directives/load.ts';
import { placesWithData } from '../charts/place-routes.ts';
import { loadRegions, type Province } from '../../content/regions.ts';

/** The provinces that get their own loudspeaker text: those with figures (their own or a district's) or letters. */
export async function radioProvinces(): Promise<Province[]> {
  const regions = loadRegions();
  const withFigures = new Set((await placesWithData()).provinces.map((p) => p.code));
  const withLetters = new Set((await loadDirectives()).map((entry) => entry.data.province));
  return regions.provinces.filter((p) => withFigures.has(p.code) || withLetters.has(p.code));
}

/** `getStaticPaths` of `/phat-thanh/<tỉnh>/`. */
export async function radioPagePaths() {
  return (await radioProvinces()).map((region) => ({ params: { province: region.slug }, props: { region } }));
}

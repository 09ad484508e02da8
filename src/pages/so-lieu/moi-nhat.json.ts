import type { APIRoute } from 'astro';
import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { latestFigures } from '../../lib/charts/publish/feed.ts';
import { loadRegions } from '../../content/regions.ts';

/** `/so-lieu/moi-nhat.json`: the newest figure of every chart (stable address, always current). */
export const GET: APIRoute = async ({ site }) => {
  const body = latestFigures(await loadChartCatalogue(), loadRegions(), site!);
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};

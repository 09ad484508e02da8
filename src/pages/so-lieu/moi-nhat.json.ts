import type { APIRoute } from 'astro';
import { loadChartCatalogue } from '../../lib/chart-catalogue.ts';
import { latestFigures } from '../../lib/chart-feed.ts';
import { loadRegions } from '../../lib/regions.ts';

/** `/so-lieu/moi-nhat.json`: the newest figure of every chart (stable address, always current). */
export const GET: APIRoute = async ({ site }) => {
  const body = latestFigures(await loadChartCatalogue(), loadRegions(), site!);
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};

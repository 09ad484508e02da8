import type { APIRoute } from 'astro';
import { catalogueEntry, loadChartCatalogue } from '../../lib/chart-catalogue.ts';
import { loadRegions } from '../../lib/regions.ts';

/** `/nhung/index.json`: every embeddable chart with its embed, image and data addresses and its data date. */
export const GET: APIRoute = async ({ site }) => {
  const bundle = await loadChartCatalogue();
  const regions = loadRegions();
  const body = {
    description: 'Bluezone install-progress charts: embed (iframe), images (PNG and SVG at 1920x1080, 1200x630 and 1080x1080, plus a page-sized SVG) and data (CSV, JSON). Dated data files never change once published; "latest" addresses always hold the newest figures.',
    resizeScript: new URL('/nhung/resize.js', site).href,
    charts: bundle.charts.map((chart) => catalogueEntry(chart, regions, site!)),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};

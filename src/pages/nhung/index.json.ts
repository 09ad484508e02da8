import type { APIRoute } from 'astro';
import { campaign } from '../../content/campaign.ts';
import { catalogueEntry, loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { chartFilePath, mapEmbedPath, absoluteUrl, embedResizeScriptPath } from '../../routing/routes.ts';
import { latestNames } from '../../lib/charts/publish/files.ts';
import { imageFormatList } from '../../lib/images/formats.ts';
import { mapTitle } from '../../lib/maps/data.ts';
import { loadRegions } from '../../content/regions.ts';
import { loadMapLayers } from '../../components/charts/maps.ts';

/** `/nhung/index.json`: every embeddable chart with its embed, image and data addresses and its data date. */
export const GET: APIRoute = async ({ site }) => {
  const bundle = await loadChartCatalogue();
  const regions = loadRegions();
  const body = {
    description: `${campaign.app.name} install-progress charts and province maps: embed (iframe), images (PNG and SVG at 1920x1080, 1200x630 and 1080x1080, plus a page-sized SVG) and data (CSV, JSON). Dated data files never change once published; "latest" addresses always hold the newest figures.`,
    resizeScript: new URL(embedResizeScriptPath, site).href,
    charts: bundle.charts.map((chart) => catalogueEntry(chart, regions, site!)),
    // Province maps: embed page and, per language, each newsroom format as PNG and SVG.
    maps: (await loadMapLayers()).map((layer) => ({
      id: layer.id,
      title: { vi: mapTitle(layer, 'vi'), en: mapTitle(layer, 'en') },
      embed: { vi: absoluteUrl(mapEmbedPath(layer.id, 'vi'), site!), en: absoluteUrl(mapEmbedPath(layer.id, 'en'), site!) },
      images: Object.fromEntries(
        (['vi', 'en'] as const).map((lang) => {
          const names = latestNames(lang).images;
          return [lang, Object.fromEntries(imageFormatList.map((format) => [format, { png: absoluteUrl(chartFilePath(layer.id, lang, names[format].png), site!), svg: absoluteUrl(chartFilePath(layer.id, lang, names[format].svg), site!) }]))];
        }),
      ),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};

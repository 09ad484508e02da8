import type { Lang } from '../../../i18n/index.ts';
import type { ChartBundle } from './catalogue.ts';
import { chartCsv, chartJson, datedNames, latestNames, LIVE_SPEC_FILE, pageDrawings } from './files.ts';
import { imageFormatList } from '../../images/formats.ts';
import type { MapLayer } from '../../maps/draw.ts';
import { loadProvinceShapes } from '../../maps/data.ts';
import { drawPng, drawSvg } from './draw-pool.ts';
import { cachedRender, cachedText, renderKey } from '../../images/render-cache.ts';
import { publicHost } from '../../../routing/routes.ts';

/**
 * Every file published next to a chart's embed page, as lazy producers: the static endpoints
 * (`/nhung/<id>/<file>`, `/en/embed/<id>/<file>`) enumerate them and Astro writes each once.
 * Images per language (the words are drawn in); data files are bilingual and live under /nhung/.
 */
export interface ChartOutput {
  id: string;
  file: string;
  contentType: string;
  /**
   * Digest of everything the body is made from but the site's address (Astro's configuration
   * hash covers that) and the code (covered by the route's dependency hash and, again, by the
   * render key): the route's `cacheKey`, so a rebuild copies an unchanged file instead of making
   * it again (Astro's incremental build).
   */
  cacheKey: string;
  body: (site: URL) => Promise<Uint8Array<ArrayBuffer> | string>;
}

export function chartOutputs(bundle: ChartBundle, lang: Lang): ChartOutput[] {
  const names = latestNames(lang);
  return bundle.charts.flatMap(({ spec, versions }) => {
    const images: ChartOutput[] = [
      ...Object.values(pageDrawings(lang)).map(({ file, width }): ChartOutput => ({ id: spec.id, file, contentType: 'image/svg+xml', cacheKey: renderKey('chart-svg', [spec, lang, width]), body: () => cachedText('chart-svg', [spec, lang, width], () => drawSvg({ kind: 'chart-svg', spec, lang, width })) })),
      ...imageFormatList.flatMap((format): ChartOutput[] => [
        {
          id: spec.id,
          file: names.images[format].png,
          contentType: 'image/png',
          cacheKey: renderKey('chart-png', [spec, lang, format]),
          body: (site) => cachedRender('chart-png', [spec, lang, format, publicHost(site)], () => drawPng({ kind: 'chart-png', spec, lang, format, host: publicHost(site) })),
        },
        {
          id: spec.id,
          file: names.images[format].svg,
          contentType: 'image/svg+xml',
          cacheKey: renderKey('chart-image-svg', [spec, lang, format]),
          body: (site) => cachedText('chart-image-svg', [spec, lang, format, publicHost(site)], () => drawSvg({ kind: 'chart-image-svg', spec, lang, format, host: publicHost(site) })),
        },
      ]),
    ];
    if (lang === 'en') return images;
    const data: ChartOutput[] = [
      { id: spec.id, file: names.csv, contentType: 'text/csv; charset=utf-8', cacheKey: renderKey('chart-csv', [spec]), body: async (site) => chartCsv(spec, site) },
      { id: spec.id, file: names.json, contentType: 'application/json', cacheKey: renderKey('chart-json', [spec]), body: async (site) => JSON.stringify(chartJson(spec, site), null, 2) },
      { id: spec.id, file: LIVE_SPEC_FILE, contentType: 'application/json', cacheKey: renderKey('chart-spec', [spec]), body: async () => JSON.stringify(spec) },
      ...versions.flatMap((version): ChartOutput[] => [
        { id: spec.id, file: datedNames(version.asOf).csv, contentType: 'text/csv; charset=utf-8', cacheKey: renderKey('chart-csv', [version.spec]), body: async (site: URL) => chartCsv(version.spec, site) },
        { id: spec.id, file: datedNames(version.asOf).json, contentType: 'application/json', cacheKey: renderKey('chart-json', [version.spec]), body: async (site: URL) => JSON.stringify(chartJson(version.spec, site), null, 2) },
      ]),
    ];
    return [...images, ...data];
  });
}

/** The newsroom images of every province map, next to its embed page (`/nhung/ban-do-…/moi-nhat-1920x1080.png`). */
export function mapOutputs(layers: readonly MapLayer[], lang: Lang): ChartOutput[] {
  const names = latestNames(lang);
  // The boundaries are an input too: a new map file must miss the cache.
  const shapes = loadProvinceShapes();
  return layers.flatMap((layer) =>
    imageFormatList.flatMap((format): ChartOutput[] => [
      {
        id: layer.id,
        file: names.images[format].png,
        contentType: 'image/png',
        cacheKey: renderKey('map-png', [shapes, layer, lang, format]),
        body: (site) => cachedRender('map-png', [shapes, layer, lang, format, publicHost(site)], () => drawPng({ kind: 'map-png', layer, lang, format, host: publicHost(site) })),
      },
      {
        id: layer.id,
        file: names.images[format].svg,
        contentType: 'image/svg+xml',
        cacheKey: renderKey('map-svg', [shapes, layer, lang, format]),
        body: (site) => cachedText('map-svg', [shapes, layer, lang, format, publicHost(site)], () => drawSvg({ kind: 'map-image-svg', layer, lang, format, host: publicHost(site) })),
      },
    ]),
  );
}

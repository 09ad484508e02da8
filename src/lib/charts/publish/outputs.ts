import type { Lang } from '../../../i18n/index.ts';
import { loadChartCatalogue, type ChartBundle } from './catalogue.ts';
import { chartCsv, chartJson, datedNames, latestNames, LIVE_SPEC_FILE, pageDrawings } from './files.ts';
import { imageFormatList } from '../../images/formats.ts';
import type { MapLayer } from '../../maps/draw.ts';
import type { ChartSpec } from '../model/spec.ts';
import { loadProvinceShapes } from '../../maps/data.ts';
import { availableParallelism } from 'node:os';
import { draw, drawPng, drawSvg, drawsPng, type DrawTask, type PngTask, type SvgTask } from './draw-pool.ts';
import { cachedRender, cachedText, renderAhead, renderKey } from '../../images/render-cache.ts';
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
  /** A drawing only: draws it into the render cache now, unless it is there or under way. */
  drawAhead?: (site: URL) => Promise<boolean>;
}

export function chartOutputs(bundle: ChartBundle, lang: Lang): ChartOutput[] {
  const names = latestNames(lang);
  return bundle.charts.flatMap(({ spec, versions }) => {
    const images = chartImages(spec, lang);
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

/** A chart's drawings in one language: the page's two widths, and each newsroom format as PNG and SVG. */
function chartImages(spec: ChartSpec, lang: Lang): ChartOutput[] {
  const names = latestNames(lang);
  return [
    ...Object.values(pageDrawings(lang)).map(({ file, width }) => drawnFile(spec.id, file, 'chart-svg', [spec, lang, width], false, () => ({ kind: 'chart-svg', spec, lang, width }))),
    ...imageFormatList.flatMap((format) => [
      drawnFile(spec.id, names.images[format].png, 'chart-png', [spec, lang, format], true, (host) => ({ kind: 'chart-png', spec, lang, format, host })),
      drawnFile(spec.id, names.images[format].svg, 'chart-image-svg', [spec, lang, format], true, (host) => ({ kind: 'chart-image-svg', spec, lang, format, host })),
    ]),
  ];
}

/**
 * A drawing published as a file, drawn by the pool once per input (the render cache) and
 * drawable ahead of its route. `hosted` drawings print the site's host, so it is part of their
 * input; the file's `cacheKey` leaves it out (Astro's configuration hash covers the site).
 */
function drawnFile(id: string, file: string, kind: string, parts: unknown[], hosted: boolean, task: (host: string | undefined) => DrawTask): ChartOutput {
  const input = (site: URL) => (hosted ? [...parts, publicHost(site)] : parts);
  const drawing = (site: URL) => task(hosted ? publicHost(site) : undefined);
  const png = drawsPng(task(undefined));
  return {
    id,
    file,
    contentType: png ? 'image/png' : 'image/svg+xml',
    cacheKey: renderKey(kind, parts),
    body: (site) => (png ? cachedRender(kind, input(site), () => drawPng(drawing(site) as PngTask)) : cachedText(kind, input(site), () => drawSvg(drawing(site) as SvgTask))),
    drawAhead: (site) => renderAhead(kind, input(site), () => draw(drawing(site))),
  };
}

/**
 * Draws every chart's images, both languages, into the render cache ahead of their routes, one
 * drawing per thread at a time (a route's own drawing waits behind one at most). Astro makes its
 * routes four at a time in path order, so the drawing threads waited while it wrote a chart's
 * hundred data files or the English letters' pages: a CPU profile of a build with every
 * district's charts had 1,66 of the 2 cores busy. A route whose drawing is under way waits for
 * it; one whose drawing failed here draws it again and reports the failure. Drawn in the order
 * Astro asks for them: `/en/embed/…` before `/nhung/…`.
 */
export async function drawChartsAhead(bundle: ChartBundle, site: URL, lanes = availableParallelism()): Promise<void> {
  const drawings = (['en', 'vi'] as const).flatMap((lang) => bundle.charts.flatMap(({ spec }) => chartImages(spec, lang)));
  let next = 0;
  const lane = async () => {
    while (next < drawings.length) await drawings[next++]!.drawAhead!(site).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * `getStaticPaths` of a language's chart files (`/nhung/<id>/<file>`, `/en/embed/<id>/<file>`).
 * In a production build the first of the two also starts drawing every chart's images ahead.
 */
export async function chartFilePaths(lang: Lang) {
  const bundle = await loadChartCatalogue();
  if (import.meta.env.PROD && import.meta.env.SITE && !drawingAhead) drawingAhead = drawChartsAhead(bundle, new URL(import.meta.env.SITE));
  return chartOutputs(bundle, lang).map((output) => ({ params: { id: output.id, file: output.file }, props: { output }, cacheKey: output.cacheKey }));
}
let drawingAhead: Promise<void> | undefined;

/** The newsroom images of every province map, next to its embed page (`/nhung/ban-do-…/moi-nhat-1920x1080.png`). */
export function mapOutputs(layers: readonly MapLayer[], lang: Lang): ChartOutput[] {
  const names = latestNames(lang);
  // The boundaries are an input too: a new map file must miss the cache.
  const shapes = loadProvinceShapes();
  return layers.flatMap((layer) =>
    imageFormatList.flatMap((format) => [
      drawnFile(layer.id, names.images[format].png, 'map-png', [shapes, layer, lang, format], true, (host) => ({ kind: 'map-png', layer, lang, format, host })),
      drawnFile(layer.id, names.images[format].svg, 'map-svg', [shapes, layer, lang, format], true, (host) => ({ kind: 'map-image-svg', layer, lang, format, host })),
    ]),
  );
}

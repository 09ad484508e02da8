import { createCanvas, SvgExportFlag, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartConfiguration, Plugin } from 'chart.js';
import sharp from 'sharp';
import { type Lang, t } from '../../../i18n/index.ts';
import { chartConfig, chartHeight } from './config.ts';
import { Chart } from './parts.ts';
import { chartRows, type ChartSpec } from '../model/spec.ts';
import { BREAKABLE_SPACE, fill } from '../../stats/chart-text.ts';
import { formatDate } from '../../core/format.ts';
import { canvasSvg } from '../../images/canvas-svg.ts';
import { registerFonts } from '../../images/fonts.ts';
import { escapeMarkup } from '../../core/escape.ts';
import { imageFormats, minTextSize, safeBox, type Box, type ImageFormat } from '../../images/formats.ts';
import { placeDisplayName } from '../model/from-figures.ts';
import { figureWords } from '../../stats/words.ts';

/**
 * Build-time drawing of chart specs: Chart.js itself on @napi-rs/canvas's SVG backend, with the
 * configuration `<chart-live>` uses in the browser. The pages' SVG files keep real text (read by
 * search engines and screen magnifiers, printed crisply); newsroom PNGs are drawn as pixels by the same calls.
 */

/** Draws a configuration onto an SVG canvas and returns the SVG text. */
function draw(
  config: ChartConfiguration,
  width: number,
  height: number,
  flag: SvgExportFlag,
  options: { after?: (ctx: SKRSContext2D) => void; labels?: CapturedText[] } = {},
): string {
  const canvas = createCanvas(width, height, flag);
  const ctx = canvas.getContext('2d');
  compactCircles(ctx);
  if (options.labels) captureText(ctx, options.labels);
  const chart = chartOnCanvas(ctx, config);
  options.after?.(ctx);
  const svg = canvasSvg(canvas);
  chart.destroy();
  return svg;
}

/**
 * Chart.js on a canvas made at the drawing's size. Chart.js only needs a 2D context; in Node it
 * picks its basic (DOM-less) platform. Starting, it sets the canvas's width and height again
 * for its pixel ratio, and Skia then makes a new surface (a tenth of a drawing's time, and
 * 8 MB for a TV frame): it is told the ratio is already set. It clears the canvas before drawing
 * either way.
 */
function chartOnCanvas(ctx: SKRSContext2D, config: ChartConfiguration): Chart {
  const sized: Plugin = { id: 'canvasSized', beforeInit: (chart) => void ((chart as { currentDevicePixelRatio: number }).currentDevicePixelRatio = config.options?.devicePixelRatio ?? 1) };
  return new Chart(ctx as unknown as CanvasRenderingContext2D, { ...config, plugins: [sized, ...(config.plugins ?? [])] });
}

/** The numbers Chart.js was given, in dataset order: stamped on the SVG for cross-checks. */
function drawnData(config: ChartConfiguration): string {
  return JSON.stringify(
    config.data.datasets.map((dataset) =>
      (dataset.data as unknown[]).map((datum) => (typeof datum === 'number' ? datum : (datum as { y: number }).y)),
    ),
  );
}

/** Kappa: control-point distance for a quarter circle drawn with one cubic Bézier. */
const KAPPA = 0.5522847498;

/**
 * Skia's SVG export writes a full circle as ~100 quadratic segments (5 KB per point marker).
 * Full circles are drawn as four cubic Béziers instead: same shape, a hundredth of the bytes.
 */
function compactCircles(ctx: SKRSContext2D): void {
  const arc = ctx.arc.bind(ctx);
  Object.defineProperty(ctx, 'arc', {
    configurable: true,
    value(x: number, y: number, r: number, start: number, end: number, counterclockwise?: boolean) {
      if (Math.abs(end - start) < Math.PI * 2 - 1e-6) return arc(x, y, r, start, end, counterclockwise);
      const k = r * KAPPA;
      ctx.lineTo(x + r, y);
      ctx.bezierCurveTo(x + r, y + k, x + k, y + r, x, y + r);
      ctx.bezierCurveTo(x - k, y + r, x - r, y + k, x - r, y);
      ctx.bezierCurveTo(x - r, y - k, x - k, y - r, x, y - r);
      ctx.bezierCurveTo(x + k, y - r, x + r, y - k, x + r, y);
    },
  });
}

/** A label Chart.js drew, captured instead of drawn so the page can set it as real text. */
export interface CapturedText {
  text: string;
  x: number;
  y: number;
  font: string;
  align: CanvasTextAlign;
  baseline: CanvasTextBaseline;
  fill: string;
  matrix: [number, number, number, number, number, number];
  /** Width in the drawing font, measured when drawn. */
  width: number;
}

/**
 * Makes the context record `fillText` calls instead of drawing them. Skia's SVG text export
 * splits Vietnamese words by font subset and drops spaces; the captured labels are written back
 * as whole `<text>` elements the browser lays out in the page's own font.
 */
function captureText(ctx: SKRSContext2D, captured: CapturedText[]): void {
  Object.defineProperty(ctx, 'fillText', {
    configurable: true,
    value(text: string, x: number, y: number) {
      const m = ctx.getTransform();
      captured.push({
        text: String(text),
        x,
        y,
        font: ctx.font,
        align: ctx.textAlign,
        baseline: ctx.textBaseline,
        fill: String(ctx.fillStyle),
        matrix: [m.a, m.b, m.c, m.d, m.e, m.f],
        width: ctx.measureText(String(text)).width,
      });
    },
  });
}

/** Labels were laid out in Noto Sans: fonts of similar width next (Roboto on Android). */
const LABEL_FONTS = "'Noto Sans', Roboto, 'Segoe UI', Arial, 'Liberation Sans', 'Helvetica Neue', sans-serif";

const anchors: Record<string, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const baselines: Record<string, string> = { top: 'hanging', hanging: 'hanging', middle: 'central', bottom: 'text-after-edge', ideographic: 'text-after-edge' };

/**
 * One captured label as SVG text, positioned and aligned as Chart.js asked. `fixedWidth` pins it
 * to its measured width (images: the layout holds in whatever font the viewer substitutes).
 */
export function textElement(label: CapturedText, fixedWidth = false): string {
  const size = /(\d+(?:\.\d+)?)px/.exec(label.font)?.[1] ?? '12';
  const bold = /\b(bold|[6-9]00)\b/.test(label.font);
  const round = (n: number) => Math.round(n * 100) / 100;
  const [a, b, c, d, e, f] = label.matrix.map(round) as CapturedText['matrix'];
  const transform = a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0 ? '' : ` transform="matrix(${a} ${b} ${c} ${d} ${e} ${f})"`;
  const anchor = anchors[label.align] ?? 'start';
  const baseline = baselines[label.baseline];
  return (
    `<text x="${round(label.x)}" y="${round(label.y)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${escapeMarkup(label.fill)}"` +
    `${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${baseline ? ` dominant-baseline="${baseline}"` : ''}${transform}` +
    `${fixedWidth ? ` textLength="${round(label.width)}" lengthAdjust="spacingAndGlyphs"` : ''}>${escapeMarkup(label.text)}</text>`
  );
}

/**
 * Makes Skia's SVG a standalone file fit for a web page: the XML prolog goes, the root gets a
 * viewBox and our attributes so it scales with its container, and the captured labels go in as
 * text. `fixedWidth` pins each label to its measured width, so the layout holds in whatever font
 * the viewer substitutes (an SVG shown as an image cannot use the page's web fonts).
 */
export function webSvg(svg: string, width: number, height: number, attributes: Record<string, string>, labels: CapturedText[], fixedWidth = false): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeMarkup(value)}"`)
    .join('');
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/<svg ([^>]*?)width="\d+" height="\d+"/, `<svg $1viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${attrs}`)
    .replace(/<\/svg>\s*$/, `<g class="labels" font-family="${LABEL_FONTS}">${labels.map((label) => textElement(label, fixedWidth)).join('')}</g></svg>`);
}

/**
 * The chart as the page shows it, at one of its web widths: a standalone SVG file that the page's
 * `<picture>` picks by screen width (text kept as text, sized for the page, pinned to its width).
 */
export function renderSvg(spec: ChartSpec, lang: Lang, width: number): string {
  const fontFamily = registerFonts();
  const height = chartHeight(spec, width);
  const config = chartConfig(spec, {
    lang,
    fontFamily,
    scale: width < 500 ? 1 : 1.1,
    padding: { top: 8, right: spec.kind === 'bar' ? 56 : 12, bottom: 4, left: 4 },
    responsive: false,
    compact: width < 500,
  });
  const labels: CapturedText[] = [];
  const svg = draw(config, width, height, SvgExportFlag.NoPrettyXML, { labels });
  return webSvg(svg, width, height, { role: 'img', 'aria-label': spec.summary[lang], 'data-chart': spec.id, 'data-values': drawnData(config) }, labels, true);
}

/** The words around a drawing: the latest figure in large type, its place/date, source and address. */
export interface FrameWords {
  headline: string;
  /** Place and date of the headline's figure (or what is missing): wrapped, never cut short. */
  context: string;
  /** What the drawing shows, printed after the context on a TV frame; cards and posts, seen small, need the height for their plot. */
  detail?: string;
  /** "Nguồn: …" with as many publishers as fit ("và 3 nguồn khác"). */
  sources: { lang: Lang; names: string[] };
  /** The site's address; absent while the site runs on a placeholder host. */
  host: string | undefined;
  /** Printed after the sources and address, the footer then at the smallest legal size (a map's boundary attribution). */
  credit?: string;
  /**
   * `side`: on a landscape image the words take a column on the left and the drawing the full
   * height on the right (a tall map of Viet Nam would be tiny under a headline); the drawing
   * gets the column's free space between context and footer as its `aside` (for a legend).
   */
  layout?: 'side';
  /** With `side`: the least height the drawing needs of the column's free space (px; a map's legend at the legal minimum type). */
  asideHeight?: number;
}

/**
 * Draws onto a frame's plot box (any drawing: a chart, a map). May return a disposer to run after
 * the frame is read (Chart.js clears its canvas when destroyed) and ready-made SVG to lay over the
 * frame (a map drawn by d3-geo as SVG, in frame pixels; it must hold no text).
 */
export type FrameDrawing = (ctx: SKRSContext2D, plot: Box, unit: number, format: ImageFormat, aside?: Box) => { dispose?: () => void; overlay?: string } | void;

/**
 * One image: headline on top, the drawing taking the rest, source and address at the bottom. All
 * text stays inside the 80 % title-safe box, all drawing inside the 90 % action-safe box, and no
 * text is smaller than 1/30 of the frame height. Draws onto any canvas: `frameSvg` keeps text as
 * text (sized to Noto Sans via `textLength`), `framePng` rasterises with Skia directly.
 */
function drawFrame(ctx: SKRSContext2D, format: ImageFormat, words: FrameWords, drawing: FrameDrawing): ReturnType<FrameDrawing> {
  const fontFamily = registerFonts();
  const { width, height } = imageFormats[format];
  const unit = Math.max(minTextSize(height), imageFormats[format].unit);
  const text = safeBox(width, height, 0.8);
  const action = safeBox(width, height, 0.9);
  const side = words.layout === 'side' && width > height * 1.5;
  const contextSize = Math.round(unit * 1.1);
  // With a credit (a map's boundaries) the footer is at the smallest legal size, the credit on lines of its own.
  const footerSize = words.credit ? minTextSize(height) : unit;
  // Lay the words out first: the drawing gets what is left, and draws first (Chart.js clears).
  // The words' column: the whole text-safe width, or a share of it beside the drawing.
  const layWords = (share: number) => {
    const column = { left: text.left, right: side ? text.left + Math.round((text.right - text.left) * share) : text.right };
    const maxWidth = column.right - column.left;
    // A long headline (a map's title with its basis) steps down in size to stay whole on two lines
    // (three in a side column); on a square post, on one line if it can, so the plot keeps the height.
    let headlineSize = Math.round(unit * (format === 'tv' ? 2.2 : format === 'card' ? 2 : 1.7));
    const headlineLines = format === 'square' ? 1 : side ? 3 : 2;
    ctx.font = `bold ${headlineSize}px "${fontFamily}"`;
    while (wrap(ctx, words.headline, maxWidth, Infinity).length > headlineLines && headlineSize * 0.92 >= unit * 1.3) {
      headlineSize = Math.round(headlineSize * 0.92);
      ctx.font = `bold ${headlineSize}px "${fontFamily}"`;
    }
    // Never cut: a map's title names its basis (a narrow side column may need six lines).
    const headline = wrap(ctx, words.headline, maxWidth, side ? 6 : 4);
    ctx.font = `${contextSize}px "${fontFamily}"`;
    const context = wrap(ctx, format === 'tv' ? contextWithDetail(words) : words.context, maxWidth, Infinity);
    ctx.font = `${footerSize}px "${fontFamily}"`;
    const sources = fitSources(ctx, words.sources.lang, words.sources.names, words.host, maxWidth);
    const footer = words.credit ? [...sources, ...wrap(ctx, words.credit, maxWidth, 4)] : sources;
    const plotTop = text.top + headline.length * headlineSize * 1.15 + context.length * contextSize * 1.3;
    const footerTop = text.bottom - footer.length * footerSize * 1.25;
    return { column, headlineSize, headline, context, footer, plotTop, footerTop };
  };
  // A link card is seen small, so its words need half the width; a TV frame leaves the map more.
  // Where the words leave the drawing less of the column than it needs (a map's legend under a
  // long title and dates on a link card went over the sources), the column widens a little.
  const shares = side ? [0, 0.05, 0.1].map((more) => (format === 'card' ? 0.5 : 0.42) + more) : [1];
  const fits = (layout: ReturnType<typeof layWords>) => words.asideHeight === undefined || layout.footerTop - layout.plotTop - unit >= words.asideHeight;
  let laid = layWords(shares[0]!);
  for (const share of shares.slice(1)) if (!fits(laid)) laid = layWords(share);
  const { column, headlineSize, headline, context, footer, plotTop, footerTop } = laid;
  const free = { left: column.left, top: plotTop + unit * 0.5, right: column.right, bottom: footerTop - unit * 0.5 };
  const drawn = side
    ? drawing(ctx, { left: column.right + unit, top: text.top, right: text.right, bottom: text.bottom }, unit, format, free)
    : drawing(ctx, free, unit, format);
  ctx.fillStyle = '#0b5cad';
  ctx.fillRect(action.left, action.top, action.right - action.left, Math.round(unit / 4));
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#1b1f24';
  ctx.font = `bold ${headlineSize}px "${fontFamily}"`;
  headline.forEach((line, index) => ctx.fillText(line, text.left, text.top + index * headlineSize * 1.15));
  ctx.fillStyle = '#4a5560';
  ctx.font = `${contextSize}px "${fontFamily}"`;
  context.forEach((line, index) => ctx.fillText(line, text.left, plotTop - (context.length - index) * contextSize * 1.3 + contextSize * 0.1));
  ctx.font = `${footerSize}px "${fontFamily}"`;
  footer.forEach((line, index) => ctx.fillText(line, text.left, footerTop + index * footerSize * 1.25 + footerSize * 0.1));
  return drawn;
}

/** A frame's background: opaque white, as players and feeds show a transparent image on black. */
const FRAME_BACKGROUND = '#ffffff';

/** A framed image as SVG with real text. */
export function frameSvg(format: ImageFormat, words: FrameWords, drawing: FrameDrawing): string {
  const { width, height } = imageFormats[format];
  const canvas = createCanvas(width, height, SvgExportFlag.NoPrettyXML);
  const ctx = canvas.getContext('2d');
  compactCircles(ctx);
  const labels: CapturedText[] = [];
  captureText(ctx, labels);
  const drawn = drawFrame(ctx, format, words, drawing);
  const drawnSvg = canvasSvg(canvas);
  drawn?.dispose?.();
  // The background goes first in the file (Chart.js clears the canvas, so it cannot be painted first).
  const svg = drawnSvg
    .replace(/(<svg [^>]*>)/, `$1<rect width="${width}" height="${height}" fill="${FRAME_BACKGROUND}"/>`)
    .replace(/<\/svg>\s*$/, `${drawn?.overlay ?? ''}</svg>`);
  return webSvg(svg, width, height, { role: 'img', 'aria-label': `${words.headline}. ${contextWithDetail(words)}. ${sourceText(words.sources.lang, words.sources.names)}` }, labels, true);
}

/**
 * One raster canvas per format and thread, cleared for every image: a fresh TV frame is an 8 MB
 * surface to allocate and zero, and its pixels were copied out twice (`data()` already copies).
 * 300 district charts' Vietnamese drawings: 83,9 → 68,7 ms a chart, every file byte-identical.
 */
const frameCanvases: Partial<Record<ImageFormat, Canvas>> = {};

/**
 * A framed image as PNG: Skia draws the pixels (the same calls as the SVG), sharp adds the
 * drawing's SVG overlay if any and compresses (no SVG export with text as outlines, no
 * rasterising of it).
 */
export function framePng(format: ImageFormat, words: FrameWords, drawing: FrameDrawing): Promise<Buffer> {
  const { width, height } = imageFormats[format];
  const canvas = (frameCanvases[format] ??= createCanvas(width, height));
  const ctx = canvas.getContext('2d');
  ctx.save();
  ctx.clearRect(0, 0, width, height);
  const drawn = drawFrame(ctx, format, words, drawing);
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = FRAME_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  // Opaque now, so Skia's premultiplied pixels equal straight ones. `data()` copies them out,
  // before Chart.js clears the canvas and before the first await (the next drawing reuses it).
  const pixels = canvas.data();
  drawn?.dispose?.();
  ctx.restore();
  const image = sharp(pixels, { raw: { width, height, channels: 4 } });
  const overlay = drawn?.overlay ? [{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${drawn.overlay}</svg>`) }] : [];
  // Lossless RGB at zlib level 6: twice the bytes of a 256-colour palette at level 9, a tenth of the
  // encoding time (20 ms against 220 ms for a TV frame), and the anti-aliased edges keep their colours.
  return image.composite(overlay).removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}

function contextWithDetail(words: FrameWords): string {
  return words.detail ? `${words.context} · ${words.detail}` : words.context;
}

/** Splits text into lines no wider than `maxWidth` on the given context. */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(BREAKABLE_SPACE)) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= maxWidth || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s+\S*$/, '')} …`;
    return kept;
  }
  return lines;
}

/**
 * The publishers' names of a chart, each once, never an article's title nor the English note some
 * names carry in brackets ("Nhân Dân (édition française)" → "Nhân Dân"), so a Vietnamese image
 * names no English words.
 */
export function sourceNames(spec: { sources: readonly { name: string }[] }): string[] {
  return [...new Set(spec.sources.map((source) => source.name.replace(/\s*\([^)]*\)\s*$/u, '')))];
}

/** "Nguồn: VietnamPlus, Nhân Dân". */
export function sourceText(lang: Lang, names: string[]): string {
  return fill(t(lang, 'chart.image.source'), { sources: names.join(', ') });
}

/** The footer: as many sources as fit on one line before the address ("và N nguồn khác"), else two lines. */
function fitSources(ctx: SKRSContext2D, lang: Lang, names: string[], host: string | undefined, maxWidth: number): string[] {
  const line = (count: number) => {
    const rest = names.length - count;
    const text = rest > 0 ? `${sourceText(lang, names.slice(0, count))} ${fill(t(lang, 'chart.image.moreSources'), { n: String(rest) })}` : sourceText(lang, names);
    return host ? `${text} · ${host}` : text;
  };
  let count = names.length;
  while (count > 1 && ctx.measureText(line(count)).width > maxWidth) count -= 1;
  return wrap(ctx, line(count), maxWidth, 2);
}

/**
 * The latest figure a chart's image leads with, in the figure model's words (qualifier, rounding,
 * basis), and where and when it was published. A timeline leads with its subject line's last
 * figure; a bar chart with its subject, else the country, else its first bar. A chart with no
 * figure (a target without a figure on its basis) leads with its title and says what is missing.
 */
export function imageHeadline(spec: ChartSpec, lang: Lang): Pick<FrameWords, 'headline' | 'context' | 'detail'> {
  const lead =
    spec.kind === 'bar'
      ? (() => {
          const bar = spec.bars.find((b) => b.role === 'subject') ?? spec.bars.find((b) => b.role === 'country') ?? spec.bars[0];
          return bar && { code: bar.regionCode, name: bar.regionName, point: bar.point, figure: { kind: 'rate' as const, measure: spec.measure, basis: spec.basis } };
        })()
      : (() => {
          const series = spec.series.find((s) => s.role === 'subject') ?? spec.series[0];
          const point = series?.points.at(-1);
          return series && point && { code: series.regionCode, name: series.regionName, point, figure: series };
        })();
  if (!lead) {
    const asOf = fill(t(lang, 'chart.image.asOf'), { date: formatDate(spec.asOf, lang) });
    return { headline: spec.title[lang], context: spec.kind === 'timeline' && spec.missing ? spec.missing[lang] : asOf };
  }
  const asOf = fill(t(lang, 'chart.image.on'), { date: formatDate(lead.point.date, lang) });
  const headline = figureWords({ ...lead.figure, value: lead.point.value, qualifier: lead.point.qualifier, printedIn: lead.point.printedIn, decimals: lead.point.decimals }, lang);
  // A place's chart is titled "<place>: …": the context names the place once.
  const title = spec.title[lang];
  const detail = title.startsWith(`${lead.name}: `) ? title.slice(lead.name.length + 2) : title;
  return { headline, context: `${placeDisplayName(lead.code, lead.name)[lang]}, ${asOf}`, detail };
}

/**
 * How many bars of a ranking a frame's plot holds: each needs a row of its label's lines (two on
 * a square post: place, then date), below them the value axis and, when some are left out, the
 * "and N more" line. A national ranking of 63 provinces in 1080 pixels would print its labels
 * over each other.
 */
function barsThatFit(bars: number, plotHeight: number, unit: number, labelLines: number): { shown: number; noteRoom: number } {
  const row = unit * (labelLines * 1.15 + 0.05);
  const all = Math.floor((plotHeight - unit * 2.2) / row);
  if (bars <= all) return { shown: bars, noteRoom: 0 };
  const noteRoom = unit * 1.5;
  return { shown: Math.max(1, Math.floor((plotHeight - unit * 2.2 - noteRoom) / row)), noteRoom };
}

/** The chart drawn into a frame's plot box by Chart.js, with the page's own configuration. */
function chartDrawing(spec: ChartSpec, lang: Lang): FrameDrawing {
  return (ctx, plot, unit, format) => {
    const { width, height } = imageFormats[format];
    // Bars carry their value at their end: keep room for it inside the text-safe box.
    const valueRoom = spec.kind === 'bar' ? unit * 4.5 : 0;
    const compact = format === 'square';
    // A ranking longer than the frame shows its first bars (the highest: bars are in rank order)
    // and says how many more the table and the data files hold.
    const fit = spec.kind === 'bar' ? barsThatFit(spec.bars.length, plot.bottom - plot.top, unit, compact ? 2 : 1) : { shown: Infinity, noteRoom: 0 };
    const more = spec.kind === 'bar' ? spec.bars.length - Math.min(fit.shown, spec.bars.length) : 0;
    const shown = spec.kind === 'bar' && more > 0 ? { ...spec, bars: spec.bars.slice(0, fit.shown) } : spec;
    const noteRoom = fit.noteRoom;
    const config = chartConfig(shown, {
      lang,
      fontFamily: registerFonts(),
      scale: unit / 12,
      padding: { top: plot.top, right: width - plot.right + valueRoom, bottom: height - plot.bottom + noteRoom, left: plot.left },
      responsive: false,
      compact,
      axisTitle: false,
    });
    const chart = chartOnCanvas(ctx, config);
    if (more > 0) {
      ctx.save();
      ctx.font = `${unit}px "${registerFonts()}"`;
      ctx.fillStyle = '#4a5560';
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.fillText(fill(t(lang, 'chart.image.moreBars'), { n: String(more) }), plot.left, plot.bottom - unit * 1.15);
      ctx.restore();
    }
    return { dispose: () => chart.destroy() };
  };
}

/**
 * Sources of dated figures, the one behind the newest figure first, then the others newest first,
 * then `others` (a chart's targets'): a frame that has room for one name credits the headline's
 * own source.
 */
export function sourcesNewestFirst(figures: readonly { date: string; source: { name: string } }[], others: readonly { name: string }[] = []): { name: string }[] {
  const newestFirst = [...figures].sort((a, b) => b.date.localeCompare(a.date));
  return [...newestFirst.map((figure) => figure.source), ...others];
}

function chartFrameWords(spec: ChartSpec, lang: Lang, host: string | undefined): FrameWords {
  return { ...imageHeadline(spec, lang), sources: { lang, names: sourceNames({ sources: sourcesNewestFirst(chartRows(spec), spec.sources) }) }, host };
}

/** A chart as a newsroom image, SVG with real text. */
export function chartImageSvg(spec: ChartSpec, lang: Lang, format: ImageFormat, host: string | undefined): string {
  return frameSvg(format, chartFrameWords(spec, lang, host), chartDrawing(spec, lang));
}

/** A chart as a newsroom image, PNG. */
export function chartImagePng(spec: ChartSpec, lang: Lang, format: ImageFormat, host: string | undefined): Promise<Buffer> {
  return framePng(format, chartFrameWords(spec, lang, host), chartDrawing(spec, lang));
}

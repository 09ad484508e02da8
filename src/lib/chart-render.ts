import { createCanvas, SvgExportFlag, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartConfiguration } from 'chart.js';
import sharp from 'sharp';
import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { chartConfig, chartHeight } from './chart-config.ts';
import { Chart } from './chart-parts.ts';
import type { ChartSpec } from './chart-spec.ts';
import { fill } from './chart-text.ts';
import { formatDate } from './format.ts';
import { registerFonts } from './fonts.ts';
import { escapeMarkup } from './escape.ts';

/**
 * Build-time drawing of chart specs: Chart.js itself on @napi-rs/canvas's SVG backend, with the
 * configuration `<chart-live>` uses in the browser. The inline SVG keeps real text (readable,
 * selectable, printed crisply); images convert text to outlines first, so sharp needs no font.
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
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  compactCircles(ctx);
  if (options.labels) captureText(ctx, options.labels);
  // Chart.js only needs a 2D context; in Node it picks its basic (DOM-less) platform.
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config);
  options.after?.(ctx);
  const svg = canvas.getContent().toString('utf8');
  chart.destroy();
  return svg;
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
      });
    },
  });
}

const anchors: Record<string, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const baselines: Record<string, string> = { top: 'hanging', hanging: 'hanging', middle: 'central', bottom: 'text-after-edge', ideographic: 'text-after-edge' };

/** One captured label as SVG text, positioned and aligned as Chart.js asked. */
export function textElement(label: CapturedText): string {
  const size = /(\d+(?:\.\d+)?)px/.exec(label.font)?.[1] ?? '12';
  const bold = /\b(bold|[6-9]00)\b/.test(label.font);
  const round = (n: number) => Math.round(n * 100) / 100;
  const [a, b, c, d, e, f] = label.matrix.map(round) as CapturedText['matrix'];
  const transform = a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0 ? '' : ` transform="matrix(${a} ${b} ${c} ${d} ${e} ${f})"`;
  const anchor = anchors[label.align] ?? 'start';
  const baseline = baselines[label.baseline];
  return (
    `<text x="${round(label.x)}" y="${round(label.y)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${escapeMarkup(label.fill)}"` +
    `${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${baseline ? ` dominant-baseline="${baseline}"` : ''}${transform}>${escapeMarkup(label.text)}</text>`
  );
}

/**
 * Makes Skia's SVG fit for a web page: the XML prolog goes, the root gets a viewBox and our
 * attributes so it scales with its container, and the captured labels go in as text.
 */
export function webSvg(svg: string, width: number, height: number, attributes: Record<string, string>, labels: CapturedText[]): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeMarkup(value)}"`)
    .join('');
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/<svg ([^>]*?)width="\d+" height="\d+"/, `<svg $1viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${attrs}`)
    .replace(/<\/svg>\s*$/, `<g class="labels" font-family="'Noto Sans', Arial, sans-serif">${labels.map(textElement).join('')}</g></svg>`);
}

/** The chart as inline SVG at a given width (text kept as text, sized for the page). */
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
  return webSvg(svg, width, height, {
    class: `chart-svg chart-svg-${width < 500 ? 'narrow' : 'wide'}`,
    'aria-hidden': 'true',
    focusable: 'false',
    'data-chart': spec.id,
    'data-values': drawnData(config),
  }, labels);
}

/** Image sizes offered for every chart. */
export const imageSizes = {
  /** Television: 16:9 full HD, large type, everything inside the title-safe area. */
  tv: { width: 1920, height: 1080, scale: 2.5, margin: { x: 192, y: 96 } },
  /** Social cards (Open Graph, Zalo, Facebook). */
  social: { width: 1200, height: 630, scale: 1.45, margin: { x: 60, y: 40 } },
} as const;
export type ImageSize = keyof typeof imageSizes;

/** Splits text into lines no wider than `maxWidth` on the given context. */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
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

/** "Nguồn: VietnamPlus, Bộ TT&TT …" from the spec's sources (names, each once). */
export function sourceLine(spec: ChartSpec, lang: Lang): string {
  const names = [...new Set(spec.sources.map((source) => source.name))];
  return fill(t(lang, 'chart.image.source'), { sources: names.join(', ') });
}

/**
 * A PNG of the chart with its title, data date and sources burned in, for TV and social cards.
 * Drawn as SVG on the canvas (text converted to outlines), then rasterised by sharp.
 */
export async function renderImage(spec: ChartSpec, lang: Lang, size: ImageSize, siteHost: string): Promise<Buffer> {
  const fontFamily = registerFonts();
  const { width, height, scale, margin } = imageSizes[size];
  const titleSize = Math.round(26 * scale);
  const metaSize = Math.round(15 * scale);
  const header = margin.y + titleSize * 2.6 + metaSize * 1.6;
  const footer = metaSize * 3.4;
  const config = chartConfig(spec, {
    lang,
    fontFamily,
    scale: spec.kind === 'bar' && spec.bars.length > 12 ? scale * 0.8 : scale,
    padding: { top: header, right: margin.x + (spec.kind === 'bar' ? 60 * scale : 0), bottom: margin.y + footer, left: margin.x },
    responsive: false,
  });
  const svg = draw(config, width, height, SvgExportFlag.ConvertTextToPaths, { after: (ctx) => {
    const maxWidth = width - 2 * margin.x;
    ctx.fillStyle = '#0b5cad';
    ctx.fillRect(0, 0, width, Math.round(10 * scale));
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.font = `bold ${titleSize}px "${fontFamily}"`;
    const titleLines = wrap(ctx, spec.title[lang], maxWidth, 2);
    titleLines.forEach((line, index) => ctx.fillText(line, margin.x, margin.y + index * titleSize * 1.2));
    ctx.font = `${metaSize}px "${fontFamily}"`;
    ctx.fillStyle = '#4a5560';
    ctx.fillText(fill(t(lang, 'chart.image.asOf'), { date: formatDate(spec.asOf, lang) }), margin.x, margin.y + titleLines.length * titleSize * 1.2 + metaSize * 0.4);
    const sourceLines = wrap(ctx, siteHost ? `${sourceLine(spec, lang)} · ${siteHost}` : sourceLine(spec, lang), maxWidth, 2);
    sourceLines.forEach((line, index) =>
      ctx.fillText(line, margin.x, height - margin.y - (sourceLines.length - index) * metaSize * 1.3),
    );
  } });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
}

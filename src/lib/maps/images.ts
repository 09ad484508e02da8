import { t, type Lang } from '../../i18n/index.ts';
import { fill } from '../stats/chart-text.ts';
import { frameSvg, framePng, sourceNames, sourcesNewestFirst, type FrameDrawing, type FrameWords } from '../charts/draw/render.ts';
import { registerFonts } from '../images/fonts.ts';
import { formatDate } from '../core/format.ts';
import { imageFormats, minTextSize, type Box, type ImageFormat } from '../images/formats.ts';
import { mapTitle } from './data.ts';
import { binLabel, choroplethFrame, dateSpan, mapBins, NO_FIGURE_HATCH, renderChoroplethSvg, type MapAlign, type MapLayer, type ProvinceShape } from './draw.ts';

/**
 * A province map as a newsroom image, in the charts' frame: the map's title (its basis named) in
 * large type, the date span of its figures, the map with its legend and the island groups named
 * at their insets at legal size, then sources, address and the boundaries' attribution.
 */

function mapFrameWords(layer: MapLayer, lang: Lang, host: string | undefined, format: ImageFormat): FrameWords {
  const span = dateSpan(layer.records)!;
  return {
    headline: mapTitle(layer, lang),
    // The date span is what makes the colours comparable (or not).
    context: fill(t(lang, 'map.image.span'), { from: formatDate(span.from, lang), to: formatDate(span.to, lang) }),
    sources: { lang, names: sourceNames({ sources: sourcesNewestFirst(layer.records) }) },
    host,
    // The boundaries' credit in the image's language; the full citation is on the map's page.
    credit: t(lang, 'map.image.credit'),
    layout: 'side',
    // The legend beside the words: its rows in two columns at the legal minimum type.
    asideHeight: Math.ceil((mapBins(layer.records).length + 1) / 2) * minTextSize(imageFormats[format].height) * 1.05,
  };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const grown = (box: Box, by: number): Box => ({ left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by });

/** A word block's place in the plot box: its box, and its lines when it is an island group's name. */
interface Arrangement {
  height: number;
  align: MapAlign;
  legend: Box | undefined;
  names: { box: Box; lines: string[] }[];
}

/**
 * The largest map that leaves room for its words: the plot box's height, then 5 % less at a
 * time; the country centred, then at the left, then at the right; the legend (when it is not in
 * the words' column) in a corner of the plot box; each island group named beside its inset, else
 * above or below it, with its province, else without. No word covers land, an inset or another
 * word, and all stay in the plot box. Land is each province's bounding box: a name may not sit in
 * a bay.
 */
function arrange(shapes: readonly ProvinceShape[], lang: Lang, plot: { width: number; height: number }, unit: number, measure: (line: string) => number, legendSize: { width: number; height: number } | undefined): Arrangement {
  const gap = unit * 0.3;
  const lineHeight = unit * 1.15;
  const inPlot = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= plot.width && box.bottom <= plot.height;
  const groupName = (group: 'hoang-sa' | 'truong-sa') => t(lang, group === 'hoang-sa' ? 'map.hoangSa' : 'map.truongSa').split('\n');
  for (let step = 0; step <= 12; step++) {
    const height = Math.round(plot.height * (1 - step * 0.05));
    for (const align of ['centre', 'left', 'right'] as const) {
      const { insets, land } = choroplethFrame(shapes, { width: plot.width, height }, align);
      const drawn = [...land, ...insets.map((inset) => ({ left: inset.x, top: inset.y, right: inset.x + inset.width, bottom: inset.y + inset.height }))];
      const corners: (Box | undefined)[] = legendSize
        ? [
            { left: plot.width - legendSize.width, top: 0 },
            { left: plot.width - legendSize.width, top: plot.height - legendSize.height },
            { left: 0, top: plot.height - legendSize.height },
            { left: 0, top: 0 },
          ].map(({ left, top }) => ({ left, top, right: left + legendSize.width, bottom: top + legendSize.height }))
        : [undefined];
      for (const legend of corners) {
        if (legend && drawn.some((box) => overlaps(box, grown(legend, gap)))) continue;
        for (const withProvince of [true, false]) {
          const names: Arrangement['names'] = [];
          for (const inset of insets) {
            const lines = withProvince ? [...groupName(inset.group), `(${inset.province})`] : groupName(inset.group);
            const width = Math.max(...lines.map(measure));
            const blockHeight = lines.length * lineHeight;
            const box = [
              { left: inset.x + inset.width + gap, top: inset.y },
              { left: inset.x, top: inset.y - gap - blockHeight },
              { left: inset.x, top: inset.y + inset.height + gap },
            ]
              .map(({ left, top }) => ({ left, top, right: left + width, bottom: top + blockHeight }))
              .find((box) => inPlot(box) && ![...drawn, ...(legend ? [legend] : []), ...names.map((name) => name.box)].some((other) => overlaps(grown(box, gap / 2), other)));
            if (!box) break;
            names.push({ box, lines });
          }
          if (names.length === insets.length) return { height, align, legend, names };
        }
      }
    }
  }
  throw new Error(`The province map does not fit a ${plot.width}×${plot.height} box with its words`);
}

/**
 * The map as large as its plot box allows (`arrange`), the island groups named at their insets;
 * the legend in a corner of the plot box, or in the words' column (`aside`) on a landscape image.
 */
function mapDrawing(shapes: readonly ProvinceShape[], layer: MapLayer, lang: Lang): FrameDrawing {
  return (ctx, plot, unit, format, aside) => {
    const font = registerFonts();
    const legend = [...mapBins(layer.records).map((bin) => ({ label: binLabel(bin, lang), colour: bin.colour as string | null })), { label: t(lang, 'map.noFigure'), colour: null }];
    // The legend's rows close up, then its type steps down to the legal minimum, when its box is
    // short (a square post under a three-line title).
    // Beside the words (a link card's short column) the legend takes two columns when one is too tall.
    const legendBox = aside ?? plot;
    const legendHeight = legendBox.bottom - legendBox.top;
    const minSize = minTextSize(imageFormats[format].height);
    const columns = aside && legend.length * minSize * 1.05 > legendHeight ? 2 : 1;
    const perColumn = Math.ceil(legend.length / columns);
    // …and its type is no larger than lets the longest label fit its column.
    ctx.font = `100px "${font}"`;
    const labelPerPixel = Math.max(...legend.map((item) => ctx.measureText(item.label).width)) / 100;
    const fitsColumn = aside ? ((aside.right - aside.left) / columns - unit * 0.5) / (1.6 + labelPerPixel) : Infinity;
    const size = Math.max(minSize, Math.min(unit, fitsColumn, legendHeight / (perColumn * 1.05)));
    const row = Math.max(size * 1.05, Math.min(size * 1.4, legendHeight / perColumn));
    ctx.font = `${size}px "${font}"`;
    const ownLegend = aside ? undefined : { width: size * 1.6 + Math.max(...legend.map((item) => ctx.measureText(item.label).width)), height: (legend.length - 1) * row + size };
    ctx.font = `${unit}px "${font}"`;
    const width = Math.round(plot.right - plot.left);
    const { height, align, legend: legendAt, names } = arrange(shapes, lang, { width, height: Math.round(plot.bottom - plot.top) }, unit, (line) => ctx.measureText(line).width, ownLegend);
    const map = renderChoroplethSvg(shapes, layer, { width, height, lang, title: mapTitle(layer, lang), description: '', insetLabels: false, align });
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillStyle = '#1b1f24';
    for (const { box, lines } of names) lines.forEach((line, row) => ctx.fillText(line, plot.left + box.left, plot.top + box.top + row * unit * 1.15));
    ctx.font = `${size}px "${font}"`;
    const legendLeft = aside ? aside.left : plot.left + legendAt!.left;
    const legendTop = aside ? aside.top : plot.top + legendAt!.top;
    legend.forEach((item, index) => {
      const x = legendLeft + Math.floor(index / perColumn) * (aside ? (aside.right - aside.left) / columns : 0);
      const y = legendTop + (index % perColumn) * row;
      ctx.fillStyle = item.colour ?? NO_FIGURE_HATCH.background;
      ctx.fillRect(x, y, size, size);
      if (!item.colour) {
        ctx.strokeStyle = NO_FIGURE_HATCH.line;
        ctx.lineWidth = size / 10;
        for (let step = size / 4; step < 2 * size; step += size / 4) {
          ctx.beginPath();
          ctx.moveTo(x + Math.max(0, step - size), y + Math.min(size, step));
          ctx.lineTo(x + Math.min(size, step), y + Math.max(0, step - size));
          ctx.stroke();
        }
      }
      ctx.strokeStyle = '#6b6b6b';
      ctx.lineWidth = 1;
      ctx.strokeRect(x, y, size, size);
      ctx.fillStyle = '#1b1f24';
      ctx.fillText(item.label, x + size * 1.6, y);
    });
    return { overlay: map.replace(/^<svg /, `<svg x="${plot.left}" y="${plot.top}" `) };
  };
}

/** A map as a newsroom image, SVG with real text. */
export function mapImageSvg(shapes: readonly ProvinceShape[], layer: MapLayer, lang: Lang, format: ImageFormat, host: string | undefined): string {
  return frameSvg(format, mapFrameWords(layer, lang, host, format), mapDrawing(shapes, layer, lang));
}

/** A map as a newsroom image, PNG. */
export function mapImagePng(shapes: readonly ProvinceShape[], layer: MapLayer, lang: Lang, format: ImageFormat, host: string | undefined): Promise<Buffer> {
  return framePng(format, mapFrameWords(layer, lang, host, format), mapDrawing(shapes, layer, lang));
}

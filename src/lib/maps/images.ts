import { t, type Lang } from '../../i18n/index.ts';
import { fill } from '../stats/chart-text.ts';
import { frameSvg, framePng, sourceNames, sourcesNewestFirst, type FrameDrawing, type FrameWords } from '../charts/draw/render.ts';
import { registerFonts } from '../images/fonts.ts';
import { formatDate } from '../core/format.ts';
import { imageFormats, minTextSize, type ImageFormat } from '../images/formats.ts';
import { mapTitle } from './data.ts';
import { binLabel, choroplethInsets, dateSpan, mapBins, NO_FIGURE_HATCH, renderChoroplethSvg, type MapLayer, type ProvinceShape } from './draw.ts';

/**
 * A province map as a newsroom image, in the charts' frame: the map's title (its basis named) in
 * large type, the date span of its figures, the map with its legend and the island groups named
 * beside their insets at legal size, then sources, address and the boundaries' attribution.
 */

function mapFrameWords(layer: MapLayer, lang: Lang, host: string | undefined): FrameWords {
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
  };
}

/**
 * The map fills the plot box's height on the left, the island groups named beside their insets;
 * the legend follows on the right, or sits in the words' column (`aside`) on a landscape image.
 */
function mapDrawing(shapes: readonly ProvinceShape[], layer: MapLayer, lang: Lang): FrameDrawing {
  return (ctx, plot, unit, format, aside) => {
    const font = registerFonts();
    const height = Math.round(plot.bottom - plot.top);
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
    const legendWidth = aside ? 0 : size * 1.6 + Math.max(...legend.map((item) => ctx.measureText(item.label).width));
    ctx.font = `${unit}px "${font}"`;
    const islandLines = (group: 'hoang-sa' | 'truong-sa', province: string) => [...t(lang, group === 'hoang-sa' ? 'map.hoangSa' : 'map.truongSa').split('\n'), `(${province})`];
    const labelWidth = Math.max(...shapes.filter((shape) => shape.islands).flatMap((shape) => islandLines(shape.islands!.group, shape.name)).map((line) => ctx.measureText(line).width));
    // A square box: the map's layout then fits mainland and insets together (a narrower one may not).
    // Beside it: the islands' names (at their insets), and the legend unless it is aside.
    const width = Math.round(Math.min(height, plot.right - plot.left - legendWidth - labelWidth - unit * (aside ? 1.3 : 2.3)));
    const insets = choroplethInsets(shapes, { width, height });
    const map = renderChoroplethSvg(shapes, layer, { width, height, lang, title: mapTitle(layer, lang), description: '', insetLabels: false });
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillStyle = '#1b1f24';
    // Each group named beside its inset, top-aligned with it; pushed down clear of the one above
    // and, all together, up clear of the plot's bottom.
    // Where all lines do not fit the plot's height (square posts), the provinces' names go.
    const full = insets.map((inset) => ({ inset, lines: islandLines(inset.group, inset.province) }));
    const fits = full.reduce((sum, { lines }) => sum + lines.length, 0) * unit * 1.15 <= plot.bottom - plot.top;
    const named = fits ? full : full.map(({ inset, lines }) => ({ inset, lines: lines.slice(0, -1) }));
    let below = plot.top;
    const tops = named.map(({ inset, lines }) => {
      const top = Math.max(plot.top + inset.y, below);
      below = top + lines.length * unit * 1.15;
      return top;
    });
    const lift = Math.min(Math.max(0, below - plot.bottom), Math.max(0, (tops[0] ?? plot.top) - plot.top));
    let islandsRight = plot.left + width;
    named.forEach(({ inset, lines }, index) => {
      const x = plot.left + inset.x + inset.width + unit * 0.3;
      lines.forEach((line, row) => ctx.fillText(line, x, tops[index]! - lift + row * unit * 1.15));
      islandsRight = Math.max(islandsRight, x + Math.max(...lines.map((line) => ctx.measureText(line).width)));
    });
    const legendLeft = aside ? aside.left : Math.min(islandsRight + unit, plot.right - legendWidth);
    ctx.font = `${size}px "${font}"`;
    const legendTop = aside ? aside.top : plot.bottom - legend.length * row;
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
  return frameSvg(format, mapFrameWords(layer, lang, host), mapDrawing(shapes, layer, lang));
}

/** A map as a newsroom image, PNG. */
export function mapImagePng(shapes: readonly ProvinceShape[], layer: MapLayer, lang: Lang, format: ImageFormat, host: string | undefined): Promise<Buffer> {
  return framePng(format, mapFrameWords(layer, lang, host), mapDrawing(shapes, layer, lang));
}

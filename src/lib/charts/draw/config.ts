import { layouts, type Chart, type ChartConfiguration, type ChartDataset, type LayoutItem, type Plugin, type PointElement, type Scale, type TooltipItem } from 'chart.js';
import { _isPointInArea, clipArea, drawPoint, getDatasetClipArea, unclipArea } from 'chart.js/helpers';
import type { Lang } from '../../../i18n/index.ts';
import { formatDate, formatNumber, formatPercent } from '../../core/format.ts';
import { BREAKABLE_SPACE, fill, wordValue, type ChartWords } from '../../stats/chart-text.ts';
import type { BarChartSpec, ChartSpec, ChartSeries, TimelineChartSpec } from '../model/spec.ts';
import type { FigureQualifier, PrintedIn } from '../../stats/figures.ts';

/**
 * THE function from a chart spec to a Chart.js configuration. The build renders it on a canvas
 * (SVG, PNG) and `<chart-live>` runs it in the browser, so the static and the live chart are
 * drawn from the same configuration and cannot drift apart.
 *
 * Honesty rules enforced here (and unit-tested): value axes start at zero; percentages run
 * 0–100 unless the spec marks another range; one dataset never mixes bases, measures or counting
 * methods (specs split them); gaps are never bridged (`spanGaps: false`) and a long stretch
 * without figures is drawn dashed on a time-proportional axis; lower bounds are marked.
 */

/** Presentation only: sizes and fonts differ between the page and the newsroom images; data never does. */
export interface ChartLook {
  lang: Lang;
  /** Font family for every label (the build registers Noto Sans; browsers use the page's). */
  fontFamily: string;
  /** Multiplier for type and strokes (1 on a page, ~2.6 on a 1920×1080 TV image). */
  scale: number;
  /** Space kept free around the plot (title, date and source are drawn there on images). */
  padding: { top: number; right: number; bottom: number; left: number };
  /** Browser: follow the container's size. Build: fixed canvas size. */
  responsive: boolean;
  /** Narrow drawing (phones, < 500 px): bar labels on two lines, fewer ticks. */
  compact?: boolean;
  /** Images leave out the value axis's title: their headline already names what is counted. */
  axisTitle?: boolean;
}

/** Data point as handed to Chart.js: position plus what the tooltip and marks need. */
export interface PointDatum {
  x: number;
  y: number;
  /** Qualifier of the published value (`more_than` = lower bound). */
  q: FigureQualifier;
  /** How the value was printed (a count in millions keeps its rounding in the tooltip). */
  p: PrintedIn;
  /** Decimals printed for a rate. */
  dc: number | null;
  /** ISO date. */
  d: string;
}

export const palette = ['#0b5cad', '#c2410c', '#7b3fa0', '#0a7a4b', '#4a5560', '#a16207'] as const;
export const targetColour = '#9a3412';
const breakColour = '#1b1f24';
const eventColour = '#4a5560';
const gridColour = 'rgba(27, 31, 36, 0.12)';
const inkColour = '#1b1f24';

/** Days without a figure beyond which a line is drawn dashed ("no figures in between"). */
export const GAP_DAYS = 14;
const DAY_MS = 86_400_000;

/** Noon in Vietnam of an ISO date, as a time value: the x position of a figure. */
export function dateValue(isoDate: string): number {
  return Date.parse(`${isoDate}T12:00:00+07:00`);
}

/** The ISO date (Vietnam) of an x position. */
function isoOfValue(value: number): string {
  return new Date(value + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** First-of-month positions between two time values, thinned to at most `max` ticks. */
export function monthTicks(min: number, max: number, max_: number): number[] {
  const start = new Date(min + 7 * 3_600_000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  const months: number[] = [];
  for (;;) {
    if (month > 11) {
      month = 0;
      year += 1;
    }
    const value = Date.UTC(year, month, 1, 5);
    if (value > max) break;
    months.push(value);
    month += 1;
  }
  const step = Math.max(1, Math.ceil(months.length / Math.max(1, max_)));
  return months.filter((_, index) => index % step === 0);
}

/** Month label on the time axis: `08/2020`, `Aug 2020`. */
export function monthLabel(value: number, lang: Lang, compact = false): string {
  const iso = isoOfValue(value);
  const [year, month] = iso.split('-');
  // "May 2020" does not fit three to a narrow axis in large type; "05/2020" does.
  if (lang === 'vi' || compact) return `${month}/${year}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Count on an axis: `10 triệu`, `10 million`. */
export function compactCount(value: number, lang: Lang, words: ChartWords): string {
  if (value === 0) return '0';
  if (value >= 1_000_000) return fill(words.millions, { n: formatNumber(value / 1_000_000, lang, 1) });
  return formatNumber(value, lang);
}

/**
 * An axis title as lines that fit a narrow drawing (Chart.js draws an array as lines), so a long
 * basis ("% of smartphones (devices or subscriptions, …)") is never cut at a phone's edges.
 */
export function axisTitle(text: string, look: Pick<ChartLook, 'compact'>): string | string[] {
  if (!look.compact) return text;
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 36) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function valueTick(unit: 'percent' | 'count', lang: Lang, words: ChartWords) {
  return (value: number | string) => (unit === 'percent' ? formatPercent(Number(value), lang, 0) : compactCount(Number(value), lang, words));
}

function font(look: ChartLook, size: number, weight: 'normal' | 'bold' = 'normal') {
  return { family: look.fontFamily, size: Math.round(size * look.scale), weight };
}

/** The value axis of every chart: from zero to the spec's maximum, gridded, titled with what is counted. */
function valueAxis(spec: ChartSpec, look: ChartLook, unit: 'percent' | 'count', extraTicks: { stepSize?: number; maxRotation?: number } = {}) {
  const lang = look.lang;
  return {
    type: 'linear' as const,
    min: 0,
    max: spec.axisMax ?? undefined,
    beginAtZero: true,
    grid: { color: gridColour, lineWidth: look.scale },
    ticks: { font: font(look, 12), color: inkColour, callback: valueTick(unit, lang, spec.words[lang]), ...extraTicks },
    title: { display: look.axisTitle ?? true, text: axisTitle(spec.words[lang].valueAxis, look), font: font(look, 13, 'bold'), color: inkColour },
  };
}

/** Marker for a published value: triangle for a lower bound, hollow for "about". */
function pointStyle(q: FigureQualifier): 'triangle' | 'circle' {
  return q === 'more_than' ? 'triangle' : 'circle';
}

/**
 * A line with more figures than this (daily figures over months) is drawn as a line: a marker on
 * every day would merge into a tube (and made a two-year series' SVG 500 kB). Its last figure and
 * every figure with a qualifier ("hơn", "khoảng") keep their marker, so no lower bound or
 * rounded figure ever looks exact; the live chart still marks the figure under the pointer.
 */
const DENSE_POINTS = 60;

/** A marker's outline, and its radius under the pointer (live chart), at page scale. */
const POINT_BORDER = 2;
const HOVER_RADIUS = 7;

const isDense = (data: readonly unknown[]) => data.length > DENSE_POINTS;

/** Whether a figure of a dense line keeps its marker: the last and every qualified one (a short line marks every figure). */
function isMarkedWhenDense(data: readonly PointDatum[], index: number): boolean {
  return data[index]!.q !== 'exact' || index === data.length - 1;
}

/** A figure's marker: a triangle for a lower bound ("hơn"), hollow for "about", filled otherwise. */
function marker(datum: PointDatum, colour: string, look: ChartLook): { radius: number; style: 'triangle' | 'circle'; background: string } {
  return { radius: (datum.q === 'more_than' ? 6 : 4) * look.scale, style: pointStyle(datum.q), background: datum.q === 'about' ? '#ffffff' : colour };
}

/** A figure line's colour: the country's own, the others by their order. */
function seriesColour(series: ChartSeries, index: number): string {
  return series.role === 'country' ? palette[3] : palette[index % palette.length]!;
}

function seriesDataset(series: ChartSeries, index: number, look: ChartLook): ChartDataset<'line', PointDatum[]> {
  const colour = seriesColour(series, index);
  const data = series.points.map((point) => ({ x: dateValue(point.date), y: point.value, q: point.qualifier, p: point.printedIn, dc: point.decimals, d: point.date }));
  // A dense line's few markers are drawn by `denseMarkersPlugin`: options given per point make
  // Chart.js resolve every point's options on every drawing (two thirds of a 730-day chart's SVG
  // time), while options shared by all points are resolved once.
  const markers = isDense(data) ? undefined : data.map((datum) => marker(datum, colour, look));
  const longGap = data.some((datum, i) => i > 0 && datum.x - data[i - 1]!.x > GAP_DAYS * DAY_MS);
  return {
    type: 'line',
    label: series.label[look.lang],
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5 * look.scale,
    pointRadius: markers ? markers.map((m) => m.radius) : 0,
    pointHoverRadius: HOVER_RADIUS * look.scale,
    pointStyle: markers ? markers.map((m) => m.style) : 'circle',
    pointBackgroundColor: markers ? markers.map((m) => m.background) : colour,
    pointBorderColor: colour,
    pointBorderWidth: POINT_BORDER * look.scale,
    spanGaps: false,
    tension: 0,
    fill: false,
    // A long stretch without figures is not a measurement: draw it dashed. Only where the line has
    // one: a per-segment option is resolved for every segment of every drawing.
    segment: longGap ? { borderDash: (ctx) => ((ctx.p1.parsed.x ?? 0) - (ctx.p0.parsed.x ?? 0) > GAP_DAYS * DAY_MS ? [6 * look.scale, 5 * look.scale] : undefined) } : undefined,
  };
}

/**
 * Draws the markers of every dense figure line (see `DENSE_POINTS`) as Chart.js draws a point, in
 * the same place of the drawing order (right after its line, in the line's clip) and the same
 * style, so the static and the live chart show them alike.
 */
function denseMarkersPlugin(spec: TimelineChartSpec, look: ChartLook): Plugin<'line'> {
  return {
    id: 'denseMarkers',
    afterDatasetDraw(chart, { index, meta }) {
      const series = spec.series[index];
      const data = chart.data.datasets[index]?.data as PointDatum[] | undefined;
      if (!series || !data || meta.hidden || !isDense(data)) return;
      const ctx = chart.ctx;
      const colour = seriesColour(series, index);
      const clip = getDatasetClipArea(chart, meta);
      if (clip) clipArea(ctx, clip);
      data.forEach((datum, i) => {
        const point = meta.data[i] as (PointElement & { skip?: boolean }) | undefined;
        if (!point || point.skip || !isMarkedWhenDense(data, i)) return;
        const { radius, style, background } = marker(datum, colour, look);
        const borderWidth = POINT_BORDER * look.scale;
        // Chart.js's test for a point: its larger radius (hovered) and border inside the plot.
        if (!_isPointInArea(point, chart.chartArea, Math.max(radius, HOVER_RADIUS * look.scale) + borderWidth)) return;
        ctx.strokeStyle = colour;
        ctx.lineWidth = borderWidth;
        ctx.fillStyle = background;
        drawPoint(ctx, { pointStyle: style, rotation: 0, radius, borderWidth }, point.x, point.y);
      });
      if (clip) unclipArea(ctx);
    },
  };
}

/** The x range of a timeline: every figure, target line and break, with a little air. */
function timeRange(spec: TimelineChartSpec): { min: number; max: number } {
  const values = [
    ...spec.series.flatMap((s) => s.points.map((p) => dateValue(p.date))),
    ...spec.targets.flatMap((target) => [target.from, target.deadline].filter((d): d is string => d !== null).map(dateValue)),
    ...spec.breaks.map((b) => dateValue(b.date)),
    ...spec.events.map((e) => dateValue(e.date)),
  ];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const air = Math.max((max - min) * 0.04, 3 * DAY_MS);
  return { min: min - air, max: max + air };
}

function targetDatasets(spec: TimelineChartSpec, range: { min: number; max: number }, look: ChartLook): ChartDataset<'line', PointDatum[]>[] {
  return spec.targets.map((target) => {
    const from = target.from ? dateValue(target.from) : range.min;
    const to = target.deadline ? dateValue(target.deadline) : range.max;
    return {
      type: 'line',
      label: target.label[look.lang],
      data: [
        { x: from, y: target.value, q: 'exact', p: 'units', dc: null, d: target.from ?? '' },
        { x: to, y: target.value, q: 'exact', p: 'units', dc: null, d: target.deadline ?? '' },
      ],
      borderColor: targetColour,
      backgroundColor: targetColour,
      borderDash: [10 * look.scale, 6 * look.scale],
      borderWidth: 2 * look.scale,
      // Named on the line itself (lineLabelsPlugin): no marker to decode.
      pointRadius: 0,
      pointHoverRadius: 0,
      spanGaps: false,
      fill: false,
    };
  });
}

/**
 * Whether a rectangle (canvas pixels, widened by `margin` for the markers' size) covers any drawn
 * point or line segment (of the datasets `counts` selects: e.g. the figures, not the target lines).
 */
function crossesDrawing(chart: Chart<'line'>, box: Box, margin: number, counts: (index: number) => boolean = () => true): boolean {
  const inside = (x: number, y: number) => x >= box.left - margin && x <= box.right + margin && y >= box.top - margin && y <= box.bottom + margin;
  return chart.data.datasets.some((_, index) => {
    const meta = chart.getDatasetMeta(index);
    if (meta.hidden || !counts(index)) return false;
    const points = meta.data.filter((point) => !(point as { skip?: boolean }).skip && Number.isFinite(point.x) && Number.isFinite(point.y));
    return points.some((point, i) => {
      if (inside(point.x, point.y)) return true;
      const next = points[i + 1];
      if (!next) return false;
      // A segment crosses the box if any of its samples falls inside (segments are short; 24 samples suffice).
      for (let step = 1; step < 24; step += 1) {
        if (inside(point.x + ((next.x - point.x) * step) / 24, point.y + ((next.y - point.y) * step) / 24)) return true;
      }
      return false;
    });
  });
}

/** A rectangle on the canvas, in pixels. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Draws each series break as a labelled vertical rule (no plugin package needed). `targetNames`
 * holds where the target names were put (filled by `lineLabelsPlugin` before the figures are
 * drawn): a rule's label keeps clear of them too.
 */
function breaksPlugin(spec: TimelineChartSpec, look: ChartLook, targetNames: readonly Box[]): Plugin<'line'> {
  return {
    id: 'seriesBreaks',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x as Scale | undefined;
      if (!x) return;
      const marks = [...spec.breaks.map((item) => ({ item, colour: breakColour, side: 'right' as const })), ...spec.events.map((item) => ({ item, colour: eventColour, side: 'left' as const }))];
      // Each label on its own line, so a launch and a break close together never overprint.
      for (const [index, { item, colour, side }] of marks.entries()) {
        const px = x.getPixelForValue(dateValue(item.date));
        if (px < chartArea.left || px > chartArea.right) continue;
        ctx.save();
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2 * look.scale;
        ctx.setLineDash([3 * look.scale, 3 * look.scale]);
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = colour;
        ctx.font = `bold ${Math.round(12 * look.scale)}px ${look.fontFamily}`;
        ctx.textBaseline = 'bottom';
        // Its own line from the bottom, where target names never are. If a drawn point or line lies
        // under it (the first figure of a series sits low, next to the launch): the short label
        // there, else the nearest clear line above, else the nearest crossing only a target's
        // line; failing all, its own line.
        const height = 14 * look.scale;
        const own = chartArea.bottom - (4 + index * 17) * look.scale;
        const rows = Array.from({ length: Math.floor((chartArea.bottom - chartArea.top - height) / (17 * look.scale)) }, (_, k) => chartArea.bottom - (4 + (index + k) * 17) * look.scale);
        const labels = [item.label[look.lang], ...(item.short ? [item.short[look.lang]] : [])].map((text) => {
          // The label's preferred side, unless it would leave the plot there (a rule near an edge).
          const width = ctx.measureText(text).width + 4 * look.scale;
          const other = side === 'right' ? 'left' : 'right';
          const fitsOn = (align: 'left' | 'right') => (align === 'right' ? px - width >= chartArea.left : px + width <= chartArea.right);
          // Neither side has room (a narrow drawing): end it at the plot's edge nearest the rule.
          const align = fitsOn(side) ? side : fitsOn(other) ? other : px > (chartArea.left + chartArea.right) / 2 ? 'right' : 'left';
          const anchor = fitsOn(side) || fitsOn(other) ? px + (align === 'right' ? -4 : 4) * look.scale : align === 'right' ? chartArea.right : chartArea.left;
          return { text, align, anchor, left: align === 'right' ? anchor - width : anchor, width };
        });
        const placements = rows.flatMap((baseline) =>
          labels.map((label) => {
            const box = { left: label.left, right: label.left + label.width, top: baseline - height, bottom: baseline };
            const clearOfWords = !targetNames.some((name) => overlaps(name, box));
            return { ...label, baseline, clear: clearOfWords && !crossesDrawing(chart, box, 6 * look.scale), clearOfFigures: clearOfWords && !crossesDrawing(chart, box, 6 * look.scale, (i) => i < spec.series.length) };
          }),
        );
        // Crossing a target's dashed line (on a white band) is better than covering a figure; on a
        // narrow plot where every row does one or the other (a square post: the first figures
        // rise steeply beside the launch), the label stands along its rule, reading upwards.
        const chosen = placements.find((placement) => placement.clear) ?? placements.find((placement) => placement.clearOfFigures);
        const along = chosen
          ? undefined
          : labels
              .flatMap((label) => [side, side === 'right' ? 'left' : 'right'].map((rotatedSide) => ({ label, rotatedSide })))
              .map(({ label, rotatedSide }) => {
                const left = rotatedSide === 'right' ? px + 4 * look.scale : px - 4 * look.scale - height;
                const box = { left, right: left + height, top: chartArea.bottom - 4 * look.scale - label.width, bottom: chartArea.bottom - 4 * look.scale };
                const fits = box.top >= chartArea.top && box.left >= chartArea.left && box.right <= chartArea.right;
                return { text: label.text, box, clear: fits && !targetNames.some((name) => overlaps(name, box)) && !crossesDrawing(chart, box, 6 * look.scale, (i) => i < spec.series.length) };
              })
              .find((label) => label.clear);
        if (along) {
          ctx.translate(along.box.right, along.box.bottom);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = 'left';
          ctx.fillText(along.text, 0, 0);
        } else {
          const label = chosen ?? { ...placements[0]!, baseline: own, clear: false, clearOfFigures: false };
          if (!label.clear && label.clearOfFigures) {
            whiteBand(ctx, label.left, label.baseline - height, label.width, height);
            ctx.fillStyle = colour;
          }
          ctx.textAlign = label.align;
          ctx.fillText(label.text, label.anchor, label.baseline);
        }
        ctx.restore();
      }
    },
  };
}

/** Splits a label into lines no wider than `maxWidth` with the context's current font. */
function wrapLabel(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(BREAKABLE_SPACE)) {
    const last = lines.at(-1);
    if (last !== undefined && ctx.measureText(`${last} ${word}`).width <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A nearly opaque white rectangle under words, so lines behind them do not cut the letters. */
function whiteBand(ctx: CanvasRenderingContext2D, left: number, top: number, width: number, height: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(left, top, width, height);
}

/** Writes text on a white band so it stays legible over grid lines and other lines. */
function labelText(ctx: CanvasRenderingContext2D, lines: string[], x: number, top: number, lineHeight: number, align: 'left' | 'right', colour: string): void {
  const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
  whiteBand(ctx, align === 'left' ? x - 2 : x - width - 2, top, width + 4, lines.length * lineHeight);
  ctx.fillStyle = colour;
  ctx.textAlign = align;
  ctx.textBaseline = 'top';
  lines.forEach((line, index) => ctx.fillText(line, x, top + index * lineHeight + lineHeight * 0.1));
}

/**
 * Room kept above the plot (px) for the name of a target drawn at its top: a target above every
 * figure sets the axis maximum, and with no room above its line its name went below it, where
 * it read as the name of the next line down ("50 triệu lượt tải" over the 45-million line).
 * None when a figure or the spec's own maximum is higher.
 */
function targetHeadroom(spec: TimelineChartSpec, look: ChartLook): number {
  if (spec.targets.length === 0) return 0;
  const topTarget = Math.max(...spec.targets.map((target) => target.value));
  const topFigure = Math.max(0, ...spec.series.flatMap((series) => series.points.map((point) => point.value)));
  if (topTarget < topFigure || (spec.axisMax !== null && topTarget < spec.axisMax)) return 0;
  return Math.ceil(labelLineHeight(look) + 2 * look.scale);
}

/** Height of one line of a chart's direct labels (px). */
function labelLineHeight(look: ChartLook): number {
  return Math.round(12 * look.scale) * 1.2;
}

/**
 * Names every line at its last figure and every target on its dashed line, so no legend box
 * (or marker shape) has to be decoded. The end labels get a column of their own right of the
 * plot (a Chart.js layout box), sized to the widest label, so they never leave the drawing.
 * Used by the page, the live chart and every image alike.
 */
function lineLabelsPlugin(spec: TimelineChartSpec, look: ChartLook, placedNames: Box[], headroom: number): Plugin<'line'> {
  const size = Math.round(12 * look.scale);
  const lineHeight = labelLineHeight(look);
  const gap = 8 * look.scale;
  const fontCss = `bold ${size}px ${look.fontFamily}`;
  const seriesCount = spec.series.length;
  let wrapped: string[][] = [];
  const column = (chart: Chart): LayoutItem & { options: object } => ({
    // Chart.js reads stacking options from every box; this one stacks with nothing.
    options: {},
    position: 'right',
    weight: 0,
    fullSize: false,
    width: 0,
    height: 0,
    left: 0,
    top: 0,
    right: 0,
    bottom: 0,
    isHorizontal: () => false,
    update(_maxWidth: number, maxHeight: number) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = fontCss;
      // The place alone names a line when no two lines share a place: a chart has one basis, and
      // its axis, title and headline already say it ("Quảng Ninh: % dân số" beside "37 % dân số"
      // read twice on a TV frame). A long name wraps instead of squeezing the plot: at most a
      // quarter of the drawing (a fifth when compact).
      const heads = spec.series.map((series) => series.label[look.lang].split(': ')[0]!);
      const short = new Set(heads).size === heads.length;
      wrapped = spec.series.map((series, index) => wrapLabel(ctx, short ? heads[index]! : series.label[look.lang], Math.max(chart.width * (look.compact ? 0.2 : 0.25), 60 * look.scale)));
      const widest = Math.max(0, ...wrapped.flat().map((line) => ctx.measureText(line).width));
      ctx.restore();
      this.width = widest > 0 ? widest + gap + 4 * look.scale : 0;
      this.height = maxHeight;
    },
    draw() {},
  });
  /**
   * Targets are named on their line, pushed apart when two levels lie close; a name longer than
   * the plot wraps. Each name takes the first place that covers no figure and no other target
   * line — above its line at the deadline end, below it, then slid towards the line's start —
   * trying the full name, then its value part alone ("30 triệu lượt tải"), then that
   * on two lines; failing that, the first such place that covers no figure; failing that (a
   * square post's squat plot), the empty room left of the line's start; failing that, the first
   * place (drawn under the figures).
   */
  const placeTargetNames = (chart: Chart<'line'>) => {
    const { ctx, chartArea } = chart;
    const margin = 6 * look.scale;
    const targets = spec.targets
      .flatMap((target, index) => {
        const own = seriesCount + index;
        const [from, to] = chart.getDatasetMeta(own).data;
        if (!from || !to) return [];
        const right = Math.max(chartArea.left, Math.min(to.x, chartArea.right) - 4 * look.scale);
        const left = Math.min(chartArea.right, Math.max(from.x, chartArea.left) + 4 * look.scale);
        const room = chartArea.width - 8 * look.scale;
        const full = target.label[look.lang];
        const short = full.split(': ')[0]!;
        const oneLine = (text: string) => (ctx.measureText(text).width <= room ? [text] : wrapLabel(ctx, text, room));
        // Last resort before covering a figure: the value part on two lines, half as wide.
        const twoLines = wrapLabel(ctx, short, ctx.measureText(short).width * 0.6);
        const variants = [...new Set([ctx.measureText(full).width <= room ? full : short, short])].map(oneLine);
        if (twoLines.length === 2) variants.push(twoLines);
        const candidates = variants.flatMap((lines) => {
          const widest = Math.max(...lines.map((line) => ctx.measureText(line).width));
          const height = lines.length * lineHeight;
          // Just above or just below the line, so the dashed level itself stays visible.
          const above = to.y - height - 2 * look.scale;
          const below = to.y + 2 * look.scale;
          const endX = right - widest < chartArea.left ? chartArea.left + 4 * look.scale + widest : right;
          const startX = left + widest > chartArea.right ? chartArea.right - 4 * look.scale - widest : left;
          // Between the ends: slid from the deadline end towards the start, where the launch
          // rule's words stand.
          const slid = [3, 2, 1].map((step) => startX + ((endX - widest - startX) * step) / 4).filter((x) => x > startX && x + widest < endX);
          const places = [
            { x: endX, top: above, align: 'right' as const },
            { x: endX, top: below, align: 'right' as const },
            ...slid.flatMap((x) => [{ x, top: above, align: 'left' as const }, { x, top: below, align: 'left' as const }]),
            { x: startX, top: above, align: 'left' as const },
            { x: startX, top: below, align: 'left' as const },
            // Only when every place on the line covers a figure: the empty room before a line stated after the first figures.
            { x: chartArea.left + 4 * look.scale, top: above, align: 'left' as const, beforeLine: true },
            { x: chartArea.left + 4 * look.scale, top: below, align: 'left' as const, beforeLine: true },
          ];
          return places
            .filter((place) => place.top >= chartArea.top - headroom && place.top + height <= chartArea.bottom)
            .map((place) => {
              const boxLeft = place.align === 'right' ? place.x - widest : place.x;
              const box = { left: boxLeft, right: boxLeft + widest, top: place.top, bottom: place.top + height };
              return {
                ...place,
                lines,
                width: widest,
                hidesFigure: crossesDrawing(chart, box, margin, (i) => i < seriesCount),
                hidesTarget: crossesDrawing(chart, box, margin, (i) => i >= seriesCount && i !== own),
              };
            });
        });
        return candidates.length > 0 ? [{ lineY: to.y, candidates }] : [];
      })
      // Top line first: the order in which the search below meets the names (and breaks ties).
      .sort((a, b) => a.lineY - b.lineY);
    type Candidate = (typeof targets)[number]['candidates'][number];
    const boxOf = (c: Candidate): Box => {
      const boxLeft = c.align === 'right' ? c.x - c.width : c.x;
      return { left: boxLeft, right: boxLeft + c.width, top: c.top, bottom: c.top + c.lines.length * lineHeight };
    };
    // Every name's place chosen together (a chart has a few targets, each a few dozen places): the
    // set that covers the fewest figures, then overprints the fewest names, then leaves the fewest
    // lines for the room before them, then crosses the fewest other target lines, then keeps each
    // name at its most preferred place. One name at a time, a name taking the only gap between two
    // close lines could leave the next nowhere but over it or over the figures.
    const cost = (c: Candidate, rank: number) => (c.hidesFigure ? 1e6 : 0) + ('beforeLine' in c ? 1e3 : 0) + (c.hidesTarget ? 1e2 : 0) + rank * 0.01;
    const options = targets.map((target) => target.candidates.map((candidate, rank) => ({ candidate, box: boxOf(candidate), cost: cost(candidate, rank) })).sort((a, b) => a.cost - b.cost));
    // The least the names from `index` on can add (each at its cheapest place): a branch that cannot
    // beat the best set found so far is not explored.
    const leastFrom = options.map((_, index) => options.slice(index).reduce((sum, places) => sum + places[0]!.cost, 0));
    let best: { total: number; picks: number[] } = { total: Infinity, picks: [] };
    const picks: number[] = [];
    const search = (index: number, total: number) => {
      if (total + (leastFrom[index] ?? 0) >= best.total) return;
      if (index === options.length) {
        best = { total, picks: [...picks] };
        return;
      }
      options[index]!.forEach((option, pick) => {
        const overprints = picks.filter((other, j) => overlaps(options[j]![other]!.box, option.box)).length;
        picks.push(pick);
        search(index + 1, total + option.cost + overprints * 1e4);
        picks.pop();
      });
    };
    search(0, 0);
    const names: Candidate[] = best.picks.map((pick, index) => ({ ...options[index]![pick]!.candidate }));
    // Failing a free place, a name is pushed below the one above it rather than printed over it.
    names.sort((a, b) => a.top - b.top);
    let below = chartArea.top - headroom;
    for (const name of names) {
      const box = boxOf(name);
      if (names.some((other) => other !== name && other.top < name.top && overlaps(boxOf(other), box))) name.top = Math.max(name.top, below);
      below = Math.max(below, name.top + name.lines.length * lineHeight);
    }
    placedNames.splice(0, placedNames.length, ...names.map(boxOf));
    return names;
  };
  let targetNames: ReturnType<typeof placeTargetNames> = [];
  return {
    id: 'lineLabels',
    beforeInit(chart) {
      layouts.addBox(chart, column(chart as unknown as Chart));
    },
    // Target names are placed before the figures are drawn: one that must cover a figure goes
    // under it (the figure shows on top); the others are written over the drawing afterwards.
    beforeDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = fontCss;
      targetNames = placeTargetNames(chart);
      for (const name of targetNames) if (name.hidesFigure) labelText(ctx, name.lines, name.x, name.top, lineHeight, name.align, targetColour);
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = fontCss;
      // Series names at their last figure, pushed apart so two ends close together never overprint.
      const ends = spec.series
        .map((series, index) => {
          const last = chart.getDatasetMeta(index).data.at(-1);
          if (!last) return undefined;
          const lines = wrapped[index] ?? [series.label[look.lang]];
          return { x: last.x + gap, top: last.y - (lines.length * lineHeight) / 2, lines, colour: chart.data.datasets[index]?.borderColor as string };
        })
        .filter((end) => end !== undefined)
        .sort((a, b) => a.top - b.top);
      let floor = -Infinity;
      for (const end of ends) {
        end.top = Math.max(end.top, floor);
        floor = end.top + end.lines.length * lineHeight;
      }
      let ceiling = chartArea.bottom;
      for (const end of ends.reverse()) {
        end.top = Math.max(chartArea.top, Math.min(end.top, ceiling - end.lines.length * lineHeight));
        ceiling = end.top;
        labelText(ctx, end.lines, end.x, end.top, lineHeight, 'left', end.colour);
      }
      for (const name of targetNames) if (!name.hidesFigure) labelText(ctx, name.lines, name.x, name.top, lineHeight, name.align, targetColour);
      ctx.restore();
    },
  };
}

/** Writes each bar's value (with its qualifier) at the bar's end, so no number needs a tooltip. */
function barValuesPlugin(spec: BarChartSpec, look: ChartLook): Plugin<'bar'> {
  return {
    id: 'barValues',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.fillStyle = inkColour;
      ctx.font = `bold ${Math.round(12 * look.scale)}px ${look.fontFamily}`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      meta.data.forEach((element, index) => {
        const bar = spec.bars[index];
        if (!bar) return;
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(wordValue(bar.point, 'percent', look.lang, spec.words[look.lang]), x + 5 * look.scale, y);
      });
      ctx.restore();
    },
  };
}

function barConfig(spec: BarChartSpec, look: ChartLook): ChartConfiguration<'bar', number[], string> {
  const { lang } = look;
  const colours = spec.bars.map((bar) => (bar.role === 'country' ? palette[3] : bar.role === 'subject' ? palette[1] : palette[0]));
  return {
    type: 'bar',
    data: {
      // On a phone the place and its date go on two lines, leaving room for the bars.
      labels: spec.bars.map((bar) => (look.compact ? bar.label[lang].split(' · ') : bar.label[lang])) as string[],
      datasets: [
        {
          label: spec.words[lang].valueAxis,
          data: spec.bars.map((bar) => bar.point.value),
          backgroundColor: colours,
          borderColor: colours,
          borderWidth: 0,
          barPercentage: 0.8,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: look.responsive,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: look.responsive ? undefined : 1,
      layout: { padding: look.padding },
      scales: {
        // Bars start at zero; rates run to 100% so a 5% bar looks like 5%.
        x: valueAxis(spec, look, 'percent', { stepSize: look.compact ? 25 : 20, maxRotation: 0 }),
        y: {
          type: 'category',
          grid: { display: false },
          ticks: { font: font(look, 12), color: inkColour, autoSkip: false },
        },
      },
      plugins: {
        tooltip: {
          titleFont: font(look, 13, 'bold'),
          bodyFont: font(look, 13),
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => spec.bars[items[0]?.dataIndex ?? 0]?.regionName ?? '',
            label: (item: TooltipItem<'bar'>) => barTooltip(spec, item.dataIndex, lang),
          },
        },
      },
    },
    plugins: [barValuesPlugin(spec, look)],
  };
}

/** Tooltip line of a bar: value, basis, date, rank. Also used by tests to compare with the spec. */
export function barTooltip(spec: BarChartSpec, index: number, lang: Lang): string {
  const bar = spec.bars[index];
  if (!bar) return '';
  const words = spec.words[lang];
  const rank = bar.point.rank !== null && bar.point.rankOf !== null ? ` · ${fill(words.rank, { rank: String(bar.point.rank), of: String(bar.point.rankOf) })}` : '';
  return `${wordValue(bar.point, 'percent', lang, words)} (${words.valueAxis}), ${formatDate(bar.point.date, lang)}${rank}`;
}

/** Tooltip line of a timeline point: series, value with qualifier. */
export function pointTooltip(label: string, datum: PointDatum, spec: TimelineChartSpec, lang: Lang): string {
  return `${label}: ${wordValue({ value: datum.y, qualifier: datum.q, printedIn: datum.p, decimals: datum.dc }, spec.unit, lang, spec.words[lang])}`;
}

function timelineConfig(spec: TimelineChartSpec, look: ChartLook): ChartConfiguration<'line', PointDatum[]> {
  const { lang } = look;
  const range = timeRange(spec);
  const datasets = [...spec.series.map((series, index) => seriesDataset(series, index, look)), ...targetDatasets(spec, range, look)];
  const seriesCount = spec.series.length;
  // Where the target names went, shared by the two label plugins so their words never overprint.
  const targetNames: Box[] = [];
  const headroom = targetHeadroom(spec, look);
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: look.responsive,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: look.responsive ? undefined : 1,
      layout: { padding: { ...look.padding, top: look.padding.top + headroom } },
      // Hovering or focusing picks the nearest figure, never an interpolated value.
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          // Time-proportional: positions are dates, so uneven reporting shows as uneven spacing.
          type: 'linear',
          min: range.min,
          max: range.max,
          grid: { color: gridColour, lineWidth: look.scale },
          afterBuildTicks: (scale: Scale) => {
            // As many month labels as the axis holds side by side at this type size (at most 7):
            // "Aug 2020" needs about 80 px at 12 px type, "08/2020" 70; compact (phones, square
            // posts): three, room for "05/2021" in large type.
            const room = (lang === 'en' ? 80 : 70) * look.scale;
            const count = look.compact ? 3 : Math.max(3, Math.min(7, Math.floor((scale.maxWidth || 7 * room) / room)));
            scale.ticks = monthTicks(range.min, range.max, count).map((value) => ({ value }));
          },
          ticks: { font: font(look, 12), color: inkColour, callback: (value: number | string) => monthLabel(Number(value), lang, look.compact), maxRotation: 0 },
        },
        y: valueAxis(spec, look, spec.unit),
      },
      plugins: {
        tooltip: {
          titleFont: font(look, 13, 'bold'),
          bodyFont: font(look, 13),
          // Target lines are named on the line; tooltips show measured figures only.
          filter: (item: TooltipItem<'line'>) => item.datasetIndex < seriesCount,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const datum = items[0]?.raw as PointDatum | undefined;
              return datum?.d ? formatDate(datum.d, lang) : '';
            },
            label: (item: TooltipItem<'line'>) => pointTooltip(item.dataset.label ?? '', item.raw as PointDatum, spec, lang),
          },
        },
      },
    },
    plugins: [denseMarkersPlugin(spec, look), breaksPlugin(spec, look, targetNames), lineLabelsPlugin(spec, look, targetNames, headroom)],
  };
}

/** The Chart.js configuration of a spec, for a given look. */
export function chartConfig(spec: ChartSpec, look: ChartLook): ChartConfiguration {
  return (spec.kind === 'bar' ? barConfig(spec, look) : timelineConfig(spec, look)) as unknown as ChartConfiguration;
}

/** Height in CSS pixels a chart needs at a given width: bars grow with their number. */
export function chartHeight(spec: ChartSpec, width: number): number {
  if (spec.kind === 'bar') return Math.round(70 + spec.bars.length * (width < 500 ? 36 : 30));
  return Math.round(Math.min(width * 0.62, 420) + 24);
}

import type { Lang } from '../../../i18n/index.ts';
import type { ChartWords } from '../../stats/chart-text.ts';
import type { Figure, FigureKind, FigureSource, Measure, Method, RateBasis } from '../../stats/figures.ts';

/**
 * The plain-data definition of a chart: what it shows, from which figures, with which sources.
 * Built by `from-figures.ts` from the figure model; one spec feeds every output (page SVG files, live
 * Chart.js, PNG images, the table, CSV, JSON, the summary sentence, the catalogue), so they
 * cannot disagree. Specs are JSON-safe: the browser receives them as-is.
 */

/** A cited source, as shown under the chart and in the data files. */
export type ChartSource = FigureSource;

/** How a figure's source printed it (qualifier, notation, decimals, rank): every point and data-file row carries it. */
export type PrintedValue = Pick<Figure, 'qualifier' | 'printedIn' | 'decimals' | 'rank' | 'rankOf'>;

/** One point of a series: a figure placed on the chart. */
export interface ChartPoint extends PrintedValue {
  /** ISO date (timelines) or the category label key (bars). */
  date: string;
  value: number;
  /** Index into `ChartSpec.sources`. */
  source: number;
  /** The figure drawn (`Figure.id`): traces the point back to one snapshot row. */
  figure: string;
}

/** A line (timeline) or a bar set: ONE region, ONE measure, ONE basis, ONE counting method. */
export interface ChartSeries {
  key: string;
  regionCode: string;
  regionName: string;
  kind: FigureKind;
  measure: Measure;
  basis: RateBasis | null;
  method: Method;
  label: Record<Lang, string>;
  /** Role, for colour: the subject region, the country beside it, another region. */
  role: 'subject' | 'country' | 'other';
  points: ChartPoint[];
}

/** A bar of a "latest figure per region" chart; bars of one chart share one basis. */
export interface ChartBar {
  regionCode: string;
  regionName: string;
  /** Label on the axis: region and the date of its figure ("Cà Mau · 07/09/2020"). */
  label: Record<Lang, string>;
  point: ChartPoint;
  role: 'subject' | 'country' | 'other';
}

/** A target drawn as a dashed level line up to its deadline. */
export interface ChartTarget {
  value: number;
  unit: 'percent' | 'count';
  /** When the target was set (line starts there); `null` = from the chart's start. */
  from: string | null;
  deadline: string | null;
  label: Record<Lang, string>;
  source: number;
}

/** A change of counting basis or method: drawn as a marked vertical rule; lines never cross it. */
export interface ChartBreak {
  date: string;
  label: Record<Lang, string>;
  /** A shorter label for a drawing where the full one would cover the data ("Ra mắt"). */
  short?: Record<Lang, string>;
}

export interface ChartSpecBase {
  /** Stable URL segment (`luot-tai-toan-quoc`); embeds and files live under it. */
  id: string;
  title: Record<Lang, string>;
  /** Words the drawing needs (axis title, qualifiers), so the browser needs no dictionary. */
  words: Record<Lang, ChartWords>;
  /** Value axis: percent on 0–100, or counts from zero. */
  unit: 'percent' | 'count';
  /** Upper end of the value axis: always 100 for percentages; a round number above the largest count. */
  axisMax: number | null;
  sources: ChartSource[];
  /** Date of the newest figure drawn. */
  asOf: string;
  /** The text alternative and the catalogue's one-liner, written from the numbers. */
  summary: Record<Lang, string>;
  /** Region the chart is about (`VN`, a province or district code), for links back to its page. */
  regionCode: string;
}

export interface BarChartSpec extends ChartSpecBase {
  kind: 'bar';
  /** What the rates count: bars of one chart share measure AND basis. */
  measure: Measure;
  basis: RateBasis;
  /** Name of what the bars show ("% dân số"), per language. */
  seriesLabel: Record<Lang, string>;
  bars: ChartBar[];
}

export interface TimelineChartSpec extends ChartSpecBase {
  kind: 'timeline';
  series: ChartSeries[];
  targets: ChartTarget[];
  breaks: ChartBreak[];
  /** Dated events marked for orientation (the app's launch), not breaks. */
  events: ChartBreak[];
  /** Said under a target chart when the place has no figure on the target's basis; null otherwise. */
  missing: Record<Lang, string> | null;
}

export type ChartSpec = BarChartSpec | TimelineChartSpec;

/** One row of the chart's table, CSV and JSON: exactly the drawn numbers. */
export interface ChartRow extends PrintedValue {
  series: Record<Lang, string>;
  regionCode: string;
  regionName: string;
  date: string;
  kind: FigureKind;
  measure: Measure;
  basis: RateBasis | null;
  value: number;
  source: ChartSource;
  /** The figure (`Figure.id`) the row shows. */
  figure: string;
}

/** Every drawn number of a spec, in drawing order (targets excluded: they are not measurements). */
export function chartRows(spec: ChartSpec): ChartRow[] {
  if (spec.kind === 'bar') {
    return spec.bars.map((bar) => ({
      series: spec.seriesLabel,
      regionCode: bar.regionCode,
      regionName: bar.regionName,
      date: bar.point.date,
      kind: 'rate',
      measure: spec.measure,
      basis: spec.basis,
      value: bar.point.value,
      qualifier: bar.point.qualifier,
      printedIn: bar.point.printedIn,
      decimals: bar.point.decimals,
      figure: bar.point.figure,
      rank: bar.point.rank,
      rankOf: bar.point.rankOf,
      source: spec.sources[bar.point.source]!,
    }));
  }
  return spec.series.flatMap((series) =>
    series.points.map((point) => ({
      series: series.label,
      regionCode: series.regionCode,
      regionName: series.regionName,
      date: point.date,
      kind: series.kind,
      measure: series.measure,
      basis: series.basis,
      value: point.value,
      qualifier: point.qualifier,
      printedIn: point.printedIn,
      decimals: point.decimals,
      figure: point.figure,
      rank: point.rank,
      rankOf: point.rankOf,
      source: spec.sources[point.source]!,
    })),
  );
}

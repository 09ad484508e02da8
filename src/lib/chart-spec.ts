import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { formatDate } from './format.ts';
import { fill, wordValue, type ChartWords } from './chart-text.ts';

export { fill };

/**
 * The plain-data definition of a chart: what it shows, from which figures, with which sources.
 * One spec feeds every output (inline SVG, live Chart.js, PNG images, the table, CSV, JSON, the
 * summary sentence, the catalogue), so they cannot disagree. Specs are JSON-safe: the browser
 * receives them as-is.
 */

/** What was counted (a count, or the numerator of a rate). Different measures never share a line. */
export type FigureMeasure = 'downloads' | 'registered_with_phone' | 'active';
/** A count, or a rate in percent of a basis. */
export type FigureKind = 'count' | 'rate';
/** Denominator of a rate (`null` for counts). */
export type FigureBasis = 'population' | 'adults_15_60' | 'smartphones' | 'not_stated';
/** How a source worded the value: exact (`null`), "about", "more than" (lower bound). */
export type FigureQualifier = 'about' | 'more_than' | null;
/** Counting method in force; a change is a series break. */
export type FigureMethod = 'all_installs' | 'active_3g4g_subscribers';

/** A cited source, as shown under the chart and in the data files. */
export interface ChartSource {
  name: string;
  /** Article or letter title, when known. */
  title: string | null;
  /** Page read, or the letter's page on this site (`/van-ban/<slug>/`). */
  url: string | null;
}

/** One published figure, flattened from a snapshot row (see `chart-series.ts`). */
export interface Figure {
  regionCode: string;
  regionName: string;
  level: 'country' | 'province' | 'district';
  /** ISO date the figure refers to. */
  date: string;
  kind: FigureKind;
  measure: FigureMeasure;
  /** Set for rates, `null` for counts. */
  basis: FigureBasis | null;
  value: number;
  qualifier: FigureQualifier;
  method: FigureMethod;
  rank: number | null;
  rankOf: number | null;
  source: ChartSource;
}

/** One point of a series: a figure placed on the chart. */
export interface ChartPoint {
  /** ISO date (timelines) or the category label key (bars). */
  date: string;
  value: number;
  qualifier: FigureQualifier;
  rank: number | null;
  rankOf: number | null;
  /** Index into `ChartSpec.sources`. */
  source: number;
}

/** A line (timeline) or a bar set: ONE region, ONE measure, ONE basis, ONE counting method. */
export interface ChartSeries {
  key: string;
  regionCode: string;
  regionName: string;
  kind: FigureKind;
  measure: FigureMeasure;
  basis: FigureBasis | null;
  method: FigureMethod;
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
  measure: FigureMeasure;
  basis: FigureBasis;
  bars: ChartBar[];
}

export interface TimelineChartSpec extends ChartSpecBase {
  kind: 'timeline';
  series: ChartSeries[];
  targets: ChartTarget[];
  breaks: ChartBreak[];
  /** Dated events marked for orientation (the app's launch), not breaks. */
  events: ChartBreak[];
}

export type ChartSpec = BarChartSpec | TimelineChartSpec;

/** One row of the chart's table, CSV and JSON: exactly the drawn numbers. */
export interface ChartRow {
  series: Record<Lang, string>;
  regionCode: string;
  regionName: string;
  date: string;
  kind: FigureKind;
  measure: FigureMeasure;
  basis: FigureBasis | null;
  value: number;
  qualifier: FigureQualifier;
  rank: number | null;
  rankOf: number | null;
  source: ChartSource;
}

/** Every drawn number of a spec, in drawing order (targets excluded: they are not measurements). */
export function chartRows(spec: ChartSpec): ChartRow[] {
  if (spec.kind === 'bar') {
    return spec.bars.map((bar) => ({
      series: { vi: rateLabel(spec.measure, spec.basis, 'vi'), en: rateLabel(spec.measure, spec.basis, 'en') },
      regionCode: bar.regionCode,
      regionName: bar.regionName,
      date: bar.point.date,
      kind: 'rate',
      measure: spec.measure,
      basis: spec.basis,
      value: bar.point.value,
      qualifier: bar.point.qualifier,
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
      rank: point.rank,
      rankOf: point.rankOf,
      source: spec.sources[point.source]!,
    })),
  );
}

// — wording —

/** "% of population", "% of smartphone users", …: a rate is never shown without it. */
export function basisLabel(basis: FigureBasis, lang: Lang): string {
  return t(lang, `chart.basis.${basis}`);
}

/** "downloads", "accounts with a phone number", "active accounts". */
export function measureLabel(measure: FigureMeasure, lang: Lang): string {
  return t(lang, `chart.measure.${measure}`);
}

/** A rate's full name: its basis, and what was counted when it is not downloads. */
export function rateLabel(measure: FigureMeasure, basis: FigureBasis, lang: Lang): string {
  return measure === 'downloads' ? basisLabel(basis, lang) : `${measureLabel(measure, lang)}, ${basisLabel(basis, lang)}`;
}

/** What a figure is, in words: a count's measure, or a rate's full name. */
export function whatLabel(kind: FigureKind, measure: FigureMeasure, basis: FigureBasis | null, lang: Lang): string {
  return kind === 'rate' ? rateLabel(measure, basis ?? 'not_stated', lang) : measureLabel(measure, lang);
}

/** The words of a chart in one language; `valueAxis` names what the value axis measures. */
export function chartWords(lang: Lang, valueAxis: string): ChartWords {
  return {
    valueAxis,
    millions: t(lang, 'chart.axis.millions'),
    moreThan: t(lang, 'chart.qualifier.more_than'),
    about: t(lang, 'chart.qualifier.about'),
    rank: t(lang, 'chart.summary.rank'),
  };
}

/** A value as read aloud: `16,08%`, `hơn 20.000.000`, `khoảng 145.800`. */
export function formatValue(value: number, unit: 'percent' | 'count', qualifier: FigureQualifier, lang: Lang): string {
  return wordValue(value, unit, qualifier, lang, chartWords(lang, ''));
}

// — building specs from figures —

/** Registry of sources used by one spec, so points refer to them by index. */
export class SourceList {
  readonly list: ChartSource[] = [];
  private readonly index = new Map<string, number>();
  add(source: ChartSource): number {
    const key = `${source.name}|${source.url ?? ''}|${source.title ?? ''}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    this.list.push(source);
    this.index.set(key, this.list.length - 1);
    return this.list.length - 1;
  }
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function newest(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

function pointOf(figure: Figure, sources: SourceList): ChartPoint {
  return {
    date: figure.date,
    value: figure.value,
    qualifier: figure.qualifier,
    rank: figure.rank,
    rankOf: figure.rankOf,
    source: sources.add(figure.source),
  };
}

/** Label of a series: region, what is counted and, after a counting change, the method. */
function seriesLabel(regionName: Record<Lang, string>, kind: FigureKind, measure: FigureMeasure, basis: FigureBasis | null, method: FigureMethod, lang: Lang): string {
  const what = whatLabel(kind, measure, basis, lang);
  const after = method === 'active_3g4g_subscribers' ? ` (${t(lang, 'chart.method.active_3g4g_subscribers')})` : '';
  return `${regionName[lang]}: ${what}${after}`;
}

/** The country's name in each language; regions keep their Vietnamese names in English too. */
export function regionDisplayName(code: string, name: string): Record<Lang, string> {
  return code === 'VN' ? { vi: t('vi', 'chart.country'), en: t('en', 'chart.country') } : { vi: name, en: name };
}

/**
 * Splits figures into series: one per region × measure × basis × counting method. A change of
 * method (29/06/2021) therefore starts a new series instead of continuing the line.
 */
export function splitSeries(figures: Figure[], role: (code: string) => ChartSeries['role'], sources: SourceList): ChartSeries[] {
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = `${figure.regionCode}|${figure.kind}|${figure.measure}|${figure.basis ?? '-'}|${figure.method}`;
    const group = groups.get(key) ?? [];
    group.push(figure);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => {
    const first = group[0]!;
    // Two sources on one day both stay (each point names its source): nothing is silently dropped.
    const points = [...group].sort(byDate).map((f) => pointOf(f, sources));
    const name = regionDisplayName(first.regionCode, first.regionName);
    return {
      key,
      regionCode: first.regionCode,
      regionName: first.regionName,
      kind: first.kind,
      measure: first.measure,
      basis: first.basis,
      method: first.method,
      label: {
        vi: seriesLabel(name, first.kind, first.measure, first.basis, first.method, 'vi'),
        en: seriesLabel(name, first.kind, first.measure, first.basis, first.method, 'en'),
      },
      role: role(first.regionCode),
      points,
    };
  });
}

/**
 * Breaks of counting method inside the drawn time span or within 30 days after its last figure
 * (the national series, ending 26/06/2021, shows the change of 29/06/2021; a chart of 2020
 * figures is not stretched to mid-2021 for it).
 */
function breaksFor(series: ChartSeries[], methodChanges: ChartBreak[]): ChartBreak[] {
  const dates = series.flatMap((s) => s.points.map((p) => p.date)).sort();
  if (dates.length === 0) return [];
  const first = dates[0]!;
  const until = new Date(Date.parse(`${dates[dates.length - 1]!}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return methodChanges.filter((b) => b.date > first && b.date <= until);
}

/** The counting change of 29/06/2021, as drawn on every timeline of counts that reaches it. */
export const countingChange: ChartBreak = {
  date: '2021-06-29',
  label: {
    vi: fill(t('vi', 'chart.break.countingChange'), { date: formatDate('2021-06-29', 'vi') }),
    en: fill(t('en', 'chart.break.countingChange'), { date: formatDate('2021-06-29', 'en') }),
  },
};

// — summary sentences —

function rankText(point: ChartPoint, lang: Lang): string {
  if (point.rank === null) return '';
  return point.rankOf === null
    ? fill(t(lang, 'chart.summary.rankOnly'), { rank: String(point.rank) })
    : fill(t(lang, 'chart.summary.rank'), { rank: String(point.rank), of: String(point.rankOf) });
}

/** "Cà Mau: 16,08% (% of population) on 07/09/2020, rank 59 of 63" */
export function figureSentence(regionName: string, point: ChartPoint, unit: 'percent' | 'count', what: string, lang: Lang): string {
  const rank = rankText(point, lang);
  return fill(t(lang, 'chart.summary.figure'), {
    region: regionName,
    value: formatValue(point.value, unit, point.qualifier, lang),
    what,
    date: formatDate(point.date, lang),
  }).concat(rank ? `, ${rank}` : '');
}

function targetPhrase(target: ChartTarget, lang: Lang): string {
  return target.deadline
    ? fill(t(lang, 'chart.summary.targetBy'), { target: target.label[lang], deadline: formatDate(target.deadline, lang) })
    : target.label[lang];
}

function latestPoint(series: ChartSeries): ChartPoint | undefined {
  return series.points[series.points.length - 1];
}

/** Summary of a timeline: the newest figure of each subject series, the targets, the country beside it. */
function timelineSummary(spec: Omit<TimelineChartSpec, 'summary'>, lang: Lang): string {
  const subject = spec.series.filter((s) => s.role === 'subject');
  const parts = subject.flatMap((series) => {
    const point = latestPoint(series);
    if (!point) return [];
    const what = whatLabel(series.kind, series.measure, series.basis, lang);
    return [figureSentence(regionDisplayName(series.regionCode, series.regionName)[lang], point, spec.unit, what, lang)];
  });
  const sentences = [parts.join('; ')];
  if (spec.targets.length > 0) {
    sentences.push(fill(t(lang, 'chart.summary.target'), { target: spec.targets.map((target) => targetPhrase(target, lang)).join('; ') }));
  }
  const country = spec.series.filter((s) => s.role === 'country');
  const countryParts = country.flatMap((series) => {
    const point = latestPoint(series);
    if (!point) return [];
    const what = whatLabel(series.kind, series.measure, series.basis, lang);
    return [`${formatValue(point.value, spec.unit, point.qualifier, lang)} (${what}, ${formatDate(point.date, lang)})`];
  });
  if (countryParts.length > 0) sentences.push(fill(t(lang, 'chart.summary.country'), { figures: countryParts.join('; ') }));
  if (spec.breaks.length > 0) {
    sentences.push(spec.breaks.map((b) => fill(t(lang, 'chart.summary.break'), { date: formatDate(b.date, lang) })).join(' '));
  }
  return sentences
    .filter((s) => s !== '')
    .map((s) => s.replace(/[.]$/, ''))
    .join('. ')
    .concat('.');
}

/** Summary of a bar chart: how many regions, highest and lowest with their dates. */
function barSummary(spec: Omit<BarChartSpec, 'summary'>, lang: Lang): string {
  const regions = spec.bars.filter((b) => b.role !== 'country');
  const [top] = regions;
  const bottom = regions[regions.length - 1];
  const basis = rateLabel(spec.measure, spec.basis, lang);
  const describe = (bar: ChartBar) =>
    `${bar.regionName} ${formatValue(bar.point.value, 'percent', bar.point.qualifier, lang)} (${formatDate(bar.point.date, lang)})`;
  const parts = [fill(t(lang, 'chart.summary.bars'), { count: String(regions.length), basis })];
  if (top && bottom && top !== bottom) {
    parts.push(fill(t(lang, 'chart.summary.highestLowest'), { highest: describe(top), lowest: describe(bottom) }));
  } else if (top) {
    parts.push(describe(top));
  }
  const country = spec.bars.find((b) => b.role === 'country');
  if (country) parts.push(fill(t(lang, 'chart.summary.country'), { figures: `${formatValue(country.point.value, 'percent', country.point.qualifier, lang)} (${formatDate(country.point.date, lang)})` }));
  return parts.join('. ').concat('.');
}

// — the four kinds of chart —

export interface LatestRatesInput {
  id: string;
  measure: FigureMeasure;
  basis: FigureBasis;
  /** Rate figures of every region (any basis; the builder keeps this basis only). */
  figures: Figure[];
  title: Record<Lang, string>;
}

/**
 * The latest rate of every region that has one on `basis`, highest first. Each bar is labelled
 * with its own date: regions reported on different days, and the chart says so instead of
 * pretending they were measured together.
 */
export function latestRatesChart(input: LatestRatesInput): BarChartSpec | null {
  const sources = new SourceList();
  const latest = new Map<string, Figure>();
  for (const figure of input.figures) {
    // Upper bounds ("<8%") are not drawn as bars: a bar would show the bound as the value.
    if (figure.kind !== 'rate' || figure.measure !== input.measure || figure.basis !== input.basis) continue;
    const known = latest.get(figure.regionCode);
    if (!known || figure.date > known.date) latest.set(figure.regionCode, figure);
  }
  if (latest.size === 0) return null;
  const figures = [...latest.values()].sort((a, b) => b.value - a.value || a.regionName.localeCompare(b.regionName, 'vi'));
  const bars: ChartBar[] = figures.map((figure) => {
    const name = regionDisplayName(figure.regionCode, figure.regionName);
    return {
      regionCode: figure.regionCode,
      regionName: name.vi,
      label: { vi: `${name.vi} · ${formatDate(figure.date, 'vi')}`, en: `${name.en} · ${formatDate(figure.date, 'en')}` },
      point: pointOf(figure, sources),
      role: figure.regionCode === 'VN' ? 'country' : 'other',
    };
  });
  const base = {
    id: input.id,
    kind: 'bar' as const,
    title: input.title,
    words: { vi: chartWords('vi', rateLabel(input.measure, input.basis, 'vi')), en: chartWords('en', rateLabel(input.measure, input.basis, 'en')) },
    unit: 'percent' as const,
    axisMax: 100,
    sources: sources.list,
    asOf: newest(figures.map((f) => f.date)),
    regionCode: 'VN',
    measure: input.measure,
    basis: input.basis,
    bars,
  };
  return { ...base, summary: { vi: barSummary(base, 'vi'), en: barSummary(base, 'en') } };
}

export interface TimelineInput {
  id: string;
  title: Record<Lang, string>;
  regionCode: string;
  unit: 'percent' | 'count';
  /** Figures of the chart's region (role `subject`), already of the right unit. */
  figures: Figure[];
  /** The country's figures to show beside them (role `country`). */
  countryFigures?: Figure[];
  targets?: Array<Omit<ChartTarget, 'source'> & { source: ChartSource }>;
  /** Method changes to mark (the counting change of 29/06/2021). */
  methodChanges?: ChartBreak[];
  /** Where the time axis starts (the launch, 18/04/2020), marked on the chart. */
  start?: string;
}

/**
 * A region's figures over time on a time-proportional axis: one line per measure/basis/method,
 * targets as dashed levels up to their deadlines, the country beside it, breaks marked.
 */
export function timelineChart(input: TimelineInput): TimelineChartSpec | null {
  const sources = new SourceList();
  const unitMeasures = (f: Figure) => f.kind === (input.unit === 'percent' ? 'rate' : 'count');
  const subject = input.figures.filter(unitMeasures);
  if (subject.length === 0) return null;
  const country = (input.countryFigures ?? []).filter(unitMeasures);
  const series = [
    ...splitSeries(subject, () => 'subject', sources),
    ...splitSeries(country, () => 'country', sources),
  ];
  const targets: ChartTarget[] = (input.targets ?? []).map((target) => ({ ...target, source: sources.add(target.source) }));
  const breaks = breaksFor(series, input.methodChanges ?? []);
  const dates = series.flatMap((s) => s.points.map((p) => p.date));
  const largest = Math.max(...series.flatMap((s) => s.points.map((p) => p.value)), ...targets.map((t) => t.value));
  const axis = input.unit === 'percent' ? 'chart.axis.percent' : 'chart.axis.count';
  const base = {
    id: input.id,
    kind: 'timeline' as const,
    title: input.title,
    words: { vi: chartWords('vi', t('vi', axis)), en: chartWords('en', t('en', axis)) },
    unit: input.unit,
    axisMax: input.unit === 'percent' ? 100 : niceCeiling(largest),
    sources: sources.list,
    asOf: newest(dates),
    regionCode: input.regionCode,
    series,
    targets,
    breaks,
    events: input.start
      ? [{ date: input.start, label: { vi: fill(t('vi', 'chart.event.launch'), { date: formatDate(input.start, 'vi') }), en: fill(t('en', 'chart.event.launch'), { date: formatDate(input.start, 'en') }) } }]
      : [],
  };
  return { ...base, summary: { vi: timelineSummary(base, 'vi'), en: timelineSummary(base, 'en') } };
}

/** A round axis top above `value` (55.000.000 → 60.000.000), so the top tick is labelled. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = Math.ceil(value / (magnitude * step)) * magnitude * step;
    if (candidate / value <= 1.25) return candidate;
  }
  return Math.ceil(value / magnitude) * magnitude;
}


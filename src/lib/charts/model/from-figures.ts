import { campaign } from '../../../content/campaign.ts';
import { type Lang, t } from '../../../i18n/index.ts';
import type { Directive } from '../../../content/directive.ts';
import type { Measure, Method, RateBasis } from '../../../content/snapshot.ts';
import type { StatementTarget } from '../../../content/statement-target.ts';
import type {
  BarChartSpec,
  ChartBar,
  ChartBreak,
  ChartPoint,
  ChartSeries,
  ChartSource,
  ChartSpec,
  ChartTarget,
  TimelineChartSpec,
} from './spec.ts';
import { fill } from '../../stats/chart-text.ts';
import { numberSymbol } from '../../directives/library.ts';
import { formatDate, formatPercent } from '../../core/format.ts';
import { regionSlug, type RegionIndex } from '../../../content/regions.ts';
import { directivePath, sectionPath } from '../../../routing/routes.ts';
import type { Figure } from '../../stats/figures.ts';
import { figuresFromSnapshots, type SnapshotEntry } from '../../stats/load.ts';
import { figureBasisOfTarget, figuresForTarget, isStatedBasis, latestByPlace, seriesOf, type FigureSeries } from '../../stats/model.ts';
import { placesSummary, seriesSentence } from '../../stats/summaries.ts';
import { chartWords, rateName, whatName } from '../../stats/words.ts';

/**
 * Chart specs built from the figure model: which charts the site has comes from the data alone
 * (add a snapshot, a letter with a target or a statement target, and the next build has the new
 * charts, tables, images and files). Every chart draws ONE basis; see `model.ts` for the rules.
 */

/** Everything the charts are made from (plain data: entries of the content collections). */
export interface ChartInputs {
  snapshots: readonly SnapshotEntry[];
  directives: readonly { data: Directive }[];
  statementTargets: readonly { data: StatementTarget }[];
  regions: RegionIndex;
}

/** Both languages of a UI template filled with per-language values. */
function both(key: Parameters<typeof t>[1], values: (lang: Lang) => Record<string, string>): Record<Lang, string> {
  return { vi: fill(t('vi', key), values('vi')), en: fill(t('en', key), values('en')) };
}

/** The country's name in each language; regions keep their Vietnamese names in English too. */
export function placeDisplayName(code: string, name: string): Record<Lang, string> {
  return code === 'VN' ? { vi: t('vi', 'chart.country'), en: t('en', 'chart.country') } : { vi: name, en: name };
}

/**
 * What makes two sources one (name, page, title), made once per source object: the figures of a
 * snapshot share its source, and every point of every chart and dated version looks it up.
 */
const sourceKeys = new WeakMap<ChartSource, string>();
function sourceKey(source: ChartSource): string {
  let key = sourceKeys.get(source);
  if (key === undefined) sourceKeys.set(source, (key = `${source.name}|${source.url ?? ''}|${source.title ?? ''}`));
  return key;
}

/** Registry of sources used by one spec, so points refer to them by index. */
class SourceList {
  readonly list: ChartSource[] = [];
  private readonly index = new Map<string, number>();
  add(source: ChartSource): number {
    const key = sourceKey(source);
    const known = this.index.get(key);
    if (known !== undefined) return known;
    this.list.push(source);
    this.index.set(key, this.list.length - 1);
    return this.list.length - 1;
  }
}

function pointOf(figure: Figure & { value: number }, sources: SourceList): ChartPoint {
  return {
    date: figure.date,
    value: figure.value,
    qualifier: figure.qualifier,
    printedIn: figure.printedIn,
    decimals: figure.decimals,
    rank: figure.rank,
    rankOf: figure.rankOf,
    source: sources.add(figure.source),
    figure: figure.id,
  };
}

function newest(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

/** Label of a line: place, what is counted and, after the counting change, the method. */
function lineLabel(series: FigureSeries, method: Method, lang: Lang): string {
  const after = method === 'active_3g4g_subscribers' ? ` (${t(lang, 'chart.method.active_3g4g_subscribers')})` : '';
  return `${placeDisplayName(series.place.code, series.place.name)[lang]}: ${whatName(series, lang)}${after}`;
}

/** One figure series as lines: split where the counting method changes, so no line crosses it. */
function lines(series: FigureSeries, role: ChartSeries['role'], sources: SourceList): ChartSeries[] {
  const byMethod = new Map<Method, (Figure & { value: number })[]>();
  for (const figure of series.figures) {
    const figures = byMethod.get(figure.method);
    if (figures) figures.push(figure);
    else byMethod.set(figure.method, [figure]);
  }
  return [...byMethod.entries()].map(([method, figures]) => ({
    key: `${series.key}|${method}`,
    regionCode: series.place.code,
    regionName: series.place.name,
    kind: series.kind,
    measure: series.measure,
    basis: series.basis,
    method,
    label: { vi: lineLabel(series, method, 'vi'), en: lineLabel(series, method, 'en') },
    role,
    // Two sources on one day both stay (each point names its source): nothing is silently dropped.
    points: figures.map((f) => pointOf(f, sources)),
  }));
}

/**
 * A change of counting method, where the data shows one: the first figure of each line after the
 * first (lines are split by the method their snapshots state). Nothing in code dates a change.
 */
function breaksFor(lines: readonly ChartSeries[]): ChartBreak[] {
  const starts = lines.map((line) => line.points[0]!.date).sort();
  return starts.slice(1).map((date) => ({ date, label: both('chart.break.countingChange', (lang) => ({ date: formatDate(date, lang) })) }));
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

// — summaries —

function targetPhrase(target: ChartTarget, lang: Lang): string {
  return target.deadline ? fill(t(lang, 'chart.summary.targetBy'), { target: target.label[lang], deadline: formatDate(target.deadline, lang) }) : target.label[lang];
}

/** Summary of a timeline: its newest figure read aloud (with the change the model allows), the targets, breaks. */
function timelineSummary(spec: Omit<TimelineChartSpec, 'summary'>, series: FigureSeries | null, lang: Lang): string {
  const sentences: string[] = [];
  if (series && series.figures.length > 0) sentences.push(seriesSentence(series.figures, lang));
  if (spec.missing) sentences.push(spec.missing[lang]);
  if (spec.targets.length > 0) sentences.push(fill(t(lang, 'chart.summary.target'), { target: spec.targets.map((target) => targetPhrase(target, lang)).join('; ') }));
  if (spec.breaks.length > 0) sentences.push(spec.breaks.map((b) => fill(t(lang, 'chart.summary.break'), { date: formatDate(b.date, lang) })).join(' '));
  return sentences.map((s) => s.replace(/[.]$/, '')).join('. ').concat('.');
}

// — the kinds of chart —

/**
 * The latest rate of every place on one STATED basis, highest first. Each bar is labelled with its
 * own date: places reported on different days, and the chart says so.
 */
export function latestRatesChart(id: string, figures: readonly Figure[], measure: Measure, basis: Exclude<RateBasis, 'not_stated'>): BarChartSpec | null {
  const sources = new SourceList();
  const latest = [...latestByPlace(figures, { kind: 'rate', measure, basis }).values()].sort((a, b) => b.value - a.value || a.place.name.localeCompare(b.place.name, 'vi'));
  if (latest.length === 0) return null;
  const bars: ChartBar[] = latest.map((figure) => {
    const name = placeDisplayName(figure.place.code, figure.place.name);
    return {
      regionCode: figure.place.code,
      regionName: name.vi,
      label: { vi: `${name.vi} · ${formatDate(figure.date, 'vi')}`, en: `${name.en} · ${formatDate(figure.date, 'en')}` },
      point: pointOf(figure, sources),
      role: figure.place.code === 'VN' ? 'country' : 'other',
    };
  });
  const label = { vi: rateName(measure, basis, 'vi'), en: rateName(measure, basis, 'en') };
  return {
    id,
    kind: 'bar',
    title: both('chart.title.latest', (lang) => ({ what: label[lang] })),
    words: { vi: chartWords('vi', label.vi), en: chartWords('en', label.en) },
    unit: 'percent',
    axisMax: 100,
    sources: sources.list,
    asOf: newest(latest.map((f) => f.date)),
    regionCode: 'VN',
    measure,
    basis,
    seriesLabel: label,
    bars,
    summary: { vi: placesSummary(latest, t('vi', 'summary.places.bars'), 'vi'), en: placesSummary(latest, t('en', 'summary.places.bars'), 'en') },
  };
}

interface TimelineInput {
  id: string;
  title: Record<Lang, string>;
  regionCode: string;
  unit: 'percent' | 'count';
  /** One series (one place, kind, measure, basis); may be empty only on a target chart. */
  series: FigureSeries | null;
  targets?: Array<Omit<ChartTarget, 'source'> & { source: ChartSource }>;
  missing?: Record<Lang, string> | null;
  /** Where the time axis starts (the launch, 18/04/2020), marked on the chart. */
  start?: string;
}

/** One series over time on a time-proportional axis, targets as dashed levels up to their deadlines, breaks marked. */
function timelineChart(input: TimelineInput): TimelineChartSpec {
  const sources = new SourceList();
  const series = input.series ? lines(input.series, 'subject', sources) : [];
  const targets: ChartTarget[] = (input.targets ?? []).map((target) => ({ ...target, source: sources.add(target.source) }));
  const dates = series.flatMap((s) => s.points.map((p) => p.date));
  const largest = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value)), ...targets.map((target) => target.value));
  const axis = input.unit === 'percent' ? 'chart.axis.percent' : 'chart.axis.count';
  const axisName = input.series?.kind === 'rate' ? { vi: rateName(input.series.measure, input.series.basis ?? 'not_stated', 'vi'), en: rateName(input.series.measure, input.series.basis ?? 'not_stated', 'en') } : { vi: t('vi', axis), en: t('en', axis) };
  const base = {
    id: input.id,
    kind: 'timeline' as const,
    title: input.title,
    words: { vi: chartWords('vi', axisName.vi), en: chartWords('en', axisName.en) },
    unit: input.unit,
    axisMax: input.unit === 'percent' ? 100 : niceCeiling(largest),
    sources: sources.list,
    asOf: newest([...dates, ...targets.flatMap((target) => (target.from ? [target.from] : []))]),
    regionCode: input.regionCode,
    series,
    targets,
    breaks: breaksFor(series),
    events: input.start ? [{ date: input.start, label: both('chart.event.launch', (lang) => ({ date: formatDate(input.start!, lang) })), short: both('chart.event.launchShort', () => ({})) }] : [],
    missing: input.missing ?? null,
  };
  return { ...base, summary: { vi: timelineSummary(base, input.series, 'vi'), en: timelineSummary(base, input.series, 'en') } };
}

/** URL words of measures and bases, shared by chart and map ids (`chuoi-…-dan-so`, `ban-do-tai-dan-so`). */
export const measureSlugs: Record<Measure, string> = { downloads: 'tai', registered_with_phone: 'co-sdt', active: 'hoat-dong' };
export const basisSlugs: Record<RateBasis, string> = { population: 'dan-so', smartphones: 'smartphone', adults_15_60: '15-60-tuoi', not_stated: 'chua-ro-co-so' };

/** Id of a place's chart of one series: counts `luot-tai-<place>`, rates `chuoi-<place>-<basis>` (one chart per basis). */
function seriesChartId(series: FigureSeries, slug: string): string {
  const measure = series.measure === 'downloads' ? '' : `-${measureSlugs[series.measure]}`;
  return series.kind === 'count' ? `luot-tai-${slug}${measure}` : `chuoi-${slug}${measure}-${basisSlugs[series.basis ?? 'not_stated']}`;
}

/** The target line of a letter's target, and the letter as its source. */
function letterTargetLabel(directive: Directive, target: Directive['targets'][number], lang: Lang): string {
  const comparator = target.comparator === 'at-least' ? `${t(lang, 'directives.target.atLeast')} ` : '';
  return `${comparator}${formatPercent(target.percent, lang)} ${t(lang, `directives.target.basis.${target.basis}`)} (${numberSymbol(directive)})`;
}

/** What charts are drawn from: every figure of the snapshots, oldest first, and its series. */
export interface ChartFigures {
  figures: readonly Figure[];
  series: readonly FigureSeries[];
}

/** The figures of the snapshots and their series, made once for a build's charts and all their dated versions. */
export function chartFigures(snapshots: ChartInputs['snapshots']): ChartFigures {
  const figures = figuresFromSnapshots(snapshots);
  return { figures, series: seriesOf(figures) };
}

/** How many of `items`, sorted by date, are dated up to `date`. */
function countUpTo(items: readonly { date: string }[], date: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.date <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The figures and series the snapshots dated up to `date` give, cut from those of all the
 * snapshots: figures come oldest first (a snapshot's figures carry its date) and a series keeps
 * its figures' order, so each is a prefix. Equal to `chartFigures` of those snapshots (tested),
 * without deriving a million figures' series again for each dated version.
 */
export function chartFiguresUpTo(all: ChartFigures, date: string): ChartFigures {
  const series: FigureSeries[] = [];
  for (const whole of all.series) {
    const count = countUpTo(whole.figures, date);
    if (count === whole.figures.length) series.push(whole);
    else if (count > 0) series.push({ ...whole, figures: whole.figures.slice(0, count) });
  }
  return { figures: all.figures.slice(0, countUpTo(all.figures, date)), series };
}

/**
 * Every chart of the site. Order: the national downloads, the latest rates (one chart per measure
 * and stated basis with at least two places), progress toward each target set in a letter (drawn
 * only with figures on the target's basis), then each place's series (one chart per basis).
 */
export function buildCharts(inputs: ChartInputs): ChartSpec[] {
  return chartsFrom(inputs, chartFigures(inputs.snapshots));
}

/** `buildCharts` from figures already made (`chartFigures`, `chartFiguresUpTo`): the snapshots themselves are not read. */
export function chartsFrom(inputs: Omit<ChartInputs, 'snapshots'>, { figures, series: all }: ChartFigures): ChartSpec[] {
  const { regions } = inputs;
  const charts: ChartSpec[] = [];

  const national = all.find((s) => s.place.code === 'VN' && s.kind === 'count' && s.measure === 'downloads');
  if (national) {
    charts.push(
      timelineChart({
        id: 'luot-tai-toan-quoc',
        title: both('chart.title.national', (lang) => ({ date: formatDate(campaign.launch.date, lang) })),
        regionCode: 'VN',
        unit: 'count',
        series: national,
        targets: [...inputs.statementTargets]
          .sort((a, b) => b.data.installs - a.data.installs)
          .map(({ data }) => ({
            value: data.installs,
            unit: 'count' as const,
            from: data.stated,
            deadline: data.deadline,
            label: { vi: data.label, en: data.labelEn },
            source: { name: data.source.name, title: data.source.title, url: data.source.url },
          })),
        start: campaign.launch.date,
      }),
    );
  }

  // Latest rate per place: one chart per measure × stated basis. A series holds one place's
  // drawable figures of one kind, measure and basis, its newest last.
  const combos = new Map<string, { measure: Measure; basis: Exclude<RateBasis, 'not_stated'>; newest: Figure[] }>();
  for (const series of all) {
    if (series.kind !== 'rate' || !isStatedBasis(series.basis)) continue;
    const key = `${series.measure}|${series.basis}`;
    const combo = combos.get(key) ?? { measure: series.measure, basis: series.basis, newest: [] };
    combo.newest.push(series.figures.at(-1)!);
    combos.set(key, combo);
  }
  for (const combo of [...combos.values()].sort((a, b) => b.newest.length - a.newest.length)) {
    if (combo.newest.length < 2) continue;
    const chart = latestRatesChart(`ty-le-${measureSlugs[combo.measure]}-${basisSlugs[combo.basis]}`, combo.newest, combo.measure, combo.basis);
    if (chart) charts.push(chart);
  }

  // Progress toward each install target a letter sets for smartphone users. A letter restating a
  // target already set (same place, rate and deadline) adds no chart: the first sets it.
  const seenTargets = new Set<string>();
  const letters = [...inputs.directives].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.data.slug.localeCompare(b.data.slug));
  for (const { data: directive } of letters) {
    const eligible = directive.targets.filter((target) => {
      if (figureBasisOfTarget(target.basis) === null) return false;
      const key = `${JSON.stringify(target.region)}|${target.percent}|${target.deadline}`;
      if (seenTargets.has(key)) return false;
      seenTargets.add(key);
      return true;
    });
    eligible.forEach((target, index) => {
      const code = target.region.scope === 'national' ? 'VN' : target.region.scope === 'province' ? target.region.province : target.region.district;
      const region = regions.byCode(code);
      if (!region) throw new Error(`Letter ${directive.slug}: unknown region ${code}`);
      const own = figuresForTarget(figures, code, target.basis);
      const basis = figureBasisOfTarget(target.basis)!;
      charts.push(
        timelineChart({
          id: `muc-tieu-${directive.slug}${eligible.length > 1 ? `-${index + 1}` : ''}`,
          title: both('chart.title.target', (lang) => ({ region: region.name, letter: numberSymbol(directive), target: formatPercent(target.percent, lang) })),
          regionCode: code,
          unit: 'percent',
          series: seriesOf(own)[0] ?? null,
          missing: own.length === 0 ? both('chart.missing.basis', (lang) => ({ region: placeDisplayName(code, region.name)[lang], basis: rateName('downloads', basis, lang) })) : null,
          targets: [
            {
              value: target.percent,
              unit: 'percent',
              from: directive.date,
              deadline: target.deadline,
              label: { vi: letterTargetLabel(directive, target, 'vi'), en: letterTargetLabel(directive, target, 'en') },
              source: { name: directive.issuer, title: `${numberSymbol(directive)} (${formatDate(directive.date, 'vi')})`, url: directivePath(directive.slug, 'vi') },
            },
          ],
        }),
      );
    });
  }

  // Each place's own series of two dates or more: one chart per kind, measure and basis.
  for (const series of all) {
    if (series.place.code === 'VN' || !regions.byCode(series.place.code)) continue;
    if (series.figures[0]!.date === series.figures.at(-1)!.date) continue;
    const titleKey = series.kind === 'rate' ? 'chart.title.placeRates' : 'chart.title.placeCounts';
    charts.push(
      timelineChart({
        id: seriesChartId(series, regionSlug(series.place.code, regions)),
        title: both(titleKey, (lang) => ({ region: series.place.name, what: whatName(series, lang) })),
        regionCode: series.place.code,
        unit: series.kind === 'rate' ? 'percent' : 'count',
        series,
      }),
    );
  }

  const ids = new Set<string>();
  for (const chart of charts) {
    if (ids.has(chart.id)) throw new Error(`Two charts have the id ${chart.id}`);
    ids.add(chart.id);
  }
  return charts;
}

/** A source link for a page in `lang`: a letter cited on this site opens in that language. */
export function sourceHref(url: string, lang: Lang): string {
  const vi = sectionPath('directives', 'vi');
  return lang === 'en' && url.startsWith(vi) ? `${sectionPath('directives', 'en')}${url.slice(vi.length)}` : url;
}

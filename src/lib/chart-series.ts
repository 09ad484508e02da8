import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import type { Directive } from '../schemas/directive.ts';
import type { StatementTarget } from '../schemas/statement-target.ts';
import { numberSymbol } from './directives.ts';
import { formatDate, formatPercent } from './format.ts';
import type { RegionIndex } from './regions.ts';
import { sectionPath } from './routes.ts';
import { LAUNCH, observations, type Observation, type SnapshotEntry } from './stats.ts';
import {
  countingChange,
  fill,
  latestRatesChart,
  rateLabel,
  timelineChart,
  type ChartSource,
  type ChartSpec,
  type Figure,
  type FigureBasis,
  type FigureMeasure,
  type TimelineInput,
} from './chart-spec.ts';

/**
 * Which charts the site has, built from the data alone: add a snapshot, a letter with a target or
 * a statement target, and the next build has the new charts, tables, images and files.
 */

/** Everything the charts are made from (plain data: entries of the content collections). */
export interface ChartInputs {
  snapshots: readonly SnapshotEntry[];
  directives: readonly { data: Directive }[];
  statementTargets: readonly { data: StatementTarget }[];
  regions: RegionIndex;
}

/** A snapshot's source as charts cite it; a letter links to its page in the library. */
export function chartSource(source: Observation['source']): ChartSource {
  const url = source.url ?? (source.document ? `${sectionPath('directives', 'vi')}${source.document}/` : null);
  return { name: source.name, title: source.title ?? null, url };
}

/**
 * Figures from snapshot rows: a rate and a count for each row that carries them. Upper bounds
 * ("<8%") and group memberships without a number are left out of charts: drawing the bound as a
 * value would overstate it. Page tables show them with their wording.
 */
export function figuresFrom(list: readonly Observation[]): Figure[] {
  const figures: Figure[] = [];
  const seenCounts = new Set<string>();
  for (const observation of list) {
    const { row } = observation;
    const base = {
      regionCode: row.region.code,
      regionName: row.region.name,
      level: row.region.level,
      date: observation.asOf,
      measure: observation.measure,
      method: observation.method,
      source: chartSource(observation.source),
    };
    if (row.ratePercent !== undefined && row.rateQualifier !== 'less_than') {
      figures.push({
        ...base,
        kind: 'rate',
        basis: observation.rateBasis,
        value: row.ratePercent,
        qualifier: row.rateQualifier ?? null,
        rank: row.rank ?? null,
        rankOf: row.rankOf ?? null,
      });
    }
    // A count repeated on a second row (Cẩm Phả's two bases) is one figure.
    const countKey = `${observation.snapshotId}|${row.region.code}|${observation.measure}`;
    if (row.installs !== undefined && row.installsQualifier !== 'less_than' && !seenCounts.has(countKey)) {
      seenCounts.add(countKey);
      figures.push({ ...base, kind: 'count', basis: null, value: row.installs, qualifier: row.installsQualifier ?? null, rank: null, rankOf: null });
    }
  }
  return figures;
}

/** URL words of measures and bases, shared by chart and map ids (`ty-le-tai-dan-so`, `ban-do-tai-dan-so`). */
export const measureSlugs: Record<FigureMeasure, string> = { downloads: 'tai', registered_with_phone: 'co-sdt', active: 'hoat-dong' };
export const basisSlugs: Record<FigureBasis, string> = { population: 'dan-so', smartphones: 'smartphone', adults_15_60: '15-60-tuoi', not_stated: 'chua-ro-co-so' };

/** Both languages of a UI template filled with per-language values. */
function both(key: Parameters<typeof t>[1], values: (lang: Lang) => Record<string, string>): Record<Lang, string> {
  return { vi: fill(t('vi', key), values('vi')), en: fill(t('en', key), values('en')) };
}

/** URL-safe id part of a region: `kien-giang`, `quang-ninh-cam-pha`. */
export function regionSlug(code: string, regions: RegionIndex): string {
  const region = regions.byCode(code);
  if (!region) throw new Error(`Unknown region code ${code}`);
  if (region.level !== 'district') return region.slug;
  const parent = regions.byCode(region.parentCode ?? '');
  return `${parent?.slug ?? 'x'}-${region.slug}`;
}

/** The target line of a letter's target, and the letter as its source. */
function letterTargetLabel(directive: Directive, target: Directive['targets'][number], lang: Lang): string {
  const comparator = target.comparator === 'at-least' ? `${t(lang, 'directives.target.atLeast')} ` : '';
  return `${comparator}${formatPercent(target.percent, lang)} ${t(lang, `directives.target.basis.${target.basis}`)} (${numberSymbol(directive)})`;
}

const DAY_MS = 86_400_000;
function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every chart of the site. Order: the national series, the latest rates (one chart per measure
 * and basis with at least two places), progress toward each target set in a letter, then each
 * place's own series.
 */
export function buildCharts(inputs: ChartInputs): ChartSpec[] {
  const { regions } = inputs;
  const list = observations(inputs.snapshots);
  const figures = figuresFrom(list);
  const charts: ChartSpec[] = [];
  const countryRates = figures.filter((f) => f.regionCode === 'VN' && f.kind === 'rate');

  // National counts since launch, with the targets named in statements.
  const national = timelineChart({
    id: 'luot-tai-toan-quoc',
    title: both('chart.title.national', (lang) => ({ date: formatDate(LAUNCH.date, lang) })),
    regionCode: 'VN',
    unit: 'count',
    figures: figures.filter((f) => f.regionCode === 'VN' && f.kind === 'count'),
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
    methodChanges: [countingChange],
    start: LAUNCH.date,
  });
  if (national) charts.push(national);

  // Latest rate per place: one chart per measure × basis, never mixing them.
  const combos = new Map<string, { measure: FigureMeasure; basis: FigureBasis; places: Set<string> }>();
  for (const f of figures) {
    if (f.kind !== 'rate' || f.basis === null) continue;
    const key = `${f.measure}|${f.basis}`;
    const combo = combos.get(key) ?? { measure: f.measure, basis: f.basis, places: new Set<string>() };
    combo.places.add(f.regionCode);
    combos.set(key, combo);
  }
  const comboOrder = (c: { measure: FigureMeasure; basis: FigureBasis; places: Set<string> }) => -c.places.size;
  for (const combo of [...combos.values()].sort((a, b) => comboOrder(a) - comboOrder(b))) {
    if (combo.places.size < 2) continue;
    const chart = latestRatesChart({
      id: `ty-le-${measureSlugs[combo.measure]}-${basisSlugs[combo.basis]}`,
      measure: combo.measure,
      basis: combo.basis,
      figures,
      title: both('chart.title.latest', (lang) => ({ what: rateLabel(combo.measure, combo.basis, lang) })),
    });
    if (chart) charts.push(chart);
  }

  // Progress toward each install target set in a letter (smartphone users of a place). A letter
  // restating a target already set (same place, rate and deadline) adds no chart: the first sets it.
  const seenTargets = new Set<string>();
  const letters = [...inputs.directives].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.data.slug.localeCompare(b.data.slug));
  for (const { data: directive } of letters) {
    const eligible = directive.targets.filter((target) => {
      if (target.basis !== 'smartphone_users') return false;
      const key = `${JSON.stringify(target.region)}|${target.percent}|${target.deadline}`;
      if (seenTargets.has(key)) return false;
      seenTargets.add(key);
      return true;
    });
    eligible.forEach((target, index) => {
      const code = target.region.scope === 'national' ? 'VN' : target.region.scope === 'province' ? target.region.province : target.region.district;
      const region = regions.byCode(code);
      if (!region) throw new Error(`Letter ${directive.slug}: unknown region ${code}`);
      const own = figures.filter((f) => f.regionCode === code && f.kind === 'rate');
      if (own.length === 0) return;
      const dates = [...own.map((f) => f.date), directive.date, ...(target.deadline ? [target.deadline] : [])].sort();
      const from = shift(dates[0]!, -30);
      const to = shift(dates[dates.length - 1]!, 30);
      const chart = timelineChart({
        id: `muc-tieu-${directive.slug}${eligible.length > 1 ? `-${index + 1}` : ''}`,
        title: both('chart.title.target', (lang) => ({ region: region.name, letter: numberSymbol(directive), target: formatPercent(target.percent, lang) })),
        regionCode: code,
        unit: 'percent',
        figures: own,
        countryFigures: code === 'VN' ? [] : countryRates.filter((f) => f.date >= from && f.date <= to),
        targets: [
          {
            value: target.percent,
            unit: 'percent',
            from: directive.date,
            deadline: target.deadline,
            label: { vi: letterTargetLabel(directive, target, 'vi'), en: letterTargetLabel(directive, target, 'en') },
            source: { name: directive.issuer, title: `${numberSymbol(directive)} (${formatDate(directive.date, 'vi')})`, url: `${sectionPath('directives', 'vi')}${directive.slug}/` },
          },
        ],
        methodChanges: [countingChange],
      });
      if (chart) charts.push(chart);
    });
  }

  // Each place's own series (two figures or more): rates, and counts.
  const places = [...new Set(figures.filter((f) => f.regionCode !== 'VN').map((f) => f.regionCode))];
  for (const code of places) {
    const region = regions.byCode(code);
    if (!region) continue;
    const slug = regionSlug(code, regions);
    const own = figures.filter((f) => f.regionCode === code);
    const inputsFor: Array<Pick<TimelineInput, 'id' | 'title' | 'unit'>> = [
      { id: `chuoi-${slug}`, unit: 'percent', title: both('chart.title.placeRates', () => ({ region: region.name })) },
      { id: `luot-tai-${slug}`, unit: 'count', title: both('chart.title.placeCounts', () => ({ region: region.name })) },
    ];
    for (const input of inputsFor) {
      const kind = input.unit === 'percent' ? 'rate' : 'count';
      const mine = own.filter((f) => f.kind === kind);
      if (new Set(mine.map((f) => f.date)).size < 2) continue;
      const chart = timelineChart({ ...input, regionCode: code, figures: mine, methodChanges: [countingChange] });
      if (chart) charts.push(chart);
    }
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

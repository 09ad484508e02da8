import { createHash } from 'node:crypto';
import { chartFigures, chartFiguresUpTo, chartsFrom, type ChartInputs } from '../model/from-figures.ts';
import type { Figure } from '../../stats/figures.ts';
import { chartRows, type ChartSpec } from '../model/spec.ts';
import { datedNames, latestNames } from './files.ts';
import { imageFormatList } from '../../images/formats.ts';
import { cachedJson } from '../../images/render-cache.ts';
import { loadRegions, type RegionIndex } from '../../../content/regions.ts';
import { readSnapshots } from '../../../content/snapshot-loader.ts';
import { absoluteUrl, chartFilePath, chartHomePath, embedPath } from '../../../routing/routes.ts';

/**
 * The site's charts as one catalogue: every page, embed, image, data file and feed is generated
 * from it, and `/nhung/index.json` publishes it. The share kit (`/chia-se/`) lists charts from
 * `loadChartCatalogue()` too.
 */

/** A chart and its earlier versions (each built only from figures up to its date). */
export interface ChartWithVersions {
  spec: ChartSpec;
  /** The chart's kept data dates (see `keptDates`), oldest first, each with its figures of that day (`figuresOfTheDay`). */
  versions: { asOf: string; spec: ChartSpec }[];
}

/**
 * What a dated version publishes: the chart as it stood that day cut to its newest figures, each
 * line's last point (every bar of a bar chart: they are one day's ranking already), with that
 * day's sources, summary, targets and breaks. The figures a broadcast repeated that day, and
 * nothing the latest file does not also carry: a full copy of every line per kept date grew with
 * the square of the days (28 MB per chart for two years of daily figures).
 */
export function figuresOfTheDay(spec: ChartSpec): ChartSpec {
  if (spec.kind === 'bar') return spec;
  return { ...spec, series: spec.series.filter((series) => series.points.length > 0).map((series) => ({ ...series, points: series.points.slice(-1) })) };
}

export interface ChartBundle {
  charts: ChartWithVersions[];
  inputs: ChartInputs;
  /** Every figure of the snapshots (the figure model's input for pages, tables and radio text). */
  figures: readonly Figure[];
}

/** Dated versions are kept for the chart's newest this many data dates… */
export const RECENT_VERSIONS = 31;

/**
 * …and, before those, for the first data date of each calendar month: at most 31 + one a month
 * per chart, however many days of figures it has. A month's first date stays first as newer data
 * arrives, so only a daily version older than the newest 31 is ever dropped; a chart with at
 * most 31 data dates (every chart of the published figures) keeps them all.
 */
function keptDates(dates: string[]): string[] {
  const sorted = [...new Set(dates)].sort();
  const recentFrom = sorted.at(-RECENT_VERSIONS) ?? sorted[0];
  const firstOfMonth = new Map<string, string>();
  for (const date of sorted) if (!firstOfMonth.has(date.slice(0, 7))) firstOfMonth.set(date.slice(0, 7), date);
  return sorted.filter((date) => (recentFrom !== undefined && date >= recentFrom) || firstOfMonth.get(date.slice(0, 7)) === date);
}

/** A chart as it stood on one day, cut to its figures of that day (`figuresOfTheDay`). */
export interface ChartVersion {
  id: string;
  spec: ChartSpec;
}

/**
 * Where dated versions are kept between builds. A version depends only on the snapshots dated up
 * to its day (and on the letters, statement targets and regions), so once computed it never
 * changes; `key` digests exactly those inputs.
 */
export interface VersionStore {
  get(key: string): ChartVersion[] | undefined;
  set(key: string, versions: ChartVersion[]): void;
}

/** Digest of each date's inputs: the snapshots up to that day (a running hash, oldest first) and everything else charts are built from. */
function versionKeys(inputs: ChartInputs, dates: readonly string[]): Map<string, string> {
  const { regions } = inputs;
  const rest = createHash('sha256')
    .update(JSON.stringify(inputs.directives.map((entry) => entry.data)))
    .update(JSON.stringify(inputs.statementTargets.map((entry) => entry.data)))
    .update(JSON.stringify([regions.country, regions.provinces, regions.provinces.map((p) => regions.districtsOf(p.code))]))
    .digest('hex');
  const ordered = [...inputs.snapshots].sort((a, b) => a.data.asOf.localeCompare(b.data.asOf) || a.id.localeCompare(b.id));
  const keys = new Map<string, string>();
  let running = rest;
  let next = 0;
  for (const date of [...dates].sort()) {
    for (; next < ordered.length && ordered[next]!.data.asOf <= date; next++) {
      running = createHash('sha256').update(running).update(ordered[next]!.id).update('\0').update(JSON.stringify(ordered[next]!.data)).digest('hex');
    }
    keys.set(date, `${date}:${running}`);
  }
  return keys;
}

/**
 * Builds every chart and its dated versions from plain inputs. A dated version uses only the
 * snapshots dated up to that day, so its files stay the same when newer figures arrive; only its
 * figures of the day are kept, so memory and files grow with the days, not their square. Charts
 * are rebuilt only at dates some chart keeps (not at every snapshot date), so two years of daily
 * figures cost about 55 rebuilds, not 730; with a `store`, a build after one new snapshot makes
 * only the versions whose inputs changed (the new day's).
 */
export function chartBundle(inputs: ChartInputs, store?: VersionStore): ChartBundle {
  const made = chartFigures(inputs.snapshots);
  const current = chartsFrom(inputs, made);
  const kept = new Map(current.map((spec) => [spec.id, new Set(keptDates([spec.asOf, ...chartRows(spec).map((row) => row.date)]))]));
  const dates = [...new Set([...kept.values()].flatMap((set) => [...set]))].sort();
  const keys = store ? versionKeys(inputs, dates) : undefined;
  const history = new Map<string, { asOf: string; spec: ChartSpec }[]>();
  for (const date of dates) {
    const key = keys?.get(date);
    let versions = key === undefined ? undefined : store?.get(key);
    if (!versions) {
      versions = chartsFrom(inputs, chartFiguresUpTo(made, date))
        .filter((spec) => spec.asOf === date)
        .map((spec) => ({ id: spec.id, spec: figuresOfTheDay(spec) }));
      if (key !== undefined) store?.set(key, versions);
    }
    for (const { id, spec } of versions) {
      if (!kept.get(id)?.has(date)) continue;
      const list = history.get(id);
      const version = { asOf: date, spec };
      if (list) list.push(version);
      else history.set(id, [version]);
    }
  }
  return {
    inputs,
    figures: made.figures,
    charts: current.map((spec) => ({ spec, versions: history.get(spec.id) ?? [] })),
  };
}

/** Dated versions kept in the render cache (under the code's hash, like every cached render). */
const cachedVersions: VersionStore = {
  get: (key) => cachedJson.get<ChartVersion[]>('chart-versions', key),
  set: (key, versions) => cachedJson.set('chart-versions', key, versions),
};

let cached: Promise<ChartBundle> | undefined;

/** All charts of this build, from the content collections (built once per build). */
export function loadChartCatalogue(): Promise<ChartBundle> {
  cached ??= (async () => {
    // Imported here, so that scripts outside Astro (the benchmark) can build a bundle from plain inputs.
    const { getCollection } = await import('astro:content');
    const [snapshots, directives, statementTargets] = await Promise.all([
      readSnapshots(),
      getCollection('directives'),
      getCollection('statementTargets'),
    ]);
    return chartBundle({ snapshots, directives, statementTargets, regions: loadRegions() }, cachedVersions);
  })();
  return cached;
}

/** One entry of `/nhung/index.json`. */
export function catalogueEntry(chart: ChartWithVersions, regions: RegionIndex, site: URL | string) {
  const { spec } = chart;
  const url = (path: string) => absoluteUrl(path, site);
  const vi = latestNames('vi');
  const en = latestNames('en');
  return {
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    summary: spec.summary,
    asOf: spec.asOf,
    page: { vi: url(chartHomePath(spec, regions, 'vi')), en: url(chartHomePath(spec, regions, 'en')) },
    embed: { vi: url(embedPath(spec.id, 'vi')), en: url(embedPath(spec.id, 'en')) },
    // Per language: the page-sized SVG, then each newsroom format as PNG and SVG.
    images: Object.fromEntries(
      (['vi', 'en'] as const).map((lang) => {
        const names = lang === 'vi' ? vi : en;
        const formats = Object.fromEntries(imageFormatList.map((format) => [format, { png: url(chartFilePath(spec.id, lang, names.images[format].png)), svg: url(chartFilePath(spec.id, lang, names.images[format].svg)) }]));
        return [lang, { svg: url(chartFilePath(spec.id, lang, names.svg)), ...formats }];
      }),
    ),
    data: {
      csv: url(chartFilePath(spec.id, 'vi', vi.csv)),
      json: url(chartFilePath(spec.id, 'vi', vi.json)),
      versions: chart.versions.map((version) => ({
        asOf: version.asOf,
        csv: url(chartFilePath(spec.id, 'vi', datedNames(version.asOf).csv)),
        json: url(chartFilePath(spec.id, 'vi', datedNames(version.asOf).json)),
      })),
    },
  };
}

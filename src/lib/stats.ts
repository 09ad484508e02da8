import {
  COUNTING_CHANGE_DATE,
  methodOnDate,
  type Measure,
  type Method,
  type Qualifier,
  type RateBasis,
  type RegionLevel,
  type Snapshot,
  type SnapshotRow,
  type SnapshotSource,
} from '../schemas/snapshot.ts';

/**
 * Statistics maths for the pages: pure functions over snapshots (no I/O). Pages get entries from
 * `getCollection('snapshots')` and pass them in; tests pass plain objects.
 *
 * Honesty rules enforced here, so pages cannot break them by accident:
 * - a series is one region × one measure × one basis; different bases are never merged;
 * - a series is split into segments where the counting method changed (29/06/2021);
 * - published rates are shown as published; a rate worked out from counts is only used to CHECK
 *   a stated rate (`checkStatedRate`), never presented as if a source had published it;
 * - qualifiers (`more_than`, `about`, `less_than`) travel with every value.
 */

/** A snapshot as the content collection returns it (`id` = file name without `.json`). */
export interface SnapshotEntry {
  id: string;
  data: Snapshot;
}

/** One row of one snapshot, with the snapshot's context resolved (measure, method, basis). */
export interface Observation {
  /** Id of the snapshot file it comes from (`2020-08-11-vietnamplus-180161`). */
  snapshotId: string;
  asOf: string;
  asOfTime: string | undefined;
  source: SnapshotSource;
  /** The row's measure, or the snapshot's. */
  measure: Measure;
  /** The counting method in force (given, or from the date). */
  method: Method;
  /** The basis of the rate/rank/group; `not_stated` when the row has none. */
  rateBasis: RateBasis;
  row: SnapshotRow;
}

/** Flattens snapshots into observations, oldest first (then by time of day, then snapshot id). */
export function observations(entries: readonly SnapshotEntry[]): Observation[] {
  const list: Observation[] = [];
  for (const { id, data } of entries) {
    for (const row of data.rows) {
      list.push({
        snapshotId: id,
        asOf: data.asOf,
        asOfTime: data.asOfTime,
        source: data.source,
        measure: row.measure ?? data.measure,
        method: data.method ?? methodOnDate(data.asOf),
        rateBasis: row.rateBasis ?? 'not_stated',
        row,
      });
    }
  }
  return list.sort(compareObservations);
}

function compareObservations(a: Observation, b: Observation): number {
  return (
    a.asOf.localeCompare(b.asOf) ||
    (a.asOfTime ?? '').localeCompare(b.asOfTime ?? '') ||
    a.snapshotId.localeCompare(b.snapshotId)
  );
}

/** Snapshots newest first (for listings such as `/du-lieu/`). */
export function snapshotsNewestFirst<T extends SnapshotEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.data.asOf.localeCompare(a.data.asOf) || a.id.localeCompare(b.id));
}

// ─── rates ──────────────────────────────────────────────────────────────────

/** Largest gap (in percentage points) between a stated rate and the one computed from its counts that is still rounding. */
export const RATE_TOLERANCE_POINTS = 0.1;

/** `installs / denominator` in percent, unrounded. Throws on a zero or negative denominator: a rate of nothing is a data error. */
export function rateFromCounts(installs: number, denominator: number): number {
  if (!(denominator > 0)) throw new RangeError(`denominator must be positive, got ${denominator}`);
  if (!(installs >= 0)) throw new RangeError(`installs must not be negative, got ${installs}`);
  return (installs / denominator) * 100;
}

/** Result of comparing a published rate with the rate its own counts give. */
export interface RateCheck {
  stated: number;
  computed: number;
  /** `stated − computed`, in percentage points. */
  difference: number;
  /** True when the two differ by more than `tolerance` points: one of the numbers is wrong or the basis is not what it says. */
  mismatch: boolean;
}

/** Checks a stated rate against its counts (Cẩm Phả: 72.014 / 190.232 = 37,856% ≈ 37,86% → no mismatch). */
export function checkStatedRate(
  stated: number,
  installs: number,
  denominator: number,
  tolerance: number = RATE_TOLERANCE_POINTS,
): RateCheck {
  const computed = rateFromCounts(installs, denominator);
  const difference = stated - computed;
  // A small epsilon so a gap of exactly `tolerance` (after float noise) is not flagged.
  return { stated, computed, difference, mismatch: Math.abs(difference) > tolerance + 1e-9 };
}

/** Where denominators come from when the row does not carry one (province populations of the 2019 census). */
export interface PopulationLookup {
  /** Confirmed 2019 census population of a region, or undefined. */
  populationOf(code: string): number | undefined;
}

/** Builds a `PopulationLookup` from the regions index (`loadRegions()`). */
export function populationLookup(regions: { provinces: readonly { code: string; population2019: { count: number } | null }[] }): PopulationLookup {
  const byCode = new Map(regions.provinces.flatMap((p) => (p.population2019 ? [[p.code, p.population2019.count] as const] : [])));
  return { populationOf: (code) => byCode.get(code) };
}

/**
 * The denominator for a row's basis: the row's own figure first (the source's), else the
 * reference population for a `population` basis. Undefined for `not_stated` or when unknown.
 */
export function denominatorOf(row: SnapshotRow, basis: RateBasis, populations?: PopulationLookup): number | undefined {
  switch (basis) {
    case 'population':
      return row.population ?? populations?.populationOf(row.region.code);
    case 'adults_15_60':
      return row.adults15to60;
    case 'smartphones':
      return row.smartphones;
    case 'not_stated':
      return undefined;
  }
}

/**
 * Checks an observation's stated rate against its installs and denominator; undefined when
 * something is missing or a value is only a bound/approximation (nothing exact to check).
 */
export function checkObservation(observation: Observation, populations?: PopulationLookup): RateCheck | undefined {
  const { row } = observation;
  if (row.ratePercent === undefined || row.installs === undefined) return undefined;
  if (row.rateQualifier !== undefined || row.installsQualifier !== undefined) return undefined;
  const denominator = denominatorOf(row, observation.rateBasis, populations);
  if (denominator === undefined) return undefined;
  return checkStatedRate(row.ratePercent, row.installs, denominator);
}

// ─── values, series, latest ─────────────────────────────────────────────────

/** Which number of a row a chart plots. */
export type ValueKind = 'rate' | 'installs';

/** A plotted value: the number, how the source worded it, and where it comes from. */
export interface Point {
  asOf: string;
  value: number;
  /** Undefined = exact as printed. */
  qualifier: Qualifier | undefined;
  snapshotId: string;
  source: SnapshotSource;
  rank: number | undefined;
  rankOf: number | undefined;
}

/** The value of `kind` in an observation, or undefined when the row does not carry it. */
export function pointOf(observation: Observation, kind: ValueKind): Point | undefined {
  const { row } = observation;
  const value = kind === 'rate' ? row.ratePercent : row.installs;
  if (value === undefined) return undefined;
  return {
    asOf: observation.asOf,
    value,
    qualifier: kind === 'rate' ? row.rateQualifier : row.installsQualifier,
    snapshotId: observation.snapshotId,
    source: observation.source,
    rank: row.rank,
    rankOf: row.rankOf,
  };
}

/** What a series is: one region, one measure, one basis (for rates), one kind of value. */
export interface SeriesKey {
  regionCode: string;
  measure: Measure;
  kind: ValueKind;
  /** Required for rates (never mix bases); ignored for installs. */
  basis?: RateBasis;
}

/** A stretch of a series counted with one method; a chart draws each segment as its own line. */
export interface SeriesSegment {
  method: Method;
  points: Point[];
}

function matches(observation: Observation, key: SeriesKey): boolean {
  if (observation.row.region.code !== key.regionCode || observation.measure !== key.measure) return false;
  if (key.kind === 'rate') return observation.rateBasis === (key.basis ?? 'not_stated');
  return true;
}

/**
 * The series of one region × measure (× basis for rates), oldest first, split into segments
 * wherever the counting method changes (a series break is never drawn as one line). Two sources
 * on the same day both stay in (each point names its source); nothing is interpolated.
 * For installs, rows that repeat the same count under another basis (Cẩm Phả's two rows) count once.
 */
export function series(list: readonly Observation[], key: SeriesKey): SeriesSegment[] {
  const segments: SeriesSegment[] = [];
  const seen = new Set<string>();
  for (const observation of list) {
    if (!matches(observation, key)) continue;
    const point = pointOf(observation, key.kind);
    if (!point) continue;
    const dedupe = `${observation.snapshotId}|${point.value}|${point.qualifier ?? ''}`;
    if (key.kind === 'installs') {
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
    }
    const last = segments.at(-1);
    if (last && last.method === observation.method) last.points.push(point);
    else segments.push({ method: observation.method, points: [point] });
  }
  return segments;
}

/** The national download series since launch (lower bounds such as ">20 triệu" keep `more_than`). */
export function nationalDownloads(list: readonly Observation[]): SeriesSegment[] {
  return series(list, { regionCode: 'VN', measure: 'downloads', kind: 'installs' });
}

/** The measures and bases a region has data for, so a page can draw one chart per series and never mix them. */
export function seriesKeysOf(list: readonly Observation[], regionCode: string): SeriesKey[] {
  const keys = new Map<string, SeriesKey>();
  for (const observation of list) {
    if (observation.row.region.code !== regionCode) continue;
    const { row } = observation;
    if (row.ratePercent !== undefined) {
      const key: SeriesKey = { regionCode, measure: observation.measure, kind: 'rate', basis: observation.rateBasis };
      keys.set(`rate|${key.measure}|${key.basis}`, key);
    }
    if (row.installs !== undefined) keys.set(`installs|${observation.measure}`, { regionCode, measure: observation.measure, kind: 'installs' });
  }
  return [...keys.values()];
}

/** Filter for `latestByRegion`. */
export interface LatestQuery {
  measure: Measure;
  kind: ValueKind;
  /** Required for rates. */
  basis?: RateBasis;
  /** Only regions of this level (e.g. `province` for the bar chart of provinces). */
  level?: RegionLevel;
}

/** The latest observation per region for one measure (× basis for rates), as `Point`s keyed by region code. Same-day ties go to the later time of day, then the later snapshot id. */
export function latestByRegion(list: readonly Observation[], query: LatestQuery): Map<string, { observation: Observation; point: Point }> {
  const latest = new Map<string, { observation: Observation; point: Point }>();
  for (const observation of list) {
    if (query.level !== undefined && observation.row.region.level !== query.level) continue;
    if (observation.measure !== query.measure) continue;
    if (query.kind === 'rate' && observation.rateBasis !== (query.basis ?? 'not_stated')) continue;
    const point = pointOf(observation, query.kind);
    if (!point) continue;
    // `list` is sorted oldest first, so a later entry replaces an earlier one.
    latest.set(observation.row.region.code, { observation, point });
  }
  return latest;
}

/** Every region that appears in the data, with the bases its rates use (for "provinces with data" lists). */
export function regionsWithData(list: readonly Observation[]): Map<string, { level: RegionLevel; name: string; bases: Set<RateBasis>; measures: Set<Measure> }> {
  const regions = new Map<string, { level: RegionLevel; name: string; bases: Set<RateBasis>; measures: Set<Measure> }>();
  for (const observation of list) {
    const { region } = observation.row;
    const entry = regions.get(region.code) ?? { level: region.level, name: region.name, bases: new Set(), measures: new Set() };
    if (observation.row.ratePercent !== undefined || observation.row.rank !== undefined) entry.bases.add(observation.rateBasis);
    entry.measures.add(observation.measure);
    regions.set(region.code, entry);
  }
  return regions;
}

// ─── ranks ──────────────────────────────────────────────────────────────────

/**
 * Ranks values highest first with standard competition ranking (ties share a rank: 1, 2, 2, 4).
 * Only meaningful for values on one basis; the caller picks them with `latestByRegion`.
 * Note: a rank computed over the regions WE have data for is not a national rank; show the
 * published `rank`/`rankOf` where they exist.
 */
export function rankDescending<T>(items: readonly T[], valueOf: (item: T) => number): { item: T; rank: number }[] {
  const sorted = [...items].sort((a, b) => valueOf(b) - valueOf(a));
  let previous: number | undefined;
  let rank = 0;
  return sorted.map((item, index) => {
    const value = valueOf(item);
    if (value !== previous) rank = index + 1;
    previous = value;
    return { item, rank };
  });
}

// ─── targets ────────────────────────────────────────────────────────────────

/**
 * A target as a directive sets it (e.g. 1119/UBND-KGVX: at least 60% of smartphone users by
 * 20/08/2020; 5355/UBND-KGVX: at least 50%). A plain object, so this module does not depend on
 * the directive schema.
 */
export interface Target {
  /** The goal: a percentage (`unit: 'percent'`) or a count of installs (`unit: 'installs'`, e.g. 50 million). */
  value: number;
  unit: 'percent' | 'installs';
  /** Basis of a percentage target; a rate on another basis cannot be compared with it. */
  basis?: RateBasis;
  /** Deadline (ISO date), if the target has one. */
  deadline?: string;
}

/** Where a value stands against a target. */
export interface TargetGap {
  /** False when the value is on another basis or unit: no gap can honestly be computed. */
  comparable: boolean;
  /** `target − value` (points or installs) when comparable; ≤ 0 means reached. */
  gap: number | undefined;
  /** `true`/`false` when certain; `undefined` when a bound or approximation leaves it open (">20 triệu" vs 25 million). */
  reached: boolean | undefined;
  deadline: string | undefined;
  /** Days from the value's date to the deadline (negative = the value is from after the deadline). */
  daysToDeadline: number | undefined;
}

/** Whole days from one ISO date to another (calendar days, zone-free). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * Gap between a value and a target, and the deadline seen from the value's date.
 * `kind`/`basis` say what the value is; a rate is only compared with a percentage target of the
 * same basis, installs with an installs target.
 */
export function gapToTarget(
  point: Pick<Point, 'asOf' | 'value' | 'qualifier'>,
  valueInfo: { kind: ValueKind; basis?: RateBasis },
  target: Target,
): TargetGap {
  const deadline = target.deadline;
  const daysToDeadline = deadline === undefined ? undefined : daysBetween(point.asOf, deadline);
  const comparable =
    (valueInfo.kind === 'installs' && target.unit === 'installs') ||
    (valueInfo.kind === 'rate' && target.unit === 'percent' && valueInfo.basis !== 'not_stated' && valueInfo.basis === target.basis);
  if (!comparable) return { comparable, gap: undefined, reached: undefined, deadline, daysToDeadline };
  const gap = target.value - point.value;
  let reached: boolean | undefined;
  switch (point.qualifier) {
    case undefined:
      reached = gap <= 0;
      break;
    case 'more_than':
      reached = gap <= 0 ? true : undefined;
      break;
    case 'less_than':
      reached = gap > 0 ? false : undefined;
      break;
    case 'about':
      reached = undefined;
      break;
  }
  return { comparable, gap, reached, deadline, daysToDeadline };
}

/** The counting change that breaks every series (re-exported for chart annotations). */
export { COUNTING_CHANGE_DATE };

/** Bluezone's launch (MIC + Ministry of Health; developer Bkav), where the national series starts. */
export const LAUNCH = {
  date: '2020-04-18',
  sources: [
    'https://en.vietnamplus.vn/covid19-tracing-app-bluezone-hits-157-million-users/180161.vnp',
    'https://english.mic.gov.vn/covid-19-contact-tracing-app-bluezone-hits-10-million-users-197143820.htm',
  ],
} as const;

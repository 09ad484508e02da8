import type { TargetBasis } from '../../content/directive.ts';
import type { Measure, RateBasis, RegionLevel } from '../../content/snapshot.ts';
import type { Figure, FigureKind } from './figures.ts';

/**
 * The rules every output obeys, in one place (each has a test in `tests/unit/stats-model.test.ts`):
 * - one series, one chart: one place × kind × measure × basis; a change of counting method
 *   splits it again (drawn as two lines, never joined);
 * - a rate whose source states no basis is labelled so and kept out of rankings and of charts
 *   with stated bases;
 * - a target is drawn only with figures on its own basis;
 * - a comparison ("higher than", "ahead of", ranks) only between figures of one kind, measure and
 *   basis, at most `COMPARISON_WINDOW_DAYS` apart; a place's change over time ("up from") at most
 *   `CHANGE_WINDOW_DAYS` apart, both dates named; otherwise each figure is given with its own date;
 * - upper bounds ("dưới 8 %") and standings without a number are listed, never drawn.
 */

/** Figures of different places further apart than this are never compared, ranked or summed up together. */
export const COMPARISON_WINDOW_DAYS = 7;

/**
 * A place's change over time ("tăng 7,4 triệu so với ngày 28/4"): its own series, one basis and
 * counting method, both dates named, at most this many days apart. National figures were
 * published weeks apart in 2021 (28/4 → 19/6 is 52 days); a longer gap is read as two dated
 * figures, not as a change.
 */
export const CHANGE_WINDOW_DAYS = 62;

/**
 * A page's table lists the figures of this many newest dates; older figures stay in the
 * downloads (CSV, JSON, snapshots). Two years of daily figures are 730 rows a line: a phone on
 * weak 3G should not fetch them to show one screen. The committed figures are all shown.
 */
export const PAGE_TABLE_DATES = 31;

/** The rows of the newest `dates` dates (every row of each, in the given order), and how many older rows are left out. */
export function newestDates<Row extends { date: string }>(rows: readonly Row[], dates: number = PAGE_TABLE_DATES): { shown: Row[]; omitted: number } {
  const newest = new Set([...new Set(rows.map((row) => row.date))].sort().slice(-dates));
  const shown = rows.filter((row) => newest.has(row.date));
  return { shown, omitted: rows.length - shown.length };
}

/** A place's newest figure with a number in each series (upper bounds included), in date order: a one-line summary of a place in a list. */
export function newestOfEachSeries(figures: readonly Figure[]): Figure[] {
  const newest = new Map<string, Figure>();
  for (const figure of figures) {
    if (!hasNumber(figure)) continue;
    const known = newest.get(seriesKey(figure));
    if (!known || figure.date >= known.date) newest.set(seriesKey(figure), figure);
  }
  return [...newest.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Whole days from one ISO date to another (calendar days). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** True for a basis a source stated (rates of `not_stated` are never ranked or charted with others). */
export function isStatedBasis(basis: RateBasis | null): basis is Exclude<RateBasis, 'not_stated'> {
  return basis !== null && basis !== 'not_stated';
}

/** A figure with a number (an upper bound included). */
function hasNumber(figure: Figure): figure is Figure & { value: number } {
  return figure.value !== null;
}

/** A figure that can be drawn as a point or a bar: it has a number, and the number is not only an upper bound. */
export function isDrawable(figure: Figure): figure is Figure & { value: number } {
  return figure.value !== null && figure.qualifier !== 'less_than';
}

/** What makes figures one series (method aside): one place, kind, measure and basis. */
export function seriesKey(figure: Pick<Figure, 'place' | 'kind' | 'measure' | 'basis'>): string {
  return `${figure.place.code}|${figure.kind}|${figure.measure}|${figure.basis ?? '-'}`;
}

/** A place's figures of one kind, measure and basis: what one chart may draw. */
export interface FigureSeries {
  key: string;
  place: Figure['place'];
  kind: FigureKind;
  measure: Measure;
  basis: RateBasis | null;
  /** Oldest first; drawable figures only. */
  figures: (Figure & { value: number })[];
}

/** Splits figures into series (one chart each): never two bases, measures or kinds in one. */
export function seriesOf(figures: readonly Figure[]): FigureSeries[] {
  const groups = new Map<string, FigureSeries>();
  for (const figure of figures) {
    if (!isDrawable(figure)) continue;
    const key = seriesKey(figure);
    const group = groups.get(key) ?? { key, place: figure.place, kind: figure.kind, measure: figure.measure, basis: figure.basis, figures: [] };
    group.figures.push(figure);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.figures.sort((a, b) => a.date.localeCompare(b.date));
  return [...groups.values()];
}

/** True when two figures may be compared in one sentence or ranking. */
export function comparable(a: Figure, b: Figure, windowDays: number = COMPARISON_WINDOW_DAYS): boolean {
  if (a.value === null || b.value === null) return false;
  if (a.kind !== b.kind || a.measure !== b.measure || a.basis !== b.basis) return false;
  if (a.kind === 'rate' && !isStatedBasis(a.basis)) return false;
  return Math.abs(daysBetween(a.date, b.date)) <= windowDays;
}

/** The basis of the figures a target set in a letter can be measured with; null when no figure counts that (staff, workers). */
export function figureBasisOfTarget(basis: TargetBasis): RateBasis | null {
  return basis === 'smartphone_users' ? 'smartphones' : null;
}

/** The figures a target may be drawn with: the place's drawable rates on the target's own basis. */
export function figuresForTarget(figures: readonly Figure[], placeCode: string, basis: TargetBasis): (Figure & { value: number })[] {
  const own = figureBasisOfTarget(basis);
  if (own === null) return [];
  return figures.filter((f): f is Figure & { value: number } => f.place.code === placeCode && f.kind === 'rate' && f.measure === 'downloads' && f.basis === own && isDrawable(f));
}

export interface LatestQuery {
  kind: FigureKind;
  measure?: Measure;
  /** Required for rates; must be stated for a ranking. */
  basis?: RateBasis;
  level?: RegionLevel;
  /** Also take "less than" figures: a map class "under 8 %" can hold one honestly, a point on a line cannot. */
  upperBounds?: boolean;
}

/** The newest drawable figure per place matching `query` (same-day ties: the later one in `figures`). */
export function latestByPlace(figures: readonly Figure[], query: LatestQuery): Map<string, Figure & { value: number }> {
  const latest = new Map<string, Figure & { value: number }>();
  const measure = query.measure ?? 'downloads';
  const usable = query.upperBounds ? hasNumber : isDrawable;
  for (const figure of figures) {
    if (!usable(figure) || figure.kind !== query.kind || figure.measure !== measure) continue;
    if (query.kind === 'rate' && figure.basis !== query.basis) continue;
    if (query.level !== undefined && figure.place.level !== query.level) continue;
    const known = latest.get(figure.place.code);
    if (!known || figure.date >= known.date) latest.set(figure.place.code, figure);
  }
  return latest;
}

/** The latest download rate of each province on one stated basis (for a map or a ranking of provinces). */
export function latestRatesByProvince(figures: readonly Figure[], basis: Exclude<RateBasis, 'not_stated'>): Map<string, Figure & { value: number }> {
  return latestByPlace(figures, { kind: 'rate', basis, level: 'province' });
}

/** The newest download rate of a place on any stated basis (the figure read on air); undefined when it has none. */
export function latestStatedRate(figures: readonly Figure[], placeCode: string): (Figure & { value: number }) | undefined {
  return figures
    .filter((f): f is Figure & { value: number } => f.place.code === placeCode && f.kind === 'rate' && f.measure === 'downloads' && isStatedBasis(f.basis) && isDrawable(f))
    .reduce<(Figure & { value: number }) | undefined>((best, f) => (!best || f.date >= best.date ? f : best), undefined);
}

/** The newest download count of a place; undefined when it has none. */
export function latestCount(figures: readonly Figure[], placeCode: string): (Figure & { value: number }) | undefined {
  return latestByPlace(figures, { kind: 'count' }).get(placeCode);
}

/** Codes of the places with at least one figure (the places that get a statistics page). */
export function placesWithFigures(figures: readonly Figure[]): Map<string, Figure['place']> {
  return new Map(figures.map((f) => [f.place.code, f.place]));
}

/**
 * Groups bars (or any list of figures to rank) so that each group only holds figures comparable
 * with all others in it: sorted by date, a new group starts when a figure is more than the window
 * after the group's first. Within a group, ranking words ("highest") are honest.
 */
export function comparableGroups<F extends Figure>(figures: readonly F[], windowDays: number = COMPARISON_WINDOW_DAYS): F[][] {
  const groups: F[][] = [];
  for (const figure of [...figures].sort((a, b) => a.date.localeCompare(b.date))) {
    const group = groups.at(-1);
    if (group && comparable(group[0]!, figure, windowDays)) group.push(figure);
    else groups.push([figure]);
  }
  return groups;
}

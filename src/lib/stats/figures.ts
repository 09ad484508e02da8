import type { Statistic } from '../../content/directive.ts';
import type { Measure, Method, Qualifier, RateBasis, RegionLevel, SnapshotRow, SnapshotSource } from '../../content/snapshot.ts';

/**
 * THE figure of the site: one number as one source published it. Every output (pages, charts,
 * images, downloads, feeds, radio text, letter pages) is made from these, through `model.ts`
 * (the rules) and `words.ts` (the wording). Field types come from the content schemas.
 */

/** A count of something, or a rate in percent of a basis. */
export type FigureKind = 'count' | 'rate';

/** How the source worded the value: the schema's qualifiers, or `exact` (the number as printed). */
export type FigureQualifier = Qualifier | 'exact';

/** How a count was printed: in full (`145.800`) or in millions (`2,8 triệu`); see `SnapshotRow.installsPrintedIn`. */
export type PrintedIn = NonNullable<SnapshotRow['installsPrintedIn']>;

/** Where a figure applies. */
export interface FigurePlace {
  /** `VN`, a 2-digit province or a 3-digit district code (GSO 2020). */
  code: string;
  name: string;
  level: RegionLevel;
}

/** A source as cited under a figure: a page read, or a letter's page on this site. */
export interface FigureSource {
  name: string;
  /** Article or letter title, when known. */
  title: string | null;
  /** Page read, or the letter's page on this site (`/van-ban/<slug>/`). */
  url: string | null;
}

export interface Figure {
  /**
   * Unique: where the figure was read in this repository and its kind: a snapshot and its row
   * (`2021-05-27-vnexpress-4285364#2:count`) or a letter and its statistic (`<slug>#0:rate`).
   */
  id: string;
  place: FigurePlace;
  /** ISO date the figure refers to ("tính đến ngày"). */
  date: string;
  kind: FigureKind;
  /** What was counted (for a rate, its numerator). */
  measure: Measure;
  /** Denominator of a rate; `null` for counts. A rank or list membership has its rate's basis. */
  basis: RateBasis | null;
  /** The number; `null` for a standing published without one ("in the 5 lowest"). */
  value: number | null;
  qualifier: FigureQualifier;
  /** Published rounding of a count (`units` for rates). */
  printedIn: PrintedIn;
  /** Decimals printed for a rate (`44,70 %` → 2); `null` = as many as the value needs. */
  decimals: number | null;
  /** Counting method the source states (a change of method splits a series). */
  method: Method;
  rank: number | null;
  rankOf: number | null;
  /** Membership of a published top/bottom list without a rank number. */
  group: SnapshotRow['group'] | null;
  source: FigureSource;
}

/** A letter's `statistics` entry, with the letter it comes from (input of `load.ts`). */
export interface LetterStatistic {
  letter: { slug: string; issuer: string; title: string };
  statistic: Statistic;
  index: number;
}

export type { Measure, Method, RateBasis, SnapshotSource };

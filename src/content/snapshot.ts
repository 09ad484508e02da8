import { z } from 'astro/zod';

/**
 * A statistics snapshot (`content/stats/<asOf>-<source id>.json`): ONE source's Bluezone figures
 * as of ONE date. Snapshots are append-only: a newer figure is a new file, never an edit, so a
 * chart can always be traced back to what a source said on a given day.
 *
 * Field names are camelCase here; the CSV reporting template uses the snake_case twins
 * (`adults_15_60`, `rate_percent`, …), see `src/lib/stats/import.ts`.
 */

/** Region levels as in the GSO lists; the code's shape must match (see `levelOfCode`). */
export const REGION_LEVELS = ['country', 'province', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * What was counted. Different measures are different series and are never compared:
 * - `downloads`: downloads/installs ("lượt tải", "lượt cài đặt"); what most 2020 figures count.
 * - `registered_with_phone`: accounts that registered a phone number ("Bluezoner có điện thoại").
 * - `active`: accounts actually in use (e.g. MIC's "active accounts", May 2021).
 */
export const MEASURES = ['downloads', 'registered_with_phone', 'active'] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * The denominator of a rate. Rates on different bases are different series (Kiên Giang's 13% of
 * adults 15–60 is not comparable with Trà Vinh's 5,06% of total population). A rate whose source
 * gives no basis is kept as `not_stated`, never guessed.
 */
export const RATE_BASES = ['population', 'adults_15_60', 'smartphones', 'not_stated'] as const;
export type RateBasis = (typeof RATE_BASES)[number];

/**
 * How a value was worded by the source. Absent = the number as printed. `more_than` is a lower
 * bound (">20 triệu", "hơn 30 triệu"), `less_than` an upper bound ("<8%"), `about` an approximate
 * figure ("khoảng 145.800", "~400.000"): never turn these into exact numbers.
 */
export const QUALIFIERS = ['about', 'more_than', 'less_than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * How installs were counted, as the snapshot's source states it. A change of method is data, not
 * a date in code: a snapshot whose source says only 3G/4G subscribers were counted sets
 * `method: "active_3g4g_subscribers"`, and its figures become a series of their own (a break,
 * never one line). No source in this repository states such a change yet.
 */
export const METHODS = ['all_installs', 'active_3g4g_subscribers'] as const;
export type Method = (typeof METHODS)[number];

/** The method of a snapshot that states none. */
export const DEFAULT_METHOD: Method = 'all_installs';

/** `VN` = country, 2 digits = province, 3 digits = district (GSO codes of 2020). */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (code === 'VN') return 'country';
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{3}$/.test(code)) return 'district';
  return undefined;
}

/** A real calendar date `yyyy-mm-dd` (Zod's `iso.date` also rejects 2021-02-30). */
const isoDate = z.iso.date();

/** Kebab-case identifier (lowercase ASCII words joined by hyphens). */
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII words joined by hyphens');

/** A non-negative whole number of people, phones or installs. */
const count = z.number().int('must be a whole number').nonnegative('must not be negative');

/** Where the figures come from: a web page (`url`), a letter in the library (`document`) or another `reference`. */
export const snapshotSourceSchema = z
  .strictObject({
    /**
     * Stable id of the source as a series of publications (`vietnamplus`, `mic-gov-vn`, or the
     * letter's slug). Snapshots of one source must get newer: the fetch script rejects a snapshot
     * older than or equal to the newest one with the same id.
     */
    id: kebab,
    /** Who published it, as readers know it: `VietnamPlus`, `UBND tỉnh Kiên Giang`. */
    name: z.string().min(2).max(120),
    /** Title of the article or the letter's number and subject, shown in citations. */
    title: z.string().min(2).max(300).optional(),
    /** Address of the page read (cite it as given even if it has moved since). */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * For a letter: its slug in the directives library (`1119-ubnd-kgvx-2020`), the stable id the
     * directive pages use, so `/van-ban/<document>/` links the letter quoting the figure.
     */
    document: kebab.optional(),
    /** Plain-text reference for a source that is neither online nor in the library (a district's report file). */
    reference: z.string().min(2).max(300).optional(),
    /** Day the page or letter was published/issued, when it differs from `asOf`. */
    published: isoDate.optional(),
    /** Instant the data was read (ISO date-time or date); set by the fetch script for feeds. */
    retrievedAt: z.union([z.iso.datetime({ offset: true }), isoDate]).optional(),
    /** The body whose figures the source relays, e.g. `Bộ Thông tin và Truyền thông` or `Công văn 1166/STTTT-CNTTBCVT ngày 07/9/2020`. */
    quoting: z.string().min(2).max(300).optional(),
    /** Other pages that published the same figures (for readers who find the first one gone). */
    alsoAt: z.array(z.url({ protocol: /^https?$/ })).optional(),
  })
  .refine((s) => s.url !== undefined || s.document !== undefined || s.reference !== undefined, {
    message: 'a source needs a url, a document (letter slug) or a reference',
    path: ['url'],
  });
export type SnapshotSource = z.infer<typeof snapshotSourceSchema>;

/** The region a row is about, by its GSO code; the name is as in the regions reference. */
export const regionRefSchema = z
  .strictObject({
    /** GSO code of 2020 (`91` Kiên Giang, `195` Cẩm Phả) or `VN` for the whole country. */
    code: z.string().refine((c) => levelOfCode(c) !== undefined, 'use VN, a 2-digit province code or a 3-digit district code'),
    /** Short name as in the regions reference (`Kiên Giang`, `Cẩm Phả`; `1` for Quận 1), kept so the file reads on its own. */
    name: z.string().min(1).max(80),
    /** `country`, `province` or `district`; must match the shape of the code. */
    level: z.enum(REGION_LEVELS),
  })
  .refine((r) => levelOfCode(r.code) === r.level, { message: 'level does not match the code', path: ['level'] });

/** Standing in a ranked list the source gives without a rank number ("top 10", "the 5 lowest"). */
export const groupSchema = z.strictObject({
  /** `top` = among the highest, `bottom` = among the lowest. */
  kind: z.enum(['top', 'bottom']),
  /** How many regions the list names (10 for a top-10). */
  size: z.number().int().positive(),
});

/** One region's figures in a snapshot, for one measure and one rate basis. */
export const snapshotRowSchema = z
  .strictObject({
    /** Which region. */
    region: regionRefSchema,
    /** What was counted, when it differs from the snapshot's `measure` (e.g. a with-phone figure beside downloads). */
    measure: z.enum(MEASURES).optional(),
    /** Count of the measure (installs, accounts, …) as published. */
    installs: count.optional(),
    /** How `installs` was worded (`more_than` for ">20 triệu"); absent = exact as printed. */
    installsQualifier: z.enum(QUALIFIERS).optional(),
    /** How `installs` was printed: `millions` for "2,8 triệu" (a rounded figure, printed so again); absent = in full. */
    installsPrintedIn: z.enum(['units', 'millions']).optional(),
    /** Population denominator the SOURCE gave (province populations otherwise come from the regions reference). */
    population: count.optional(),
    /** Adults aged 15–60, when the source gives that denominator. */
    adults15to60: count.optional(),
    /** Smartphones (or smartphone subscribers), when the source gives that denominator. */
    smartphones: count.optional(),
    /** The published rate in percent (16.08 for "16,08%"), 0–100. */
    ratePercent: z.number().min(0, 'a rate cannot be negative').max(100, 'a rate cannot exceed 100%').optional(),
    /** How `ratePercent` was worded (`less_than` for "<8%"); absent = exact as printed. */
    rateQualifier: z.enum(QUALIFIERS).optional(),
    /** Decimals the source printed (2 for "44,70%"), when a trailing zero must be kept. */
    rateDecimals: z.number().int().min(0).max(3).optional(),
    /** Denominator of `ratePercent`, `rank` and `group`; `not_stated` when the source gives none. Required with any of them. */
    rateBasis: z.enum(RATE_BASES).optional(),
    /** Rank as published (1 = highest rate), among regions of the same level in the parent region. */
    rank: z.number().int().positive().optional(),
    /** Size of the ranked list (63 for the provinces), when published. */
    rankOf: z.number().int().positive().optional(),
    /** Membership of a published top/bottom list without a rank number. */
    group: groupSchema.optional(),
    /** Anything a reader needs to read the row right (quoted wording, a discrepancy between sources). */
    note: z.string().min(2).max(500).optional(),
  })
  .superRefine((row, ctx) => {
    const needsBasis = row.ratePercent !== undefined || row.rank !== undefined || row.group !== undefined;
    if (needsBasis && row.rateBasis === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rateBasis'], message: 'a rate, rank or group needs its basis (use "not_stated" if the source gives none)' });
    }
    if (row.installsQualifier !== undefined && row.installs === undefined) {
      ctx.addIssue({ code: 'custom', path: ['installsQualifier'], message: 'a qualifier needs the value it qualifies (installs)' });
    }
    if (row.installsPrintedIn !== undefined && row.installs === undefined) {
      ctx.addIssue({ code: 'custom', path: ['installsPrintedIn'], message: 'a printed form needs the value it describes (installs)' });
    }
    if (row.rateDecimals !== undefined && row.ratePercent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rateDecimals'], message: 'decimals need the value they describe (ratePercent)' });
    }
    if (row.rateQualifier !== undefined && row.ratePercent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rateQualifier'], message: 'a qualifier needs the value it qualifies (ratePercent)' });
    }
    if (row.rank !== undefined && row.rankOf !== undefined && row.rank > row.rankOf) {
      ctx.addIssue({ code: 'custom', path: ['rank'], message: `rank ${row.rank} is beyond rankOf ${row.rankOf}` });
    }
    if (row.installs !== undefined && row.installsQualifier !== 'more_than') {
      for (const field of ['population', 'adults15to60', 'smartphones'] as const) {
        const denominator = row[field];
        if (denominator !== undefined && row.installs > denominator) {
          ctx.addIssue({ code: 'custom', path: ['installs'], message: `installs ${row.installs} exceed ${field} ${denominator}` });
        }
      }
    }
    if (
      row.installs === undefined &&
      row.ratePercent === undefined &&
      row.rank === undefined &&
      row.group === undefined
    ) {
      ctx.addIssue({ code: 'custom', path: ['installs'], message: 'a row needs at least one figure: installs, ratePercent, rank or group' });
    }
  });
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;

/** Key that must be unique within a snapshot: one row per region, measure and basis. */
export function rowKey(row: SnapshotRow, snapshotMeasure: Measure): string {
  return `${row.region.code}|${row.measure ?? snapshotMeasure}|${row.rateBasis ?? 'not_stated'}`;
}

/** A snapshot without region-reference checks (see `snapshotSchemaWith` for those). */
export const snapshotSchema = z
  .strictObject({
    /** The date the figures refer to ("tính đến ngày"), in Vietnam (ISO `yyyy-mm-dd`). */
    asOf: isoDate,
    /** Local time of day the source gives (`11:00`, `17:00`), when it gives one. */
    asOfTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h)').optional(),
    /** Where the figures come from. */
    source: snapshotSourceSchema,
    /** What the rows count unless a row says otherwise. */
    measure: z.enum(MEASURES),
    /** Counting method the source states (`DEFAULT_METHOD` when absent). */
    method: z.enum(METHODS).optional(),
    /** Context for the whole snapshot (aggregates that are not a region, caveats). */
    note: z.string().min(2).max(1000).optional(),
    /** Why a figure changed more than tenfold since the previous one of its series (`PLAUSIBLE.jumpFactor`); without it the jump is refused. */
    jumpReason: z.string().min(10).max(500).optional(),
    /** One row per region × measure × basis. */
    rows: z.array(snapshotRowSchema).min(1, 'a snapshot needs at least one row'),
  })
  .superRefine((snapshot, ctx) => {
    const seen = new Map<string, number>();
    snapshot.rows.forEach((row, index) => {
      const key = rowKey(row, snapshot.measure);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['rows', index, 'region'], message: `duplicate of row ${first} (same region, measure and basis)` });
      } else seen.set(key, index);
    });
  });
export type Snapshot = z.infer<typeof snapshotSchema>;

/** A snapshot file as the build reads it: its id (the file name without `.json`) and its figures. */
export interface SnapshotEntry {
  id: string;
  data: Snapshot;
}

/** What the region check needs from the regions index (`loadRegions()` satisfies it). */
export interface RegionLookup {
  byCode(code: string): { code: string; level: RegionLevel; name: string; fullName: string } | undefined;
}

/**
 * The snapshot schema plus checks against the regions reference: every code exists, its level
 * matches and the name is the reference's short or full name. Used by the content collection
 * and the fetch script, so the build and the import agree.
 */
export function snapshotSchemaWith(regions: RegionLookup) {
  return snapshotSchema.superRefine((snapshot, ctx) => {
    snapshot.rows.forEach((row, index) => {
      const known = regions.byCode(row.region.code);
      if (!known) {
        ctx.addIssue({ code: 'custom', path: ['rows', index, 'region', 'code'], message: `unknown region code ${row.region.code}` });
        return;
      }
      if (known.level !== row.region.level) {
        ctx.addIssue({ code: 'custom', path: ['rows', index, 'region', 'level'], message: `${row.region.code} is a ${known.level}` });
      }
      if (row.region.name !== known.name && row.region.name !== known.fullName) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'region', 'name'],
          message: `${row.region.code} is "${known.name}", not "${row.region.name}"`,
        });
      }
    });
  });
}

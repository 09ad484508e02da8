import { z } from 'astro/zod';
import { gsoCodeSchema } from './region.ts';
import { MEASURES, QUALIFIERS, RATE_BASES } from './snapshot.ts';

/**
 * An official letter of the Bluezone install campaign (`content/directives/<slug>.mdx`):
 * frontmatter = the metadata below, body = the text as issued. Strict objects throughout, so a
 * misspelt field fails the build instead of silently vanishing from the site.
 */

/**
 * True when `yyyy-mm-dd` names a real calendar day (rejects 2020-02-30, 2020-13-01). Other
 * shapes pass here: the format check reports them, once.
 */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date, ISO `yyyy-mm-dd`, written in quotes in the frontmatter (`date: "2020-08-19"`).
 * An unquoted date is refused: YAML turns it into a timestamp and silently moves an impossible
 * one (`2020-19-08`) to another day, so the mistake could not be caught afterwards.
 */
export const isoDateSchema = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? 'write the date in quotes, e.g. "2020-08-19" (unquoted, YAML silently moves an impossible date to another day)'
        : 'a date is required, written "yyyy-mm-dd"',
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written yyyy-mm-dd (e.g. 2020-08-19)')
  .refine(isCalendarDate, 'not a real calendar date');

/** Who issues letters, from the top down; drives the "issuing level" filter. */
export const directiveLevels = ['central', 'province', 'department', 'district', 'front', 'youth-union'] as const;
export type DirectiveLevel = (typeof directiveLevels)[number];

/** Urgency marks printed on Vietnamese official letters (Decree 30/2020/NĐ-CP). */
export const urgencyMarks = ['HỎA TỐC', 'THƯỢNG KHẨN', 'KHẨN'] as const;


/** Who a target counts: everybody with a smartphone, or the staff/workers of an organisation. */
export const targetBases = ['smartphone_users', 'staff_with_smartphones', 'workers_with_smartphones'] as const;
export type TargetBasis = (typeof targetBases)[number];

const text = z.string().trim().min(1, 'must not be empty');

/** Where a figure or a target applies: the whole country, a province, or a district of one. */
export const regionRefSchema = z.discriminatedUnion('scope', [
  z.strictObject({
    /** The whole country. */
    scope: z.literal('national'),
  }),
  z.strictObject({
    /** One province. */
    scope: z.literal('province'),
    /** 2-digit GSO code of 2020 (`91` Kiên Giang). */
    province: gsoCodeSchema,
  }),
  z.strictObject({
    /** One district-level unit (city, town, district) of a province. */
    scope: z.literal('district'),
    /** 2-digit GSO code of its province (`22` Quảng Ninh). */
    province: gsoCodeSchema,
    /** 3-digit GSO code of the district (`195` Cẩm Phả). */
    district: gsoCodeSchema,
  }),
]);
export type RegionRef = z.infer<typeof regionRefSchema>;

/** A letter this letter refers to, as the letter prints it; it may or may not be in the library. */
export const citedLetterSchema = z.strictObject({
  /** Number as printed (`2841`); null when the citation gives none. */
  number: z.string().regex(/^\d+$/, 'digits only, as printed').nullable(),
  /** Symbol as printed after the number (`BTTTT-THH`). */
  symbol: text,
  /** What the citation prints between number and symbol (`/`, or `-` as in `901-CV/TĐTN-BTG`). */
  separator: z.enum(['/', '-']).default('/'),
  /** Date of the cited letter; null when the citation does not give it. */
  date: isoDateSchema.nullable(),
  /** Who issued it, in Vietnamese (`Bộ Thông tin và Truyền thông`). */
  issuer: text,
  /** The same issuer in English, for the English pages. */
  issuerEn: text,
  /** Its subject when the citation states it (`về việc ...`). */
  subject: text.optional(),
  /** Urgency mark the citation mentions (`(KHẨN) số 888-CV/...`). */
  urgency: z.enum(urgencyMarks).optional(),
  /**
   * Slug of a library letter this citation denotes although number or symbol differ as printed
   * (a misprint in the original). Only set with evidence; explained in `note`.
   */
  sameAs: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  /** Editorial note about the citation (why `sameAs` is set), in Vietnamese. */
  note: text.optional(),
  /** The same note in English; given exactly when `note` is. */
  noteEn: text.optional(),
}).refine((c) => (c.note === undefined) === (c.noteEn === undefined), {
  message: 'noteEn is given exactly when note is',
  path: ['noteEn'],
});
export type CitedLetter = z.infer<typeof citedLetterSchema>;

/** A dated task the letter sets. */
export const deadlineSchema = z.strictObject({
  /** The due date (the letter's "trước ngày ..." / "đến hết ngày ..."). */
  date: isoDateSchema,
  /** What is due and by whom, in Vietnamese, close to the letter's words. */
  task: text,
  /** The same in English. */
  taskEn: text,
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** An install target the letter sets or restates. */
export const targetSchema = z.strictObject({
  /** The rate aimed at, in percent (60 = 60%). */
  percent: z.number().gt(0).max(100),
  /** `at-least` for "tối thiểu"/"ít nhất"; `exactly` when a plain figure (100%) is demanded. */
  comparator: z.enum(['at-least', 'exactly']),
  /** Whom the rate counts. */
  basis: z.enum(targetBases),
  /** Where it applies. */
  region: regionRefSchema,
  /** By when; null when the letter gives no date. */
  deadline: isoDateSchema.nullable(),
  /** Who set the target, in Vietnamese, when not the letter's own issuer (`theo ý kiến của Bộ Thông tin và Truyền thông`). */
  setBy: text.optional(),
  /** The same in English. */
  setByEn: text.optional(),
});
export type Target = z.infer<typeof targetSchema>;

/** A figure the letter quotes. Shown with its basis, region, date and the letter as source. */
export const statisticSchema = z
  .strictObject({
  /** What was counted, when not downloads (`registered_with_phone` for "Bluezoner có điện thoại"). */
  measure: z.enum(MEASURES).optional(),
  /** The rate in percent as printed (13 = 13%); null when only a count is quoted. */
  percent: z.number().min(0).max(100).nullable(),
  /** How the letter words the rate: `about` for "khoảng 5,06%"; absent = exact as printed. */
  percentQualifier: z.enum(QUALIFIERS).optional(),
  /** The count of installs/downloads when printed (145800). */
  count: z.number().int().nonnegative().optional(),
  /** How the letter words the count: `about` for "khoảng 145.800"; absent = exact as printed. */
  countQualifier: z.enum(QUALIFIERS).optional(),
  /** The denominator when printed (190232 people, 192789 smartphones). */
  denominator: z.number().int().positive().optional(),
  /** What the rate is a share of; `not_stated` when the letter does not say. */
  basis: z.enum(RATE_BASES),
  /** Where the figure applies. */
  region: regionRefSchema,
  /** The day the figure describes ("tính đến ngày ..."). */
  date: isoDateSchema,
  /** A rank when printed: position, out of how many (null if not printed), among what. */
  rank: z
    .strictObject({
      /** Position (59 in "59/63"). */
      position: z.number().int().positive(),
      /** Out of how many (63); null when the letter does not say. */
      of: z.number().int().positive().nullable(),
      /** Ranked among the country's provinces or the province's districts. */
      among: z.enum(['provinces', 'districts']),
    })
    .optional(),
  /** Where the letter says the figure comes from, in Vietnamese (`Bộ Thông tin và Truyền thông`). */
  source: text.optional(),
  /** The same in English. */
  sourceEn: text.optional(),
})
  .refine((s) => s.percentQualifier === undefined || s.percent !== null, { message: 'a qualifier needs the value it qualifies (percent)', path: ['percentQualifier'] })
  .refine((s) => s.countQualifier === undefined || s.count !== undefined, { message: 'a qualifier needs the value it qualifies (count)', path: ['countQualifier'] });
export type Statistic = z.infer<typeof statisticSchema>;

export const directiveSchema = z
  .strictObject({
    /**
     * The permanent URL segment (`1119-ubnd-kgvx-2020`). Pinned here, not recomputed, so fixing a
     * typo in number or symbol never moves a published URL. `directiveSlug()` gives the value
     * for a new letter; the file should be named `<slug>.mdx`.
     */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase ASCII words joined by hyphens'),
    /** Number as printed (`1119`); null when the copy leaves it blank ("Số: /STTTT-..."). */
    number: z.string().regex(/^\d+$/, 'digits only, as printed').nullable(),
    /** Symbol as printed after the number (`UBND-KGVX`, `CV/TĐTN-BTG`). */
    symbol: text,
    /** What the letter prints between number and symbol: `/` (`1119/UBND-KGVX`) or `-` (Party and Youth Union letters: `901-CV/TĐTN-BTG`). */
    separator: z.enum(['/', '-']).default('/'),
    /** The issuing body as printed in the letterhead, in full words (`Ủy ban nhân dân tỉnh Kiên Giang`). */
    issuer: text,
    /** The issuing body in English. */
    issuerEn: text,
    /** The body above the issuer when the letterhead names it (`Ủy ban nhân dân tỉnh Trà Vinh`). */
    parentBody: text.optional(),
    /** Issuing level, for the filters. */
    level: z.enum(directiveLevels),
    /** Place of issue as printed (`Rạch Giá`, `Kiên Giang`). */
    place: text,
    /** Date of issue. */
    date: isoDateSchema,
    /** 2-digit GSO code (2020) of the province issued in or for. */
    province: gsoCodeSchema.refine((code) => code.length === 2, 'a province code has 2 digits'),
    /** 3-digit GSO code of the district when a district-level body issued it (`195` Cẩm Phả). */
    district: gsoCodeSchema.refine((code) => code.length === 3, 'a district code has 3 digits').optional(),
    /** Subject line as printed, starting with `V/v`. */
    subject: z.string().regex(/^V\/v /, 'the subject line starts with "V/v "'),
    /** Urgency marks printed on the letter (`HỎA TỐC`); empty when none. */
    urgency: z.array(z.enum(urgencyMarks)).default([]),
    /** The "Kính gửi" list, one line per recipient, as printed. */
    recipients: z.array(text).min(1, 'at least one recipient ("Kính gửi")'),
    /** The signature block. */
    signer: z.strictObject({
      /** Full name (`Lâm Minh Thành`). */
      name: text,
      /** Signing capacity line (`KT. CHỦ TỊCH`, `TM. BAN THƯỜNG VỤ TỈNH ĐOÀN`); null if not on the copy. */
      capacity: text.nullable(),
      /** The signer's title (`Phó Chủ tịch`); null if not on the copy. */
      title: text.nullable(),
      /** The title in English; null exactly when `title` is null. */
      titleEn: text.nullable(),
    }),
    /** Letters it cites, in the order they appear. */
    cites: z.array(citedLetterSchema).default([]),
    /** Dated tasks it sets. */
    deadlines: z.array(deadlineSchema).default([]),
    /** Install targets it sets or restates. */
    targets: z.array(targetSchema).default([]),
    /** Figures it quotes. */
    statistics: z.array(statisticSchema).default([]),
    /** English title for the English pages (the letter is summarised, not translated). */
    title_en: text,
    /** English summary: two to five sentences, what is asked of whom by when. */
    summary_en: z.string().trim().min(40, 'an English summary of at least one sentence'),
    /** Corrections made when transcribing (misread diacritics etc.), shown under the text. */
    transcriptionNotes: z.array(text).default([]),
  })
  .refine((d) => (d.signer.title === null) === (d.signer.titleEn === null), {
    message: 'titleEn is given exactly when title is',
    path: ['signer', 'titleEn'],
  })
  .refine((d) => (d.level === 'district') === (d.district !== undefined), {
    message: 'a district-level letter names its district, and only it',
    path: ['district'],
  });

export type Directive = z.infer<typeof directiveSchema>;

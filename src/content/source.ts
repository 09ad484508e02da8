import { z } from 'astro/zod';

/**
 * Where a factual claim of a guide or FAQ answer comes from (`sources:` in the frontmatter).
 * Each claim in the text points at one entry with `<Cite source="<id>" />`; the build checks
 * both directions (src/lib/guides/citations.ts) and every page prints its list (SourceList).
 */

/** An id, title or URL segment: lowercase ASCII words joined by single hyphens. */
export const kebab = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII words joined by hyphens, e.g. "khac-phuc-loi"');

/** True for a real calendar day, month or year written yyyy, yyyy-mm or yyyy-mm-dd. */
export function isRealPartialDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = new Date(Date.UTC(Number(year), m - 1, Number(day)));
  return d.getUTCMonth() === m - 1 && d.getUTCDate() === Number(day);
}

/** YAML reads an unquoted 2020-08-21 as a Date; keep the plain calendar day either way. */
export const calendarDay = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date(),
);

/** A publication date as precise as the source gives it: "2020", "2020-08" or "2020-08-11". */
const partialDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isRealPartialDate, 'use a real date written yyyy, yyyy-mm or yyyy-mm-dd'),
);

/** Only web addresses: a `javascript:` or `data:` URL in a source list would be a script on the page. */
const sourceUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'use a full http(s) address, e.g. "https://example.gov.vn/page"');

export const sourceSchema = z.strictObject({
  /** Referred to by `<Cite source="…" />`; one id means one source across the whole site. */
  id: kebab,
  /** Title as the source prints it (an article's headline, a letter's number and subject, a file's path). */
  title: z.string().trim().min(3).max(300),
  /** Who published it: newspaper, ministry, repository owner. */
  publisher: z.string().trim().min(2).max(160),
  /** Publication date, as precise as known; leave it out when the source gives none. */
  date: partialDate.optional(),
  /** Where to read it; leave it out when there is no public address (a letter of the library: link its page in the text). */
  url: sourceUrl.optional(),
});

export type Source = z.infer<typeof sourceSchema>;

/** The `sources` field: ids unique within the file. Empty when the page makes no claim that needs one. */
export const sourcesField = z
  .array(sourceSchema)
  .default([])
  .superRefine((sources, ctx) => {
    const seen = new Set<string>();
    sources.forEach((source, index) => {
      if (seen.has(source.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `id "${source.id}" is listed twice` });
      seen.add(source.id);
    });
  });

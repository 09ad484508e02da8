import { z } from 'astro/zod';

/**
 * A national install target named in an official statement or relayed by the press
 * (`content/targets/<slug>.json`), e.g. "50 million downloads". Targets set in letters live in
 * the letters' frontmatter (`directives`); these are the ones no letter in the library sets.
 * Charts mark them on the national download series; each cites the page it was read in.
 */
export const statementTargetSchema = z.strictObject({
  /** The goal as a number of installs (50000000 for "50 triệu"). */
  installs: z.number().int().positive(),
  /** What the statement calls it, in Vietnamese, close to its words ("tối thiểu 30 triệu lượt tải"). */
  label: z.string().trim().min(3).max(120),
  /** The same in English. */
  labelEn: z.string().trim().min(3).max(120),
  /** The day it was stated or published (ISO yyyy-mm-dd): the target line starts there. */
  stated: z.iso.date(),
  /** By when, if the statement gives a date. */
  deadline: z.iso.date().nullable(),
  /** The page it was read in. */
  source: z.strictObject({
    /** Publisher as readers know it. */
    name: z.string().trim().min(2).max(120),
    /** Article title. */
    title: z.string().trim().min(2).max(300),
    /** Address of the page read. */
    url: z.url({ protocol: /^https?$/ }),
  }),
});

export type StatementTarget = z.infer<typeof statementTargetSchema>;

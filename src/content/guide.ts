import { z } from 'astro/zod';
import { calendarDay, kebab, sourcesField } from './source.ts';

/**
 * A how-to guide page (`content/guides/{vi,en}/<key>.mdx`). The same file name in both language
 * folders makes a pair; each file names its own URL segment because slugs are translated.
 * Steps live in the MDX body as `<Step image="…" alt="…">`; the image name is checked at build.
 */
export const guideSchema = z.strictObject({
  /**
   * Page title as shown in the guide index and the browser tab. At most 40 characters: with the
   * site name appended the tab title stays under 70, which search results and phones show whole.
   */
  title: z.string().min(3).max(40),
  /** One plain sentence: what the reader will be able to do after this page (index card, meta). */
  description: z.string().min(10).max(200),
  /** URL segment under the guide root, e.g. `khac-phuc-loi` or `troubleshooting`; never change it once published (add a redirect instead). */
  slug: kebab,
  /** Position in the guide index (1 = first). */
  order: z.number().int().positive(),
  /**
   * The app and period the steps describe, shown under the title ("Hướng dẫn này mô tả Bluezone
   * (18/4/2020–30/9/2021)"), so a reader years later knows the screens may have changed.
   */
  describes: z
    .strictObject({
      /** App name, with the version where it is known: "Bluezone", "Bluezone 1.0.4". */
      app: z.string().trim().min(3).max(60),
      /** First day the description holds (ISO `yyyy-mm-dd`). */
      from: calendarDay,
      /** Last day it holds. */
      to: calendarDay,
    })
    .refine((period) => period.from <= period.to, { message: 'from must not be after to', path: ['to'] }),
  /** Day the listed sources were last read again (ISO `yyyy-mm-dd`); not a claim that the app was tested that day. */
  sourcesChecked: calendarDay,
  /** Sources of the page's factual claims, each cited in the text with `<Cite source="<id>" />`. */
  sources: sourcesField,
});

export type Guide = z.infer<typeof guideSchema>;

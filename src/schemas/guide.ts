import { z } from 'astro/zod';

/** URL segments and anchors: lowercase ASCII words joined by single hyphens (see `slugify`). */
const kebab = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII words joined by hyphens, e.g. "khac-phuc-loi"');

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
  /** Day the steps were last checked against the app and the stores (ISO `yyyy-mm-dd`), shown to readers so they can judge freshness. */
  reviewed: z.preprocess(
    // YAML reads an unquoted 2020-08-21 as a Date; keep the plain calendar day either way.
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z.iso.date(),
  ),
});

export type Guide = z.infer<typeof guideSchema>;

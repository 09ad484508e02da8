import { z } from 'astro/zod';

/**
 * A how-to guide page (`content/guides/{vi,en}/<key>.mdx`). The same file name in both language
 * folders makes a pair; each file names its own URL segment because slugs are translated.
 */
export const guideSchema = z.strictObject({
  /** Page title as shown in the guide index and the browser tab. */
  title: z.string().min(3),
  /** One plain sentence: what the reader will be able to do after this page. */
  description: z.string().min(10),
  /** URL segment under the guide root, e.g. `khac-phuc-loi` or `troubleshooting`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Position in the guide index (1 = first). */
  order: z.number().int().positive(),
});

export type Guide = z.infer<typeof guideSchema>;

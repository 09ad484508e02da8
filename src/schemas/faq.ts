import { z } from 'astro/zod';

/** One question and its answer (`content/faq/{vi,en}/<key>.mdx`); same file name = same question. */
export const faqSchema = z.strictObject({
  /** The question as people ask it. */
  question: z.string().min(5),
  /** Anchor id on the FAQ page; stable, because officials link straight to an answer. */
  anchor: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Position on the FAQ page (1 = first). */
  order: z.number().int().positive(),
});

export type Faq = z.infer<typeof faqSchema>;

import { z } from 'astro/zod';
import { sourcesField } from './source.ts';

/** The FAQ page is grouped by these topics, in this order; a new topic needs its heading in i18n. */
export const faqTopics = ['privacy', 'phone', 'using', 'alert', 'help'] as const;

export type FaqTopic = (typeof faqTopics)[number];

/** One question and its answer (`content/faq/{vi,en}/<key>.mdx`); same file name = same question. */
export const faqSchema = z.strictObject({
  /** The question as people ask it, in their words ("CH Play", "bị cảnh báo"): search relies on them. */
  question: z.string().min(5).max(160),
  /** Anchor id on the FAQ page; stable, because officials link straight to an answer. Unique per language. */
  anchor: z
    .string()
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII words joined by hyphens, e.g. "bluezone-thu-thap-gi"'),
  /** Which group of the FAQ page the question sits in. */
  topic: z.enum(faqTopics),
  /** Position within its topic (1 = first). */
  order: z.number().int().positive(),
  /** Sources of the answer's factual claims, each cited in the text with `<Cite source="<id>" />`. */
  sources: sourcesField,
});

export type Faq = z.infer<typeof faqSchema>;

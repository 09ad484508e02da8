import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './schemas/guide.ts';
import { faqSchema } from './schemas/faq.ts';

/**
 * Wires the folders of `content/` (data only) to the schemas of `src/schemas/` (one per concern).
 * A file that does not match its schema fails the build, naming the file and the field.
 */
const guides = defineCollection({
  loader: glob({ base: './content/guides', pattern: '**/*.mdx' }),
  schema: guideSchema,
});

const faq = defineCollection({
  loader: glob({ base: './content/faq', pattern: '**/*.mdx' }),
  schema: faqSchema,
});

export const collections = { guides, faq };

import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { guideSchema } from './schemas/guide.ts';
import { faqSchema } from './schemas/faq.ts';
import { directiveSchema } from './schemas/directive.ts';
import { snapshotSchemaWith } from './schemas/snapshot.ts';
import { statementTargetSchema } from './schemas/statement-target.ts';
import { loadRegions } from './lib/regions.ts';
import { stripControlsDeep } from './lib/escape.ts';

/**
 * Wires the folders of `content/` (data only) to the schemas of `src/schemas/` (one per concern).
 * A file that does not match its schema fails the build, naming the file and the field.
 */

/** Every string of an entry loses hidden control and bidi characters before the schema sees it (they could reorder text). */
const clean = <T extends z.ZodType>(schema: T) => z.preprocess(stripControlsDeep, schema);
const guides = defineCollection({
  // Id = path without extension (`vi/android`): the folder is the language, the file name pairs
  // translations. The default would take the frontmatter `slug`, which is translated.
  loader: glob({ base: './content/guides', pattern: '**/*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: clean(guideSchema),
});

const faq = defineCollection({
  loader: glob({ base: './content/faq', pattern: '**/*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: clean(faqSchema),
});

/** Statistics snapshots, one JSON file per source and date (append-only); codes checked against the regions reference. */
const snapshots = defineCollection({
  loader: glob({ base: './content/stats', pattern: '*.json' }),
  schema: clean(snapshotSchemaWith(loadRegions())),
});

/** Official letters: one MDX file per letter; the entry id is the frontmatter `slug`. */
const directives = defineCollection({
  loader: glob({ base: './content/directives', pattern: '*.mdx' }),
  schema: clean(directiveSchema),
});

/** National install targets named in official statements (charts mark them on the download series). */
const statementTargets = defineCollection({
  loader: glob({ base: './content/targets', pattern: '*.json' }),
  schema: clean(statementTargetSchema),
});

export const collections = { guides, faq, directives, snapshots, statementTargets };

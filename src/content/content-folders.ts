import { z } from 'astro/zod';
import { guideSchema } from './guide.ts';
import { faqSchema } from './faq.ts';
import { directiveSchema } from './directive.ts';
import { snapshotSchemaWith } from './snapshot.ts';
import { statementTargetSchema } from './statement-target.ts';
import { loadRegions } from './regions.ts';
import { stripControlsDeep } from '../lib/core/escape.ts';

/**
 * Every folder of `content/` with its files and its schema: the build's collections
 * (`src/content.config.ts`) and `npm run check-data` (`scripts/check-data.ts`) read this one
 * table, so a file passes the check exactly when it passes the build.
 */

/** Every string of an entry loses hidden control and bidi characters before the schema sees it (they could reorder text). */
const clean = <T extends z.ZodType>(schema: T) => z.preprocess(stripControlsDeep, schema);

export const contentFolders = {
  guides: { base: './content/guides', pattern: '**/*.mdx', schema: clean(guideSchema) },
  faq: { base: './content/faq', pattern: '**/*.mdx', schema: clean(faqSchema) },
  /** Statistics snapshots, one JSON file per source and date (append-only); codes checked against the regions reference. */
  snapshots: { base: './content/stats', pattern: '*.json', schema: clean(snapshotSchemaWith(loadRegions())) },
  /** Official letters: one MDX file per letter; the entry id is the frontmatter `slug`. */
  directives: { base: './content/directives', pattern: '*.mdx', schema: clean(directiveSchema) },
  /** National install targets named in official statements (charts mark them on the download series). */
  statementTargets: { base: './content/targets', pattern: '*.json', schema: clean(statementTargetSchema) },
} as const;

/**
 * One line per problem of a checked file, `content/stats/<file>.json, rows.0.rateBasis: what is
 * wrong`: the same lines from the build and from `npm run check-data`.
 */
export function schemaProblemLines(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}, ${issue.path.join('.') || '(file)'}: ${issue.message}`);
}

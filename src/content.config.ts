import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentFolders as folders } from './content/content-folders.ts';
import { letterLoader } from './content/letter-loader.ts';
import { snapshotLoader, storedSnapshotSchema } from './content/snapshot-loader.ts';

/**
 * Wires the folders of `content/` (data only) to the schemas of `src/content/` (one per concern,
 * the table in `content-folders.ts`). A file that does not match its schema fails the build,
 * naming the file and the field.
 */

/**
 * Guides and FAQ: id = path without extension (`vi/android`): the folder is the language, the
 * file name pairs translations. The default would take the frontmatter `slug`, which is translated.
 */
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');
/** The glob options of a folder (its schema goes to the collection, not the loader). */
const files = ({ base, pattern }: { base: string; pattern: string }) => ({ base, pattern });

export const collections = {
  guides: defineCollection({ loader: glob({ ...files(folders.guides), generateId: byPath }), schema: folders.guides.schema }),
  faq: defineCollection({ loader: glob({ ...files(folders.faq), generateId: byPath }), schema: folders.faq.schema }),
  // Letters: their bodies become HTML as they are read (no module per letter to bundle).
  directives: defineCollection({ loader: letterLoader(files(folders.directives)), schema: folders.directives.schema }),
  // Snapshots: checked as they are read; the store keeps their dates, the build reads the figures from the files.
  snapshots: defineCollection({ loader: snapshotLoader(), schema: storedSnapshotSchema }),
  statementTargets: defineCollection({ loader: glob(files(folders.statementTargets)), schema: folders.statementTargets.schema }),
};

import { getCollection, type CollectionEntry } from 'astro:content';
import { libraryProblems, sortNewestFirst } from '../../lib/directives.ts';

/** A letter as the content layer gives it (frontmatter in `data`, body renderable). */
export type DirectiveCollectionEntry = CollectionEntry<'directives'>;

/**
 * All letters, newest first, after the library-wide checks (unique slugs, file named after its
 * slug, `sameAs` targets exist). Throws with every problem listed, each naming its file, so a
 * bad letter fails the build instead of publishing a broken page.
 */
export async function loadDirectives(): Promise<DirectiveCollectionEntry[]> {
  const entries = await getCollection('directives');
  const problems = libraryProblems(entries, (entry) => (entry as DirectiveCollectionEntry).filePath);
  if (problems.length > 0) throw new Error(`Directives library:\n${problems.join('\n')}`);
  return sortNewestFirst(entries);
}

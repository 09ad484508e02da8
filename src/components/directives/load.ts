import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCitationGraph, libraryProblems, sortNewestFirst } from '../../lib/directives/library.ts';

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

/** `getStaticPaths` of the letter pages, shared by the vi and en routes. */
export async function documentPagePaths() {
  const entries = await loadDirectives();
  const graph = buildCitationGraph(entries);
  return entries.map((entry) => ({ params: { slug: entry.data.slug }, props: { entry, graph } }));
}

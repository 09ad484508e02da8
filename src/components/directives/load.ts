import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCitationGraph, libraryProblems, sortNewestFirst, type CitationGraph } from '../../lib/directives/library.ts';
import { pageCacheKey } from '../site/page-key.ts';

/** A letter as the content layer gives it (frontmatter in `data`, body renderable). */
export type DirectiveCollectionEntry = CollectionEntry<'directives'>;

/**
 * All letters, newest first, after the library-wide checks (unique slugs, file named after its
 * slug, `sameAs` targets exist). Throws with every problem listed, each naming its file, so a
 * bad letter fails the build instead of publishing a broken page.
 */
export async function loadDirectives(): Promise<readonly DirectiveCollectionEntry[]> {
  const entries = await getCollection('directives');
  // Every list, filter, place and radio route asks for the library: it is checked and sorted
  // once per content (each letter's id and digest), not once per route (0,7 s at 1.000 letters).
  const key = entries.map((entry) => `${entry.id}\0${entry.digest ?? ''}`).join('\n');
  if (checked?.key === key) return checked.entries;
  const problems = libraryProblems(entries, (entry) => (entry as DirectiveCollectionEntry).filePath);
  if (problems.length > 0) throw new Error(`Directives library:\n${problems.join('\n')}`);
  checked = { key, entries: Object.freeze(sortNewestFirst(entries)) };
  return checked.entries;
}
let checked: { key: string; entries: readonly DirectiveCollectionEntry[] } | undefined;

/**
 * What a letter's page is made of besides code: the letter as the schema read it (not the file's
 * digest: a change to the schema changes the data, not the file), its text as the page prints it
 * (the HTML its loader made: a new renderer changes it, the file does not), the letters it cites
 * and that cite it (in the order shown, or the citation as written when it is not in the library),
 * the province names and the build's day in the footer. An incremental build makes the page again
 * only when this changes (Astro tracks the page's code).
 */
function letterPageKey(entry: DirectiveCollectionEntry, graph: CitationGraph): string {
  const slug = entry.data.slug;
  const cites = graph.cites(slug).map(({ cited, target }) => target?.data ?? cited);
  const citedBy = graph.citedBy(slug).map((citing) => citing.data);
  return pageCacheKey('letter-page', [entry.data, entry.rendered?.html, cites, citedBy]);
}

/**
 * What every list, filter and timeline page is made of besides code: the whole library as the
 * schema read it, the province names and the build's day. New figures leave it unchanged, so an
 * incremental build copies those pages; any letter changed, added or removed makes them all again.
 */
export async function libraryPagesKey(): Promise<string> {
  const entries = await loadDirectives();
  if (libraryKey?.entries !== entries) libraryKey = { entries, key: pageCacheKey('letter-lists', [entries.map((entry) => [entry.id, entry.data])]) };
  return libraryKey.key;
}
let libraryKey: { entries: readonly DirectiveCollectionEntry[]; key: string } | undefined;

/** `getStaticPaths` of the letter pages, shared by the vi and en routes. */
export async function documentPagePaths() {
  const entries = await loadDirectives();
  const graph = buildCitationGraph(entries);
  return entries.map((entry) => ({ params: { slug: entry.data.slug }, props: { entry, graph }, cacheKey: letterPageKey(entry, graph) }));
}

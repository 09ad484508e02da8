/**
 * The search index in parts. Pagefind holds every word of the pages it indexes in memory
 * (≈ 360 kB for an 850-word letter, measured), so a national site (10.000 letters, 22.188
 * searchable pages) needed 5,1 GB in one index, beside Astro's own 3 GB. The build indexes the
 * pages in parts of at most `pagesPerPart` pages of each language, one part after the other, each
 * in a fresh Pagefind process (≈ 0,5 GB at 1.000 pages a language), and the browser searches
 * them as one (Pagefind's `mergeIndex`, which reuses the first part's WebAssembly). Parts cost the
 * reader: at 10.000 letters the first query downloads 435 kB from 12 parts against 344 kB from
 * one index (before the list below replaced the filter files). A city's site has one part: it
 * downloads what one index costs, plus the list (340 bytes for this site).
 *
 * Part 1 is `/pagefind/` itself (its script, WebAssembly and index); part n > 1 is
 * `/pagefind/part-n/` (index files only). `search.json` in part 1 gives, per language, the
 * further parts and the provinces its pages are filed under (the province filter's choices), so
 * the search page lists them without Pagefind's filter files (48 kB gzipped from 12 parts at
 * 10.000 letters): `{"vi":{"parts":["part-2/"],"provinces":["Cà Mau"]},"en":{…}}`.
 */
export const pagesPerPart = 1000;

/** Name of the search page's list, in `/pagefind/`. */
export const searchListFile = 'search.json';

/** Folder of part `n` (from 1) inside `/pagefind/`: `''` for the first, `part-n/` after. */
export function partFolder(n: number): string {
  return n === 1 ? '' : `part-${n}/`;
}

/** Per language (as Pagefind names it: `vi`, `en`): its parts after the first, and its pages' provinces in Vietnamese order. */
export type SearchList = Record<string, { parts: string[]; provinces: string[] }>;

/** One language's entry of a parsed `search.json`, or nothing if it is not an object. */
function languageEntry(list: unknown, language: string): Record<string, unknown> {
  const entry = typeof list === 'object' && list !== null ? (list as Record<string, unknown>)[language] : undefined;
  return typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The parts of one language from a parsed `search.json`; none if the file is not such a list (a
 * site built before it existed, or a damaged file: the first part still searches).
 */
export function furtherParts(list: unknown, language: string): string[] {
  return strings(languageEntry(list, language)['parts']).filter((folder) => /^part-\d+\/$/.test(folder));
}

/** The provinces of one language's pages from a parsed `search.json` (none if it is not such a list). */
export function searchedProvinces(list: unknown, language: string): string[] {
  return strings(languageEntry(list, language)['provinces']);
}

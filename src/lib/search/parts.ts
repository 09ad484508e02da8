/**
 * The search index in parts. Pagefind holds every word of the pages it indexes in memory
 * (≈ 360 kB for an 850-word letter, measured), so a national site (10.000 letters, 22.188
 * searchable pages) needed 5,1 GB in one index, beside Astro's own 3 GB. The build indexes the
 * pages in parts of at most `pagesPerPart` pages of each language, one part after the other, each
 * in a fresh Pagefind process (≈ 0,5 GB at 1.000 pages a language), and the browser searches
 * them as one (Pagefind's `mergeIndex`, which reuses the first part's WebAssembly). Parts cost the
 * reader: at 10.000 letters the first query downloads 435 kB from 12 parts against 344 kB from
 * one index. A city's site has one part: it downloads what it did before, plus the list of parts
 * (34 bytes).
 *
 * Part 1 is `/pagefind/` itself (its script, WebAssembly and index); part n > 1 is
 * `/pagefind/part-n/` (index files only). `parts.json` in part 1 lists, per language, the further
 * parts holding pages in it: `{"vi":["part-2/"],"en":[]}`.
 */
export const pagesPerPart = 1000;

/** Name of the list of parts, in `/pagefind/`. */
export const partsFile = 'parts.json';

/** Folder of part `n` (from 1) inside `/pagefind/`: `''` for the first, `part-n/` after. */
export function partFolder(n: number): string {
  return n === 1 ? '' : `part-${n}/`;
}

/** Per language (as Pagefind names it: `vi`, `en`), the folders of its parts after the first. */
export type SearchParts = Record<string, string[]>;

/**
 * The parts of one language from a parsed `parts.json`; none if the file is not a list of parts
 * folders (a site built before parts existed, or a damaged file: the first part still searches).
 */
export function furtherParts(parts: unknown, language: string): string[] {
  if (typeof parts !== 'object' || parts === null) return [];
  const folders = (parts as Record<string, unknown>)[language];
  return Array.isArray(folders) ? folders.filter((folder): folder is string => typeof folder === 'string' && /^part-\d+\/$/.test(folder)) : [];
}

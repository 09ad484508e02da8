import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { PagefindIndex } from 'pagefind';
import { unescape } from 'html-escaper';
import { addFoldedTwinsToHtml } from '../lib/search/fold.ts';
import { partFolder, pagesPerPart, searchListFile, type SearchList } from '../lib/search/parts.ts';
import { searchIndexRoot } from '../routing/routes.ts';
import { vietnameseCollator } from '../lib/core/slug.ts';
import { builtPages } from './built-pages.ts';

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** What `writeSearchInput` handed over: how many pages, the part folders (`1`, `2`…) of `input`, each language's provinces. */
export interface SearchInput {
  pages: number;
  parts: number;
  /** Per language, the province filter's values on its pages, each once, in Vietnamese order. */
  provinces: Record<string, string[]>;
}

/** `<html lang>` of a page as Pagefind reads it, `unknown` without one. */
function pageLanguage(html: string): string {
  return /<html\b[^>]*?\slang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase() ?? 'unknown';
}

/** The values of a page's province filter (`<meta data-pagefind-filter="province[content]" content="Cà Mau">`, written by the layout). */
function pageProvinces(html: string): string[] {
  const end = html.indexOf('</head>');
  const head = end === -1 ? html : html.slice(0, end);
  return [...head.matchAll(/<meta\b[^>]*\bdata-pagefind-filter="province\[content\]"[^>]*>/g)].flatMap(([meta]) => {
    const content = /\scontent="([^"]*)"/.exec(meta)?.[1];
    return content ? [unescape(content)] : [];
  });
}

/**
 * Copies every searchable page of `root` (its layout marked `data-pagefind-body`) into `input`,
 * as Pagefind is to read it (đ-words with folded twins), in part folders `input/1/`, `input/2/`…
 * at the same path. A language of n pages gets ⌈n / perPart⌉ parts and its pages are dealt to
 * them in turn, in path order: each part is a sample of the whole (guides, statistics, letters),
 * so Pagefind, which scores a page against its own part, scores alike in every part. Cut in
 * path order instead, a part of statistics pages ranked a radio page first for "cai dat
 * bluetooth" (the built site in parts of 30).
 */
export async function writeSearchInput(root: string, input: string, perPart = pagesPerPart): Promise<SearchInput> {
  const files = await builtPages(root);
  const staging = join(input, 'pages');
  const byLanguage = new Map<string, string[]>();
  const provincesByLanguage = new Map<string, Set<string>>();
  // A few files at a time: tens of thousands of pages must not open as many files at once.
  for (let start = 0; start < files.length; start += 32) {
    const batch = files.slice(start, start + 32);
    const htmls = await Promise.all(batch.map((file) => readFile(join(root, file), 'utf8')));
    await Promise.all(
      batch.map(async (file, i) => {
        const html = htmls[i]!;
        if (!html.includes('data-pagefind-body')) return;
        // Listed before the first await, so in path order.
        const language = pageLanguage(html);
        const listed = byLanguage.get(language) ?? [];
        listed.push(file);
        byLanguage.set(language, listed);
        const provinces = provincesByLanguage.get(language) ?? new Set<string>();
        for (const name of pageProvinces(html)) provinces.add(name);
        provincesByLanguage.set(language, provinces);
        await mkdir(dirname(join(staging, file)), { recursive: true });
        await writeFile(join(staging, file), addFoldedTwinsToHtml(html));
      }),
    );
  }
  let pages = 0;
  let parts = 0;
  for (const languageFiles of byLanguage.values()) {
    const count = Math.ceil(languageFiles.length / perPart);
    parts = Math.max(parts, count);
    for (const [k, file] of languageFiles.entries()) {
      const target = join(input, String((k % count) + 1), file);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, file), target);
      pages += 1;
    }
  }
  await rm(staging, { recursive: true, force: true });
  const provinces = Object.fromEntries([...provincesByLanguage].map(([language, names]) => [language, [...names].sort(vietnameseCollator.compare)]));
  return { pages, parts, provinces };
}

/**
 * A Pagefind index of the pages in `input` (as `writeSearchInput` left them). Pagefind reads
 * the folder itself, on every core, and the same pages make the same index, file for file
 * (tests/integration/search-input.test.ts); adding them one by one through the API took 4,5
 * times as long at 1.000 letters (13,9 s against 3,1 s).
 */
export async function indexFolder(pagefind: typeof import('pagefind'), input: string): Promise<PagefindIndex> {
  // Inside main, navigation (breadcrumbs, contents, previous/next), code to copy and
  // chart drawings (axis labels; the table beside them carries the numbers) are not content.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['nav', 'textarea', 'svg'] });
  failOn('createIndex', errors);
  if (!index) throw new Error('Pagefind createIndex returned no index');
  const added = await index.addDirectory({ path: input });
  failOn('indexing', added.errors);
  return index;
}

/** Files of a Pagefind output that only the first part needs (the script, styles and WebAssembly). */
const firstPartOnly = /^(pagefind([-.][\w.-]*)?\.(js|css)|wasm\.[\w-]+\.pagefind)$/;

/** What `writeSearchIndex` wrote: pages, parts and pages per language (as Pagefind counted them). */
export interface SearchIndexSummary {
  pages: number;
  parts: number;
  perLanguage: Record<string, number>;
}

/**
 * Indexes the built pages in `root` into `output` (the site's `/pagefind/`), in parts of at most
 * `perPart` pages of each language (see `lib/search/parts.ts`), one part after the other, each by
 * a fresh Pagefind process so that no part's memory outlives it; writes `search.json`.
 */
export async function writeSearchIndex(root: string, output: string, perPart = pagesPerPart): Promise<SearchIndexSummary> {
  const pagefind = await import('pagefind');
  const input = await mkdtemp(join(tmpdir(), 'bluezone-search-'));
  try {
    const { pages, parts, provinces } = await writeSearchInput(root, input, perPart);
    if (pages === 0) throw new Error('Pagefind: no page has data-pagefind-body; nothing to search');
    const perLanguage: Record<string, number> = {};
    const list: SearchList = {};
    for (let part = 1; part <= parts; part++) {
      const folder = join(output, partFolder(part));
      const index = await indexFolder(pagefind, join(input, String(part)));
      failOn('writeFiles', (await index.writeFiles({ outputPath: folder })).errors);
      await pagefind.close();
      const entry = JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      for (const [language, { page_count }] of Object.entries(entry.languages)) {
        perLanguage[language] = (perLanguage[language] ?? 0) + page_count;
        list[language] ??= { parts: [], provinces: provinces[language] ?? [] };
        if (part > 1) list[language].parts.push(partFolder(part));
      }
      if (part > 1) {
        for (const name of await readdir(folder)) if (firstPartOnly.test(name)) await rm(join(folder, name));
      }
    }
    await writeFile(join(output, searchListFile), JSON.stringify(list));
    return { pages, parts, perLanguage };
  } finally {
    await pagefind.close();
    await rm(input, { recursive: true, force: true });
  }
}

/** Indexes the built pages in `root` and writes `root/pagefind/`. */
async function indexSite(root: string, logger: AstroIntegrationLogger): Promise<void> {
  const { pages, parts, perLanguage } = await writeSearchIndex(root, join(root, searchIndexRoot));
  const languages = Object.entries(perLanguage)
    .map(([language, count]) => `${language} ${count}`)
    .join(', ');
  logger.info(`Pagefind indexed ${pages} pages (${languages}) in ${parts} part${parts === 1 ? '' : 's'}`);
}

/**
 * Indexes the built site with Pagefind's Node API after every build, so the search covers
 * whatever pages exist (new content is picked up with no change here). Only pages whose layout
 * marked `<main data-pagefind-body>` are indexed (no menus, footers, redirect stubs, embeds,
 * the search page itself). Pagefind writes one index per `<html lang>` (vi, en).
 * Each page is handed over with folded twins of its đ-words (see `lib/search/fold.ts`); the
 * published HTML is not changed. Any Pagefind error fails the build; the service is always closed.
 */
export function pagefindIndex(): AstroIntegration {
  let indexing: Promise<void> | undefined;
  return {
    name: 'bluezone:pagefind',
    hooks: {
      // Every page is written by now (later hooks add cards, feeds and headers, never HTML):
      // indexing starts here and runs beside the Open Graph cards, on the other core.
      'astro:build:generated': ({ dir, logger }) => {
        indexing = indexSite(fileURLToPath(dir), logger);
        // Its failure is reported where it is awaited, not as an unhandled rejection before.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await (indexing ?? indexSite(fileURLToPath(dir), logger));
      },
    },
  };
}

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { PagefindIndex } from 'pagefind';
import { addFoldedTwinsToHtml } from '../lib/search/fold.ts';
import { builtPages } from './built-pages.ts';

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Copies every searchable page of `root` (its layout marked `data-pagefind-body`) into `input`,
 * at the same path, as Pagefind is to read it: đ-words with folded twins.
 * Returns how many pages were copied.
 */
export async function writeSearchInput(root: string, input: string): Promise<number> {
  const files = await builtPages(root);
  let pages = 0;
  // A few files at a time: tens of thousands of pages must not open as many files at once.
  for (let start = 0; start < files.length; start += 32) {
    await Promise.all(
      files.slice(start, start + 32).map(async (file) => {
        const html = await readFile(join(root, file), 'utf8');
        if (!html.includes('data-pagefind-body')) return;
        await mkdir(dirname(join(input, file)), { recursive: true });
        await writeFile(join(input, file), addFoldedTwinsToHtml(html));
        pages += 1;
      }),
    );
  }
  return pages;
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

/** Indexes the built pages in `root` and writes `root/pagefind/`. */
async function indexSite(root: string, logger: AstroIntegrationLogger): Promise<void> {
  const pagefind = await import('pagefind');
  const input = await mkdtemp(join(tmpdir(), 'bluezone-search-'));
  try {
    const pages = await writeSearchInput(root, input);
    if (pages === 0) throw new Error('Pagefind: no page has data-pagefind-body; nothing to search');
    const index = await indexFolder(pagefind, input);
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    failOn('writeFiles', written.errors);
    const entry = JSON.parse(await readFile(join(root, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const perLanguage = Object.entries(entry.languages)
      .map(([lang, { page_count }]) => `${lang} ${page_count}`)
      .join(', ');
    logger.info(`Pagefind indexed ${pages} pages (${perLanguage})`);
  } finally {
    await pagefind.close();
    await rm(input, { recursive: true, force: true });
  }
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

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { addFoldedTwinsToHtml } from '../lib/search/fold.ts';

/**
 * Every `.html` file under `dir`, as paths relative to it with `/` separators. Folders named with
 * a dot are skipped: Astro's own working folder (`.prerender/`) is still being deleted while the
 * index is built.
 */
async function htmlFiles(dir: string): Promise<string[]> {
  const top = (await readdir(dir, { withFileTypes: true })).filter((entry) => !entry.name.startsWith('.'));
  const nested = await Promise.all(top.filter((entry) => entry.isDirectory()).map((entry) => readdir(join(dir, entry.name), { recursive: true, withFileTypes: true })));
  return [...top, ...nested.flat()]
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The public URL Pagefind returns for a built file: `huong-dan/index.html` → `/huong-dan/`. */
export function pageUrl(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * A page without its scripts: Pagefind never indexes them, and a chart's inline data (its spec
 * for the live chart) is most of a statistics page's bytes, each sent to Pagefind's process and
 * scanned for đ-words. A `<script>` cannot contain `</script>` (its JSON escapes `</`).
 */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
}

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Indexes the built pages in `root` and writes `root/pagefind/`. */
async function indexSite(root: string, logger: AstroIntegrationLogger): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    // Inside main, navigation (breadcrumbs, contents, previous/next), code to copy and
    // chart drawings (axis labels; the table beside them carries the numbers) are not content.
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['nav', 'textarea', 'svg'] });
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Pages are added one at a time, in path order (concurrent adds number the pages in
    // whatever order they finish: a different index each build); the next page is read
    // and prepared while Pagefind's process indexes this one.
    const prepare = (file: string) => {
      const page = readFile(join(root, file), 'utf8').then((html) =>
        html.includes('data-pagefind-body') ? { url: pageUrl(file), content: addFoldedTwinsToHtml(withoutScripts(html)) } : undefined,
      );
      // A failed read surfaces when this page's turn comes, not as an unhandled rejection before.
      page.catch(() => undefined);
      return page;
    };
    const files = await htmlFiles(root);
    let pages = 0;
    let next = files[0] === undefined ? undefined : prepare(files[0]);
    for (const [i, file] of files.entries()) {
      const page = await next;
      next = files[i + 1] === undefined ? undefined : prepare(files[i + 1]!);
      if (!page) continue;
      const added = await index.addHTMLFile(page);
      failOn(`indexing ${file}`, added.errors);
      pages += 1;
    }
    if (pages === 0) throw new Error('Pagefind: no page has data-pagefind-body; nothing to search');
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

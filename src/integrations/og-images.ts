import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { drawPng } from '../lib/charts/publish/draw-pool.ts';
import { cachedRender } from '../lib/images/render-cache.ts';
import { publicHost } from '../routing/routes.ts';
import { builtPages } from './built-pages.ts';

/**
 * The `<meta property="…" content="…">` pairs of a built page's head, read with an HTML parser:
 * a title may hold any character (`>` is legal in an attribute), so no pattern over the text.
 * Only the head is parsed (a statistics page's body is hundreds of kilobytes): Astro escapes `<`
 * in attributes and text, so the first `</head>` of a built page is the end of its head.
 */
export function metaProperties(html: string): Record<string, string> {
  type Element = DefaultTreeAdapterMap['element'];
  const end = html.indexOf('</head>');
  const document = parse(end === -1 ? html : html.slice(0, end)).childNodes.find((node) => node.nodeName === 'html') as Element | undefined;
  const head = document?.childNodes.find((node) => node.nodeName === 'head') as Element | undefined;
  const found: Record<string, string> = {};
  for (const node of head?.childNodes ?? []) {
    if (node.nodeName !== 'meta') continue;
    const attrs = Object.fromEntries((node as Element).attrs.map((a) => [a.name, a.value]));
    if (attrs.property !== undefined && attrs.content !== undefined) found[attrs.property] = attrs.content;
  }
  return found;
}

/**
 * Draws the Open Graph card of every built page that announces one (`og:image` under `/og/`,
 * set by the base layout), from that page's own `og:title`: a page added later gets its card
 * with no change here. Runs after the build, before Pagefind sees nothing new (cards are PNGs).
 */
export function ogImages(site: string): AstroIntegration {
  return {
    name: 'bluezone:og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // A placeholder address (no SITE_URL) is never printed on a card.
        const host = publicHost(site) ?? '';
        const queue = await builtPages(root);
        let count = 0;
        const folders = new Set<string>();
        // The page is read and the card written with synchronous calls: small files in the page
        // cache, and at 22.000 cards the promise API's file handles were 1 ms of each card's 9 on
        // this thread, which also feeds the workers.
        const card = async (file: string) => {
          const { 'og:image': image, 'og:title': title, 'og:site_name': siteName } = metaProperties(readFileSync(join(root, file), 'utf8'));
          if (!image) return;
          const path = new URL(image).pathname;
          if (!path.startsWith('/og/')) return;
          if (!title || !siteName) throw new Error(`${file}: og:image without og:title or og:site_name`);
          const target = join(root, path);
          const png = await cachedRender('og-card', [title, siteName, host], () => drawPng({ kind: 'og-card', card: { title, siteName, host } }));
          if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
          folders.add(dirname(target));
          writeFileSync(target, png);
          count += 1;
        };
        // Cards are drawn in the worker pool (thousands of letters mean thousands of cards); twice
        // as many lanes as cores keep it busy while this thread reads the pages.
        await Promise.all(Array.from({ length: 2 * availableParallelism() }, async () => {
          for (let file = queue.shift(); file !== undefined; file = queue.shift()) await card(file);
        }));
        logger.info(`${count} Open Graph cards drawn`);
      },
    },
  };
}

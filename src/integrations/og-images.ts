import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, constants, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { drawPng } from '../lib/charts/publish/draw-pool.ts';
import { ogCardCacheInput, receiveOgCardsAhead, type OgCardAhead } from '../lib/images/og-ahead.ts';
import type { OgCard } from '../lib/images/og.ts';
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
 * Cards drawn ahead while the pages are made (the layout hands them over: src/lib/images/og-ahead.ts),
 * by a separate process at the lowest CPU priority: it takes only the time the build leaves idle
 * (at 10.000 letters the letters' pages, which draw nothing, leave a core idle for a minute). In
 * the build's own worker pool the same cards took that core from the pages instead: 26 s more
 * pages for 24 s fewer cards. A card drawn ahead goes to the render cache only; the card pass
 * below still reads every built page, and draws again (and reports) any card that failed.
 */
function cardsAhead(host: string) {
  // --expose-gc: it collects its garbage every few cards, to keep its memory beside the build's small.
  const child = spawn(process.execPath, ['--expose-gc', join(process.cwd(), 'src/lib/images/og-ahead-process.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    setPriority(child.pid ?? 0, constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted here: it draws at normal priority, still beside the pages.
  }
  const exited = once(child, 'exit').catch(() => undefined);
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  // A process that failed to start or died early leaves every card to the card pass.
  child.stdin.on('error', () => undefined);
  const seen = new Set<string>();
  // Cards go to the process in batches: one pipe write per page was ~40 µs of each letter page's
  // ~1,3 ms on the thread that renders the pages.
  let batch: string[] = [];
  let flushing: NodeJS.Timeout | undefined;
  const flush = () => {
    flushing = undefined;
    if (child.exitCode === null) child.stdin.write(`${batch.join('\n')}\n`);
    batch = [];
  };
  return {
    add(card: OgCardAhead): void {
      const line = JSON.stringify({ ...card, host } satisfies OgCard);
      if (seen.has(line) || child.exitCode !== null) return;
      seen.add(line);
      batch.push(line);
      flushing ??= setTimeout(flush, 20);
    },
    /** Stops drawing ahead; resolves, once the card being drawn is done, to how many were. */
    async stop(): Promise<number> {
      // Cards still waiting are left to the card pass.
      clearTimeout(flushing);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      return Number.parseInt(printed, 10) || 0;
    },
  };
}

/**
 * Draws the Open Graph card of every built page that announces one (`og:image` under `/og/`,
 * set by the base layout), from that page's own `og:title`: a page added later gets its card
 * with no change here. Runs after the build, beside Pagefind (cards are PNGs, never indexed);
 * most cards are already in the render cache by then, drawn ahead while the pages were made.
 */
export function ogImages(site: string): AstroIntegration {
  // A placeholder address (no SITE_URL) is never printed on a card.
  const host = publicHost(site) ?? '';
  let ahead: ReturnType<typeof cardsAhead> | undefined;
  return {
    name: 'bluezone:og-images',
    hooks: {
      'astro:build:start': () => {
        ahead = cardsAhead(host);
        receiveOgCardsAhead((card) => ahead?.add(card));
      },
      'astro:build:done': async ({ dir, logger }) => {
        receiveOgCardsAhead(undefined);
        const drawnAhead = (await ahead?.stop()) ?? 0;
        const root = fileURLToPath(dir);
        const queue = await builtPages(root);
        let count = 0;
        // The page is read and the card written with synchronous calls: small files in the page
        // cache, and at 22.000 cards the promise API's file handles were 1 ms of each card's 9 on
        // this thread, which also feeds the workers.
        const writeCard = async (file: string) => {
          const { 'og:image': image, 'og:title': title, 'og:site_name': siteName } = metaProperties(readFileSync(join(root, file), 'utf8'));
          if (!image) return;
          const path = new URL(image).pathname;
          if (!path.startsWith('/og/')) return;
          if (!title || !siteName) throw new Error(`${file}: og:image without og:title or og:site_name`);
          const target = join(root, path);
          const card = { title, siteName, host };
          const png = await cachedRender('og-card', ogCardCacheInput(card), () => drawPng({ kind: 'og-card', card }));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, png);
          count += 1;
        };
        // Cards are drawn in the worker pool (thousands of letters mean thousands of cards); twice
        // as many lanes as cores keep it busy while this thread reads the pages.
        await Promise.all(Array.from({ length: 2 * availableParallelism() }, async () => {
          for (let file = queue.shift(); file !== undefined; file = queue.shift()) await writeCard(file);
        }));
        logger.info(`${count} Open Graph cards written, ${drawnAhead} of them drawn ahead while the pages were made`);
      },
    },
  };
}

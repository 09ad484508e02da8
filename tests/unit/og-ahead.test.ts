import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ogImages } from '../../src/integrations/og-images.ts';
import { drawOgCardAhead } from '../../src/lib/images/og-ahead.ts';
import { renderOgCard } from '../../src/lib/images/og.ts';
import { isRendered } from '../../src/lib/images/render-cache.ts';

const site = 'https://bluezone.camau.gov.vn';
const host = 'bluezone.camau.gov.vn';
const letter = { title: 'Công văn 5355/UBND-KGVX: đôn đốc cài đặt Bluezone (lần 2)', siteName: 'Bluezone – Cổng thông tin' };
const guide = { title: 'Cài đặt trên iPhone', siteName: 'Bluezone – Cổng thông tin' };

/** A built page announcing its card as the base layout does. */
function page(root: string, path: string, card: { title: string; siteName: string }): void {
  mkdirSync(join(root, path), { recursive: true });
  const head = `<meta property="og:site_name" content="${card.siteName}"><meta property="og:title" content="${card.title}"><meta property="og:image" content="${site}/og${path}card.png">`;
  writeFileSync(join(root, path, 'index.html'), `<!doctype html><html lang="vi"><head>${head}</head><body></body></html>`);
}

describe('Open Graph cards drawn ahead while the pages are made', () => {
  let root = '';
  let cache = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'og-ahead-dist-'));
    cache = mkdtempSync(join(tmpdir(), 'og-ahead-cache-'));
    process.env.RENDER_CACHE_DIR = cache;
    page(root, '/van-ban/5355-ubnd-kgvx-2020/', letter);
    page(root, '/en/guide/iphone/', guide);
  });
  afterEach(() => {
    delete process.env.RENDER_CACHE_DIR;
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  /** Runs the integration's two hooks around `during` (the pages being made); returns its log. */
  async function build(during: () => Promise<void> | void): Promise<string[]> {
    const hooks = ogImages(site).hooks as Record<string, (options: object) => Promise<void> | void>;
    const log: string[] = [];
    const logger = { info: (line: string) => log.push(line) };
    await hooks['astro:build:start']!({ logger });
    await during();
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${root}/`), logger });
    return log;
  }

  const pixels = (png: Uint8Array) => sharp(png).raw().toBuffer();

  it('writes the card the page announced, drawn once, ahead, by the process beside the build', async () => {
    const log = await build(async () => {
      drawOgCardAhead(letter);
      drawOgCardAhead(letter);
      // The pages take a while: the card is in the render cache before they are done.
      for (let waited = 0; !isRendered('og-card', [letter.title, letter.siteName, host]) && waited < 20_000; waited += 50) await sleep(50);
    });
    expect(log).toEqual(['2 Open Graph cards written, 1 of them drawn ahead while the pages were made']);
    // Under the key the card pass reads: two cards, two renders (a card drawn ahead under another key would be a third).
    expect(readdirSync(cache)).toHaveLength(2);
    const written = readFileSync(join(root, 'og/van-ban/5355-ubnd-kgvx-2020/card.png'));
    expect((await pixels(written)).equals(await pixels(await renderOgCard({ ...letter, host })))).toBe(true);
    // The page whose card was not handed over still gets its own, from its built page.
    const other = readFileSync(join(root, 'og/en/guide/iphone/card.png'));
    expect((await pixels(other)).equals(await pixels(await renderOgCard({ ...guide, host })))).toBe(true);
  });

  it('draws nothing ahead outside a build, and the card pass still writes every card', async () => {
    // No build running (astro dev, a test): no one receives it.
    drawOgCardAhead(guide);
    const log = await build(() => undefined);
    expect(log).toEqual(['2 Open Graph cards written, 0 of them drawn ahead while the pages were made']);
    expect(readdirSync(root, { recursive: true }).map(String).filter((file) => file.endsWith('card.png')).sort()).toEqual(['og/en/guide/iphone/card.png', 'og/van-ban/5355-ubnd-kgvx-2020/card.png']);
  });
});

describe('the process drawing cards ahead', () => {
  it('stops when its build is gone (its input ends) instead of drawing what is queued for no one', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'og-ahead-orphan-'));
    try {
      const child = spawn(process.execPath, ['src/lib/images/og-ahead-process.ts'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, RENDER_CACHE_DIR: cache } });
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const queued = 300;
      for (let i = 0; i < queued; i++) child.stdin.write(`${JSON.stringify({ title: `Công văn ${i}/UBND-KGVX`, siteName: 'Bluezone', host })}\n`);
      // A failed build's process exits: the pipe closes.
      child.stdin.end();
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
      const drawn = Number.parseInt(printed, 10);
      expect(drawn).toBe(readdirSync(cache).length);
      // 300 cards take seconds; it stops after the card it was drawing when the input ended.
      expect(drawn).toBeLessThan(queued / 10);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

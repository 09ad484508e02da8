import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ogImages } from '../../src/integrations/og-images.ts';
import { drawPng } from '../../src/lib/charts/publish/draw-pool.ts';
import { drawOgCardAhead } from '../../src/lib/images/og-ahead.ts';
import { renderOgCard } from '../../src/lib/images/og.ts';

const site = 'https://bluezone.camau.gov.vn';
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

  it('writes the card the page announces, drawn once, ahead', async () => {
    const log = await build(() => drawOgCardAhead(letter));
    expect(log).toEqual(['2 Open Graph cards written, 1 of them drawn ahead while the pages were made']);
    // Under the key the card pass reads: two cards, two renders (a card drawn ahead under another key would be a third).
    expect(readdirSync(cache)).toHaveLength(2);
    const written = readFileSync(join(root, 'og/van-ban/5355-ubnd-kgvx-2020/card.png'));
    expect((await pixels(written)).equals(await pixels(await renderOgCard({ ...letter, host: 'bluezone.camau.gov.vn' })))).toBe(true);
    // The page with no card announced still gets its own, from its built page.
    const other = readFileSync(join(root, 'og/en/guide/iphone/card.png'));
    expect((await pixels(other)).equals(await pixels(await renderOgCard({ ...guide, host: 'bluezone.camau.gov.vn' })))).toBe(true);
  });

  it('draws nothing ahead while a page waits for a drawing, and nothing outside a build', async () => {
    // No build running: no receiver, nothing queued (the card pass below draws both).
    drawOgCardAhead(guide);
    const log = await build(async () => {
      const waited = drawPng({ kind: 'og-card', card: { title: 'Biểu đồ', siteName: 'Bluezone', host: '' } });
      drawOgCardAhead(letter);
      await waited;
    });
    expect(log).toEqual(['2 Open Graph cards written, 0 of them drawn ahead while the pages were made']);
  });
});

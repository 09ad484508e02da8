import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { renderOgCard, type OgCard } from '../../src/lib/images/og.ts';

/**
 * Fonts are registered once per process, for every thread (src/lib/images/fonts.ts): a drawing
 * thread that registered them again as it started changed the text another thread was drawing at
 * that moment (the marks of "ẫ" placed otherwise), so the same card or chart came out in several
 * versions from one build.
 */
describe('fonts shared by the drawing threads', () => {
  const card: OgCard = { title: 'Bluezone – Hướng dẫn cài đặt', siteName: 'Bluezone – Hướng dẫn cài đặt', host: 'bluezone.gov.vn' };
  const workerFile = join(import.meta.dirname, '../support/font-race-worker.ts');

  it('a thread drawing while new threads start and register draws every card the same', async () => {
    const reference = createHash('sha256').update(await renderOgCard(card)).digest('hex');
    const drawer = new Worker(workerFile, { workerData: { kind: 'draw', card } });
    const message = () => new Promise<unknown>((resolve, reject) => drawer.once('message', resolve).once('error', reject));
    try {
      await message();
      // Twelve drawing threads start one after another while it draws, as piscina starts them during a build.
      for (let started = 0; started < 12; started++) {
        const starting = new Worker(workerFile, { workerData: { kind: 'register' } });
        await new Promise((resolve, reject) => starting.once('exit', resolve).once('error', reject));
      }
      const digests = message();
      drawer.postMessage('stop');
      const drawn = (await digests) as string[];
      expect(drawn.length).toBeGreaterThan(3);
      expect(drawn.filter((digest) => digest !== reference)).toEqual([]);
    } finally {
      await drawer.terminate();
    }
  });

  it('the drawing pool registers the fonts itself before its first thread starts', () => {
    // In a fresh process: right after the first drawing is asked for, before any thread could start.
    const pool = pathToFileURL(join(import.meta.dirname, '../../src/lib/charts/publish/draw-pool.ts')).href;
    const canvas = pathToFileURL(join(import.meta.dirname, '../../node_modules/@napi-rs/canvas/index.js')).href;
    const script = `
      import { GlobalFonts } from ${JSON.stringify(canvas)};
      import { drawPng } from ${JSON.stringify(pool)};
      const before = GlobalFonts.has('Noto Sans');
      const drawing = drawPng({ kind: 'og-card', card: ${JSON.stringify(card)} });
      console.log(JSON.stringify({ before, asked: GlobalFonts.has('Noto Sans') }));
      await drawing;
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: false, asked: true });
  });
});


/**
 * A drawing thread for tests/unit/fonts.test.ts, run by Node from source: `draw` draws the card it
 * is given again and again until told to stop, then posts each PNG's SHA-256; `register`
 * registers the fonts as a newly started drawing thread does, and ends.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { registerFonts } from '../../src/lib/images/fonts.ts';
import { renderOgCard, type OgCard } from '../../src/lib/images/og.ts';

const task = workerData as { kind: 'draw'; card: OgCard } | { kind: 'register' };
if (task.kind === 'draw') {
  let stopped = false;
  parentPort!.once('message', () => (stopped = true));
  const digests: string[] = [];
  parentPort!.postMessage('drawing');
  while (!stopped) {
    digests.push(createHash('sha256').update(await renderOgCard(task.card)).digest('hex'));
    // Let the stop message in between cards.
    await new Promise((resolve) => setImmediate(resolve));
  }
  parentPort!.postMessage(digests);
} else {
  registerFonts();
}

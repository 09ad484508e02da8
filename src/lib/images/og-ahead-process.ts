/**
 * The process that draws Open Graph cards ahead (src/integrations/og-images.ts starts it at the
 * lowest CPU priority when a build starts): one card per line of JSON on stdin, each drawn into
 * the render cache unless it is there already. Asked to stop (SIGTERM), or left without its
 * build (its input ends), it ends after the card it is drawing, and prints how many it drew.
 * Loaded by Node from this source file (type stripping).
 */
import { createInterface } from 'node:readline';
import { ogCardCacheInput } from './og-ahead.ts';
import { renderOgCard, type OgCard } from './og.ts';
import { renderAhead } from './render-cache.ts';

// Started with --expose-gc (src/integrations/og-images.ts); run by hand without it, never collects.
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

let drawn = 0;
let drawing = false;
let stopping = false;
let finished = false;
const finish = () => {
  if (finished) return;
  finished = true;
  process.stdout.write(`${drawn}\n`, () => process.exit(0));
};
const stop = () => {
  stopping = true;
  if (!drawing) finish();
};
process.on('SIGTERM', stop);
// Its input ends only when the build's process is gone (a failed build exits at once): the cards
// still queued would be drawn for no one, for minutes at 10.000 letters.
process.stdin.on('end', stop);

for await (const line of createInterface({ input: process.stdin })) {
  if (stopping) break;
  const card = JSON.parse(line) as OgCard;
  drawing = true;
  try {
    if (await renderAhead('og-card', ogCardCacheInput(card), () => renderOgCard(card))) {
      drawn += 1;
      // Each card leaves a 3 MB copy of its pixels and sharp's buffers outside the JavaScript heap,
      // which V8 collects only when the heap itself fills: 1.000 cards peaked at 242 MB. Collected
      // every 5 cards, 184 MB, in less CPU time (8,8 against 10,3 s: fewer fresh pages to fault in).
      if (drawn % 5 === 0) collectGarbage();
    }
  } catch {
    // The card pass draws it again and reports the failure.
  } finally {
    drawing = false;
  }
}
finish();

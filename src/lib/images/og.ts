import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { registerFonts } from './fonts.ts';
import { BREAKABLE_SPACE } from '../stats/chart-text.ts';

/** Open Graph card size recommended by Facebook, Zalo and X: 1200×630. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** What a card shows: the page title large, the site name above, the site's address below. */
export interface OgCard {
  title: string;
  siteName: string;
  /** Host name shown at the bottom (from the `site` setting), e.g. `bluezone.example`. */
  host: string;
}

/** How many of `chars` fit on one line (at least one, so a line always makes progress). */
function fittingPrefix(chars: string[], fits: (line: string) => boolean): number {
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(chars.slice(0, mid).join(''))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Splits text into at most `maxLines` lines that fit `width`, ending with "…" if cut. A word wider
 * than a line (a long address, a run without spaces) is cut between characters; measuring stops
 * once the text is known not to fit, so a 4 000-character title costs no more than a short one.
 */
export function wrapLines(text: string, fits: (line: string) => boolean, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(BREAKABLE_SPACE).filter(Boolean)) {
    if (lines.length > maxLines) break;
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = Array.from(word);
    while (!fits(rest.join('')) && lines.length <= maxLines) {
      const n = fittingPrefix(rest, fits);
      lines.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.includes(' ') && !fits(`${last} …`)) last = last.slice(0, last.lastIndexOf(' '));
  if (!fits(`${last} …`)) last = Array.from(last).slice(0, fittingPrefix(Array.from(last), (part) => fits(`${part} …`))).join('');
  kept[maxLines - 1] = `${last} …`;
  return kept;
}

function drawTitle(ctx: SKRSContext2D, family: string, title: string): void {
  // The largest size at which the title fits in three lines.
  for (const size of [72, 64, 56, 48]) {
    ctx.font = `bold ${size}px "${family}"`;
    const lines = wrapLines(title, (line) => ctx.measureText(line).width <= OG_WIDTH - 160, 3);
    const fitsAll = lines.every((line) => ctx.measureText(line).width <= OG_WIDTH - 160);
    if ((fitsAll && !lines.at(-1)!.endsWith('…')) || size === 48) {
      const lineHeight = size * 1.22;
      const top = 300 - ((lines.length - 1) * lineHeight) / 2;
      lines.forEach((line, i) => ctx.fillText(line, 80, top + i * lineHeight));
      return;
    }
  }
}

/**
 * One canvas per thread, painted over whole for every card: at 10.000 letters a fresh 3 MB canvas
 * per card was 2,5 ms of its 13 ms (allocation and the garbage collections it caused). The card
 * is drawn and its pixels copied out (`data()`) before the first await, so cards drawn
 * concurrently on one thread never share it half-drawn.
 */
let canvas: Canvas | undefined;

/** Draws the card with @napi-rs/canvas (Noto Sans: Vietnamese glyphs) and compresses it with sharp. */
export async function renderOgCard(card: OgCard): Promise<Buffer> {
  const family = registerFonts();
  canvas ??= createCanvas(OG_WIDTH, OG_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0b5cad';
  ctx.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
  ctx.fillStyle = '#0a7a4b';
  ctx.fillRect(0, OG_HEIGHT - 24, OG_WIDTH, 24);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.font = `bold 34px "${family}"`;
  ctx.fillText(card.siteName, 80, 96);
  drawTitle(ctx, family, card.title);
  ctx.font = `30px "${family}"`;
  ctx.fillStyle = '#dbe8f6';
  ctx.fillText(card.host, 80, OG_HEIGHT - 86);
  // The pixels straight to sharp: no PNG encode and decode in between. Lossless, not a 256-colour
  // palette (half the bytes, ten times the time: 137 ms a card). Kept as RGBA (the alpha is all
  // opaque) at zlib level 3: against RGB at level 6, 35 % less of a card's CPU time for 15 % more
  // bytes (300 cards on one thread: 4,8 against 7,3 ms, 45,2 against 39,2 kB; dropping the alpha
  // alone cost 1,2 ms). That counts with two cards per letter; a card is fetched once per share,
  // by the platform's crawler.
  return sharp(canvas.data(), { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4 } }).png({ compressionLevel: 3 }).toBuffer();
}

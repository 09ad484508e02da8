/**
 * The font for text drawn into build-time images (Open Graph cards, chart PNGs, QR leaflets).
 * Canvas text depends on the fonts it is given, not on the page's CSS, and build machines may
 * have no font with Vietnamese glyphs: Noto Sans ships in the npm package `@fontsource/noto-sans`
 * (OFL-1.1). @napi-rs/canvas reads its WOFF2 files directly; the latin, latin-ext and vietnamese
 * subsets registered under one family name draw every Vietnamese letter (ă, đ, ơ, ư, ạ…ỹ).
 * Browsers never load it: pages use system fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** Family name to use in `ctx.font` (e.g. `bold 48px "Noto Sans"`) and in SVG rendered by canvas. */
export const FONT_FAMILY = 'Noto Sans';

const subsets = ['latin', 'latin-ext', 'vietnamese'] as const;
const weights = [400, 700] as const;

let registered = false;

/** Path of one Noto Sans WOFF2 file in node_modules (resolved from the project root). */
export function fontFile(subset: (typeof subsets)[number], weight: (typeof weights)[number]): string {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const packageDir = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  return join(packageDir, 'files', `noto-sans-${subset}-${weight}-normal.woff2`);
}

/**
 * Registers Noto Sans (regular and bold) with @napi-rs/canvas once per process; throws if a file
 * is missing so a build never silently draws boxes instead of letters.
 *
 * Registered fonts belong to the process, not the thread, and registering them while another
 * thread draws text changes that drawing: the stacked marks of "ẫ" came out placed four other
 * ways in 5 of 200 cards drawn at once by a fresh pool of drawing threads, each registering the
 * fonts again as it started. So a thread that finds the family registered leaves it alone, and
 * the pool's owner registers before any drawing thread starts (draw-pool.ts).
 */
export function registerFonts(): string {
  if (registered) return FONT_FAMILY;
  if (!GlobalFonts.has(FONT_FAMILY)) {
    for (const subset of subsets) {
      for (const weight of weights) {
        const path = fontFile(subset, weight);
        if (!GlobalFonts.registerFromPath(path, FONT_FAMILY)) throw new Error(`Could not register font ${path}`);
      }
    }
  }
  registered = true;
  return FONT_FAMILY;
}

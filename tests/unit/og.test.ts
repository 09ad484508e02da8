import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { FONT_FAMILY, fontFile, registerFonts } from '../../src/lib/images/fonts.ts';
import { vi } from '../../src/i18n/vi.ts';
import { en } from '../../src/i18n/en.ts';
import { OG_HEIGHT, OG_WIDTH, renderOgCard } from '../../src/lib/images/og.ts';

describe('build-time font', () => {
  it('ships in node_modules and registers once', () => {
    for (const subset of ['latin', 'latin-ext', 'vietnamese'] as const) expect(existsSync(fontFile(subset, 700))).toBe(true);
    expect(registerFonts()).toBe(FONT_FAMILY);
    expect(registerFonts()).toBe(FONT_FAMILY);
  });

  it('has a glyph for every character of every UI string, so no image depends on the machine’s fonts', () => {
    // A character outside the registered subsets is drawn from whatever font the build machine
    // has (a banner's "→" came out in two shapes on one machine, before and after Debian's
    // Chromium brought its fonts) or as a box where it has none.
    const css = ['400', '700'].map((weight) => readFileSync(join(dirname(fontFile('latin', 400)), '..', `${weight}.css`), 'utf8')).join('\n');
    const ranges = [...css.matchAll(/src: url\(\.\/files\/noto-sans-(latin|latin-ext|vietnamese)-\d+-normal\.woff2\)[\s\S]*?unicode-range: ([^;]+);/g)].flatMap(([, , list]) =>
      list!.split(',').map((range) => {
        const [from, to = from] = range.trim().replace(/^U\+/, '').split('-');
        return [parseInt(from!, 16), parseInt(to!, 16)] as const;
      }),
    );
    expect(ranges.length).toBeGreaterThan(20);
    const covered = (code: number) => ranges.some(([from, to]) => code >= from && code <= to);
    const missing = [vi, en].flatMap((dictionary) =>
      Object.entries(dictionary).flatMap(([key, text]) => [...text].filter((char) => !covered(char.codePointAt(0)!)).map((char) => `${key}: ${char}`)),
    );
    expect(missing).toEqual([]);
  });

  it('is the font canvas really uses for Vietnamese text (not a fallback)', () => {
    registerFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    const width = (family: string) => {
      ctx.font = `40px "${family}"`;
      return ctx.measureText('Cài đặt ứng dụng Bluezone – Đoàn Thanh niên').width;
    };
    // An unknown family falls back to the default font; if Noto Sans were not in use, both match.
    expect(width(FONT_FAMILY)).toBeGreaterThan(0);
    expect(Math.abs(width(FONT_FAMILY) - width('No Such Font Family'))).toBeGreaterThan(1);
  });
});

describe('Open Graph card', () => {
  it('is a 1200×630 PNG', async () => {
    const png = await renderOgCard({ title: 'Cài đặt Bluezone trên điện thoại Android – hướng dẫn từng bước cho người mới', siteName: 'Bluezone – Hướng dẫn cài đặt', host: 'bluezone.example' });
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
  });

  it('draws a 4 000-character title without a space, and one with hostile characters, inside the frame', async () => {
    for (const title of ['W'.repeat(4000), `<img src=x onerror=alert(1)> "=HYPERLINK()" \u202e${'Trà Vinh '.repeat(450)}`]) {
      const png = await renderOgCard({ title, siteName: 'Bluezone', host: 'bluezone.example' });
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      // The right margin (x ≥ 1120) stays the background blue on every row above the green band: no text runs off the card.
      const blue = [0x0b, 0x5c, 0xad];
      for (let y = 0; y < OG_HEIGHT - 24; y += 3) {
        for (let x = OG_WIDTH - 80; x < OG_WIDTH; x += 2) {
          const i = (y * info.width + x) * info.channels;
          expect([data[i], data[i + 1], data[i + 2]], `pixel ${x},${y}`).toEqual(blue);
        }
      }
    }
  });
});

describe('Open Graph cards drawn at once on one thread', () => {
  it('are each the card drawn alone: the shared canvas is never read half-drawn', async () => {
    const cards = ['Công văn 5355/UBND-KGVX', 'Hướng dẫn cài đặt Bluezone trên iPhone', 'Letter 1119/UBND-KGVX'].map((title) => ({ title, siteName: 'Bluezone', host: 'bluezone.example' }));
    const alone: Buffer[] = [];
    for (const card of cards) alone.push(await renderOgCard(card));
    const together = await Promise.all(cards.map((card) => renderOgCard(card)));
    // Compared as pixels, decoded: each card shows its own title, not a neighbour's.
    const pixels = (png: Buffer) => sharp(png).raw().toBuffer();
    for (const [i, png] of together.entries()) expect((await pixels(png)).equals(await pixels(alone[i]!)), cards[i]!.title).toBe(true);
    expect((await pixels(alone[0]!)).equals(await pixels(alone[1]!))).toBe(false);
  });
});

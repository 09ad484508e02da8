import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { FONT_FAMILY, fontFile, registerFonts } from '../../src/lib/fonts.ts';
import { OG_HEIGHT, OG_WIDTH, renderOgCard } from '../../src/lib/og.ts';

describe('build-time font', () => {
  it('ships in node_modules and registers once', () => {
    for (const subset of ['latin', 'latin-ext', 'vietnamese'] as const) expect(existsSync(fontFile(subset, 700))).toBe(true);
    expect(registerFonts()).toBe(FONT_FAMILY);
    expect(registerFonts()).toBe(FONT_FAMILY);
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
});

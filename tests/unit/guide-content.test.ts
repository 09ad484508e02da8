import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { illustration } from '../../src/components/guide/illustrations.ts';

/**
 * The committed guide content, read from disk (getCollection() is empty under Vitest), so a
 * missing picture or translation shows up here before a full build.
 */
const guidesDir = 'content/guides';
const imagesDir = 'content/images/guides';
const mdx = (lang: string) => readdirSync(join(guidesDir, lang)).filter((f) => f.endsWith('.mdx')).sort();
const svgs = readdirSync(imagesDir).filter((f) => f.endsWith('.svg'));

describe('guide content on disk', () => {
  it('has the four guides in both languages, paired by file name', () => {
    expect(mdx('vi')).toEqual(['android.mdx', 'helping-others.mdx', 'iphone.mdx', 'troubleshooting.mdx']);
    expect(mdx('en')).toEqual(mdx('vi'));
  });

  for (const lang of ['vi', 'en']) {
    for (const file of mdx(lang)) {
      it(`${lang}/${file}: every step names an existing illustration and describes it`, () => {
        const text = readFileSync(join(guidesDir, lang, file), 'utf8');
        const steps = [...text.matchAll(/<Step\b([^>]*)>/g)].map((m) => m[1]!);
        expect(steps.length).toBeGreaterThan(0);
        for (const attrs of steps) {
          const image = /image="([^"]+)"/.exec(attrs)?.[1];
          const alt = /alt="([^"]*)"/.exec(attrs)?.[1] ?? '';
          expect(image, attrs).toBeDefined();
          expect(existsSync(join(imagesDir, `${image}.svg`)), `${image}.svg`).toBe(true);
          expect(alt.trim().length, `alt of ${image}`).toBeGreaterThan(20);
        }
      });
    }
  }
});

describe('illustrations', () => {
  it('exist', () => {
    expect(svgs.length).toBeGreaterThan(10);
  });
  for (const file of svgs) {
    it(`${file}: a self-contained 480×800 drawing with a title`, async () => {
      const svg = readFileSync(join(imagesDir, file), 'utf8');
      // Rasterised at build time: no external references, no scripts.
      expect(svg).not.toMatch(/(href|src)\s*=\s*["'](?!#)/i);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).toMatch(/<title>[^<]{10,}<\/title>/);
      const meta = await sharp(Buffer.from(svg)).metadata();
      expect([meta.width, meta.height]).toEqual([480, 800]);
    });
  }
  it('are looked up by name, and an unknown name says which names exist', () => {
    expect(illustration('store-search').width).toBe(480);
    expect(() => illustration('store-serch')).toThrow(/Unknown illustration "store-serch".*store-search/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { illustration } from '../../src/components/guide/illustrations.ts';
import { citationProblems, type CitingEntry } from '../../src/lib/guides/citations.ts';
import { faqSchema } from '../../src/content/faq.ts';
import { guideSchema } from '../../src/content/guide.ts';

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

/** Every guide and FAQ file as the content layer would load it: schema-checked frontmatter and raw body. */
function loadCollection(dir: string, schema: typeof guideSchema | typeof faqSchema): CitingEntry[] {
  return ['vi', 'en'].flatMap((lang) =>
    readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.mdx'))
      .map((file) => {
        const text = readFileSync(join(dir, lang, file), 'utf8');
        const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
        const data = schema.parse(parseYaml(frontmatter!));
        return { id: `${lang}/${file.replace(/\.mdx$/, '')}`, filePath: join(dir, lang, file), body, data };
      }),
  );
}

describe('facts in guides and answers are cited', () => {
  const guides = loadCollection(guidesDir, guideSchema);
  const faq = loadCollection('content/faq', faqSchema);

  it('every citation names a listed source, every source is cited, and both languages cite the same', () => {
    expect(guides.length).toBe(8);
    expect(faq.length).toBeGreaterThan(20);
    expect(citationProblems(guides)).toEqual([]);
    expect(citationProblems(faq)).toEqual([]);
  });

  // The claims review-2 asked to source (hotline, distance, look-alikes, minimum systems,
  // PC-Covid, battery, 5 GB offer): each sentence that makes one carries a citation.
  const claims: [RegExp, string][] = [
    [/1900 9095/, 'hotline'],
    [/2 (mét|metres)/, 'distance'],
    [/Bluzone/, 'look-alike apps'],
    [/Android 5\.0|iOS 9/, 'minimum system'],
    [/30\/9\/2021|30 September 2021/, 'PC-Covid'],
    [/tốn pin|drain the battery/, 'battery'],
    [/5 GB/, 'data offer'],
  ];
  for (const [pattern, what] of claims) {
    it(`every paragraph that states the ${what} cites a source`, () => {
      const paragraphs = [...guides, ...faq].flatMap((entry) =>
        entry.body!.split(/\n\s*\n/).map((text) => ({ file: entry.filePath, text })),
      );
      const stating = paragraphs.filter((p) => pattern.test(p.text) && !/^(title|<Step|#|- ☐)/.test(p.text.trim()));
      expect(stating.length, what).toBeGreaterThan(0);
      for (const p of stating) expect(p.text, `${p.file}: ${p.text.slice(0, 80)}`).toMatch(/<Cite source="/);
    });
  }

  it('no page promises protection a tracing app cannot give', () => {
    for (const entry of [...guides, ...faq]) {
      expect(entry.body, entry.filePath).not.toMatch(/được bảo vệ|bảo vệ bạn khỏi|still helped|protects you from|không làm người lạ kết nối|does not let strangers connect/);
    }
  });

  it('guides say which app and period they describe, instead of a day the app was “checked”', () => {
    for (const entry of guides) {
      const data = entry.data as unknown as { describes: { from: string; to: string } };
      expect(data.describes.from <= data.describes.to, entry.filePath).toBe(true);
    }
  });
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

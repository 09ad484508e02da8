import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { attack, FIXTURE_SITE, formula, hostileLetter } from '../support/fixture-site.ts';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';

/**
 * Every string from content or data is escaped in every output. The fixture site's guide, FAQ
 * entry, letter and statistics snapshot carry hostile values (markup, `</script>`, quotes, a
 * spreadsheet formula, bidi and control characters, a 4 000-character title:
 * tests/support/fixture-site.ts); each kind of output of its one build is read back with a real
 * parser: HTML (parse5), RSS, sitemap and SVG (fast-xml-parser), CSV (csv-parse), JSON
 * (JSON.parse), the OG cards (sharp), `_redirects`.
 */

const hiddenChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

let build: SharedBuild;
let dist = '';
beforeAll(async () => {
  build = await sharedBuild();
  dist = build.dist;
}, BUILD_WAIT);

function files(ext: RegExp): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => ext.test(file));
}
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];
function* elementsOf(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'tagName' in node && node.tagName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elementsOf(child);
}
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) yield* stringsOf(item);
}
const textOf = (element: Element) => element.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('');

describe('a build with hostile content and data', () => {
  it('succeeds', () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.status).toBe(0);
  });

  it('HTML (parse5): no injected element or attribute; the hostile text is shown as text; no script carries data', () => {
    const pages = files(/\.html$/);
    expect(pages.length).toBeGreaterThan(100);
    let shownAsText = 0;
    for (const page of pages) {
      const document = parseHtml(read(page));
      for (const element of elementsOf(document)) {
        const where = `${page} <${element.tagName}>`;
        for (const attribute of element.attrs) {
          expect(attribute.name, where).not.toMatch(/^on/i);
          expect(hiddenChars.test(attribute.value), `${where} ${attribute.name}`).toBe(false);
          if (attribute.value.includes(attack)) shownAsText += 1;
        }
        expect(element.tagName === 'img' && element.attrs.some((a) => a.name === 'src' && a.value === 'x'), where).toBe(false);
        // Charts' data lives in files (the live chart fetches its spec), never in a page's script.
        if (element.tagName === 'script') {
          expect(element.attrs.find((a) => a.name === 'type')?.value, where).not.toBe('application/json');
          expect(textOf(element), where).not.toContain('alert(1)');
        }
        const text = textOf(element);
        expect(hiddenChars.test(text), where).toBe(false);
        if (text.includes(attack)) shownAsText += 1;
      }
    }
    expect(shownAsText).toBeGreaterThan(10);
  });

  it('RSS, sitemap and SVG (XML parser): well-formed, no injected element, hostile text kept as text', () => {
    const xmlFiles = files(/\.(xml|svg)$/);
    expect(xmlFiles.some((f) => f.endsWith('rss.xml'))).toBe(true);
    expect(xmlFiles.some((f) => f.startsWith('sitemap'))).toBe(true);
    expect(xmlFiles.some((f) => f.endsWith('moi-nhat.svg'))).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });
    let feedItems = 0;
    for (const file of xmlFiles) {
      const xml = read(file);
      expect(XMLValidator.validate(xml), file).toBe(true);
      expect(hiddenChars.test(xml), file).toBe(false);
      const names = [...xml.matchAll(/<([A-Za-z][\w:.-]*)/g)].map((m) => m[1]!.toLowerCase());
      expect(names.filter((n) => n === 'img' || n === 'script'), file).toEqual([]);
      if (file.endsWith('rss.xml')) {
        const items = [parser.parse(xml).rss.channel.item].flat() as { title: string; description: string }[];
        feedItems += items.filter((item) => `${item.title} ${item.description}`.includes(attack)).length;
      }
    }
    expect(feedItems).toBeGreaterThan(0);
    const sitemap = parser.parse(read('sitemap-0.xml')).urlset.url as { loc: string }[];
    for (const { loc } of sitemap) expect(new URL(loc).origin).toBe(FIXTURE_SITE);
  });

  it('CSV (csv-parse): no cell can start a formula; the hostile source name is there, guarded', () => {
    const csvFiles = files(/\.csv$/);
    expect(csvFiles.length).toBeGreaterThan(1);
    let guarded = 0;
    for (const file of csvFiles) {
      const rows = parseCsv(read(file), { bom: true, relax_column_count: false }) as string[][];
      for (const cell of rows.flat()) {
        expect(cell, file).not.toMatch(/^[=+\-@\t\r]/);
        if (cell.startsWith(`'${formula}`)) guarded += 1;
      }
    }
    expect(guarded).toBeGreaterThan(0);
  });

  it('JSON files parse and carry the hostile strings unchanged apart from hidden characters', () => {
    const jsonFiles = files(/\.json$/).filter((f) => !f.startsWith('pagefind/'));
    expect(jsonFiles.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of jsonFiles) {
      const values = [...stringsOf(JSON.parse(read(file)))];
      for (const value of values) expect(hiddenChars.test(value), `${file}: ${value.slice(0, 80)}`).toBe(false);
      if (values.some((value) => value.includes(`${formula} ${attack}</script><!--`))) found.push(file);
    }
    expect(found.length).toBeGreaterThan(0);
    // Among them the specs the live charts fetch.
    expect(found.some((file) => file.endsWith('moi-nhat-tuong-tac.json'))).toBe(true);
  });

  it('OG cards: the 4 000-character title is drawn on a 1200×630 card, text inside the frame', async () => {
    const card = join(dist, `og/van-ban/${hostileLetter}/card.png`);
    expect(existsSync(card)).toBe(true);
    const { data, info } = await sharp(card).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
    // The right margin stays the background colour: the title wrapped and was cut, not run off the card.
    const [r, g, b] = [data[0], data[1], data[2]];
    for (let y = 0; y < info.height - 24; y += 3) {
      const i = (y * info.width + info.width - 40) * info.channels;
      expect([data[i], data[i + 1], data[i + 2]], `row ${y}`).toEqual([r, g, b]);
    }
  });

  it('_redirects: one three-field rule per line', () => {
    for (const line of read('_redirects').trimEnd().split('\n')) expect(line.split(' ')).toHaveLength(3);
  });
});

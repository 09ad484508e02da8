import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { escapeMarkup, stripControls, stripControlsDeep } from '../../src/lib/core/escape.ts';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'];

/** Every element of an HTML fragment, as a real browser parser (parse5) sees it. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if ('tagName' in node) {
        found.push(node);
        walk(node.childNodes);
        if (node.tagName === 'template') walk((node as DefaultTreeAdapterMap['template']).content.childNodes);
      }
    }
  };
  walk(parseFragment(html).childNodes);
  return found;
}

const hostile = [`<img src=x onerror="alert(1)">`, `"><script>alert(1)</script>`, `' onmouseover='x`, `</script><!--`, 'a & b < c > d'];

describe('escapeMarkup (HTML and XML text and attributes)', () => {
  it('keeps hostile text as text and attribute values whole (parse5)', () => {
    for (const text of hostile) {
      const html = `<p title="${escapeMarkup(text)}">${escapeMarkup(text)}</p>`;
      const found = elements(html);
      expect(found.map((e) => e.tagName)).toEqual(['p']);
      expect(found[0]!.attrs).toEqual([{ name: 'title', value: text }]);
      const child = found[0]!.childNodes[0] as DefaultTreeAdapterMap['textNode'];
      expect(child.value).toBe(text);
    }
  });

  it('gives well-formed XML that reads back the same text (property)', () => {
    fc.assert(
      fc.property(fc.string().map(stripControls), (text) => {
        const xml = `<t a="${escapeMarkup(text)}">${escapeMarkup(text)}</t>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const parsed = new XMLParser({ ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true }).parse(xml) as {
          t: string | { '#text'?: string; '@_a': string };
        };
        const node = typeof parsed.t === 'string' ? { '#text': parsed.t, '@_a': '' } : parsed.t;
        expect(node['@_a']).toBe(text);
        expect(node['#text'] ?? '').toBe(text);
      }),
    );
  });
});

describe('stripControls (content as it is loaded)', () => {
  it('removes bidi overrides, isolates, marks and control characters, keeping Vietnamese', () => {
    const text = 'Tr\u202eà Vinh\u200f 5,06\u00a0%\u2066x\u2069\u0007\u009b';
    expect(stripControls(text)).toBe('Trà Vinh 5,06\u00a0%x');
    expect(stripControls('Cà Mau\tdòng\nmới')).toBe('Cà Mau\tdòng\nmới');
  });

  it('cleans every string of an entry and leaves other values alone', () => {
    const date = new Date('2026-11-23');
    expect(stripControlsDeep({ title: '\u202eA', list: ['\u200eB', 3], nested: { c: '\u2067C' }, date, n: null })).toEqual({
      title: 'A',
      list: ['B', 3],
      nested: { c: 'C' },
      date,
      n: null,
    });
  });
});

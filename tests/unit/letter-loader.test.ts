import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { letterLoader, renderLetterBody } from '../../src/content/letter-loader.ts';

/**
 * Letters' MDX bodies become HTML as the content is read: the allowlist refuses what content may
 * not hold (file and line), the HTML keeps the text as the MDX pipeline printed it, and a refused
 * letter is never kept in Astro's content store, so the next build reports it again.
 */

const frontmatter = '---\ntitle: "x"\n---\n\n';
describe("letters' bodies become HTML as they are read (src/content/letter-loader.ts)", () => {
  type Node = DefaultTreeAdapterMap['childNode'];
  const features = { gfm: true, smartPunctuation: true };
  const letterPath = join(process.cwd(), 'content/directives/test-letter.mdx');
  const fragment = (html: string) => parseFragment(html).childNodes as Node[];
  const text = (nodes: Node[]): string => nodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? text(node.childNodes as Node[]) : '')).join('');
  function find(nodes: Node[], tag: string): DefaultTreeAdapterMap['element'][] {
    return nodes.flatMap((node) => ('tagName' in node ? [...(node.tagName === tag ? [node] : []), ...find(node.childNodes as Node[], tag)] : []));
  }
  const attribute = (element: DefaultTreeAdapterMap['element'], name: string) => element.attrs.find((a) => a.name === name)?.value;

  it('refuses what the allowlist refuses, naming file and line', () => {
    expect(() => renderLetterBody(`${frontmatter}Text\n\n<div class="signature" onclick="alert(1)">x</div>\n`, letterPath, features)).toThrow(
      /content\/directives\/test-letter\.mdx:7: <div onclick> is an event handler/,
    );
    expect(() => renderLetterBody(`${frontmatter}<StoreLink store="appStore" />\n`, letterPath, features)).toThrow(/test-letter\.mdx:5: <StoreLink> is not a component this page provides; allowed components: none/);
    expect(() => renderLetterBody(`${frontmatter}Text {1 + 1}\n`, letterPath, features)).toThrow(/test-letter\.mdx:5: \{expressions\}/);
  });

  it('keeps the text, escaped, with the MDX pipeline’s headings, elements and punctuation', () => {
    const html = renderLetterBody(
      [
        frontmatter.trimEnd(),
        '',
        '**ỦY BAN NHÂN DÂN**<br/>',
        '**TỈNH KIÊN GIANG**',
        '',
        '### Kính gửi',
        '',
        '- Sở A & Sở B \\<C>;',
        '',
        'Số người cài đặt "khoảng 145.800" -- tương đương 13% dân số...',
        '',
        '| Đơn vị | Tỷ lệ |',
        '|---|---|',
        '| Xã 1 | 16,08 % |',
        '',
        '<div class="signature" title="Ký &quot;thay&quot;">',
        '',
        '**KT. CHỦ TỊCH** <span lang="vi">x</span> [trang](https://example.org/?a=1&b=2)',
        '',
        '</div>',
        '',
      ].join('\n'),
      letterPath,
      features,
    );
    const nodes = fragment(html);
    expect(text(find(nodes, 'strong').slice(0, 2))).toBe('ỦY BAN NHÂN DÂNTỈNH KIÊN GIANG');
    expect(find(nodes, 'br')).toHaveLength(1);
    const [heading] = find(nodes, 'h3');
    expect([text([heading!]), attribute(heading!, 'id')]).toEqual(['Kính gửi', 'kính-gửi']);
    expect(text(find(nodes, 'li'))).toBe('Sở A & Sở B <C>;');
    // Smart punctuation, as @astrojs/mdx sets Sätteri up: curly quotes, an en dash, an ellipsis.
    expect(find(nodes, 'p').map((paragraph) => text([paragraph]))).toContain('Số người cài đặt “khoảng 145.800” – tương đương 13% dân số…');
    expect(find(nodes, 'td').map((cell) => text([cell]))).toEqual(['Xã 1', '16,08 %']);
    const [signature] = find(nodes, 'div');
    expect([attribute(signature!, 'class'), attribute(signature!, 'title')]).toEqual(['signature', 'Ký "thay"']);
    expect(attribute(find(nodes, 'span')[0]!, 'lang')).toBe('vi');
    expect(attribute(find(nodes, 'a')[0]!, 'href')).toBe('https://example.org/?a=1&b=2');
    expect(find(nodes, 'script')).toEqual([]);
  });

  describe('the content store', () => {
    const root = mkdtempSync(join(tmpdir(), 'letter-loader-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'content/directives'), { recursive: true });
    const file = join(root, 'content/directives/test-letter.mdx');

    /** What Astro keeps between builds (its data store and the collection's meta), and one load of the collection against it. */
    const store = new Map<string, { id: string; digest?: string; body?: string; rendered?: { html: string } }>();
    const meta = new Map<string, string>();
    async function load(): Promise<void> {
      const context = {
        collection: 'directives',
        config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`), markdown: {} },
        logger: { error: () => {}, warn: () => {}, info: () => {} },
        parseData: async ({ data }: { data: unknown }) => data,
        generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
        meta,
        store: Object.assign(store, { set: (entry: { id: string }) => (Map.prototype.set.call(store, entry.id, entry), true) }),
        entryTypes: new Map([['.mdx', { extensions: ['.mdx'], getEntryInfo: ({ contents }: { contents: string }) => ({ data: { slug: 'test-letter' }, body: contents }) }]]),
      };
      await letterLoader({ base: './content/directives', pattern: '*.mdx' }).load(context as unknown as LoaderContext);
    }

    it('keeps an accepted letter with its HTML, drops a refused one, and refuses it again next time', async () => {
      writeFileSync(file, `${frontmatter}Chạm **Mở**.\n`);
      await load();
      expect(store.get('test-letter')?.rendered?.html).toBe('<p>Chạm <strong>Mở</strong>.</p>');
      // The HTML only: the store is bundled into every build, and nothing reads a letter's raw text.
      expect(store.get('test-letter')).not.toHaveProperty('body', expect.anything());
      expect(store.get('test-letter')?.digest).toMatch(/^[0-9a-f]{64}$/);
      writeFileSync(file, `${frontmatter}<div onclick="alert(1)">x</div>\n`);
      for (const attempt of [1, 2]) {
        await expect(load(), `attempt ${attempt}`).rejects.toThrow(/test-letter\.mdx:5: <div onclick> is an event handler/);
        expect(store.has('test-letter')).toBe(false);
      }
      writeFileSync(file, `${frontmatter}Chạm **Mở** lại.\n`);
      await load();
      expect(store.get('test-letter')?.rendered?.html).toBe('<p>Chạm <strong>Mở</strong> lại.</p>');
    });

    it('makes HTML that another version of the renderer stored again, although the file is unchanged', async () => {
      await load();
      const kept = store.get('test-letter')!;
      Map.prototype.set.call(store, 'test-letter', { ...kept, rendered: { html: '<p>made by last year’s renderer</p>' } });
      meta.set('renderer', 'last year’s');
      await load();
      expect(store.get('test-letter')?.rendered?.html).toBe('<p>Chạm <strong>Mở</strong> lại.</p>');
    });
  });
});

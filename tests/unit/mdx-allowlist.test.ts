import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { checkMdxFile } from '../../src/content/mdx-allowlist.ts';

/**
 * MDX under content/ is data: each refused construct fails with its file, its line and what is
 * allowed; every committed file passes; and the step really runs in the MDX compiler the build
 * uses (@astrojs/mdx 8 hands MDX to Sätteri, which ignores remark plugins).
 */

const tmp = mkdtempSync(join(tmpdir(), 'mdx-allowlist-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const frontmatter = '---\ntitle: "x"\n---\n\n';
let count = 0;
/** Writes `body` (after 4 lines of frontmatter) as a file of `collection` and checks it. */
async function check(body: string, collection = 'guides/vi'): Promise<{ path: string; lines: string[] }> {
  const dir = join(tmp, 'content', collection);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `case-${++count}.mdx`);
  writeFileSync(path, frontmatter + body);
  return { path, lines: await checkMdxFile(path) };
}

/** Line 5 is the first body line. */
const refused: [string, string, RegExp][] = [
  ['import', "import Evil from '../../src/evil.ts'\n", /import\/export is not allowed/],
  ['export', 'export const x = 1\n', /import\/export is not allowed/],
  ['a flow expression', '{process.exit(1)}\n', /\{expressions\}/],
  ['an inline expression', 'Text {1 + 1} here.\n', /\{expressions\}/],
  ['an unknown component', '<Chart id="x" />\n', /<Chart> is not a component this page provides; allowed components: <StepList>, <Step>, <StoreLink>, <Illustration>/],
  ['<script>', '<script>alert(1)</script>\n', /<script> is not an allowed HTML element/],
  ['<style>', '<style>body \\{ display: none \\}</style>\n', /<style> is not an allowed HTML element/],
  ['<iframe>', '<iframe src="https://evil.example/" />\n', /<iframe> is not an allowed HTML element/],
  ['an event handler', '<div onclick="alert(1)">x</div>\n', /onclick> is an event handler/],
  ['an event handler on a component', '<StoreLink store="appStore" onClick="alert(1)" />\n', /onClick> is an event handler/],
  ['an attribute not on the list', '<span style="color:red">x</span>\n', /does not accept the attribute "style"; allowed: class, lang, title/],
  ['an expression attribute', '<Step title={x} image="a" alt="b">\n\nx\n\n</Step>\n', /title=\{…\}> uses an expression/],
  ['a spread attribute', '<div {...props}>x</div>\n', /\{\.\.\.spread\}/],
  ['a javascript: link', '[click](javascript:alert(1))\n', /"javascript:alert\(1\)" is not an allowed URL/],
  ['a javascript: link with hidden spacing', '<a href="java\tscript:alert(1)">x</a>\n', /is not an allowed URL/],
  ['a JAVASCRIPT: href', '<a href="JAVASCRIPT:alert(1)">x</a>\n', /is not an allowed URL/],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)\n', /"data:image.*is not an allowed URL/],
  ['a right-to-left override in text', 'Đạt 13\u202e%06 mục tiêu\n', /invisible control or bidi character/],
  ['a bidi isolate in an attribute', '<Step title="Mở\u2067 x" image="a" alt="b">\n\nx\n\n</Step>\n', /invisible control or bidi character/],
  ['a vbscript: definition', '[x][r]\n\n[r]: vbscript:msgbox(1)\n', /"vbscript:msgbox\(1\)" is not an allowed URL/],
];

describe('refused MDX constructs', () => {
  for (const [name, body, message] of refused) {
    it(`refuses ${name}, naming file and line and saying what is allowed`, async () => {
      const { path, lines } = await check(body);
      expect(lines).toHaveLength(1);
      const line = body.startsWith('[x][r]') ? 7 : 5;
      expect(lines[0]).toMatch(new RegExp(`^\\S*${path.split('/').pop()!.replace('.', '\\.')}:${line}: `));
      expect(lines[0]).toMatch(message);
    });
  }

  it('allows a component only where its page provides it', async () => {
    expect((await check('<StoreLink store="appStore" />\n', 'faq/vi')).lines).toEqual([]);
    const { lines } = await check('<Step title="a" image="b" alt="c">\n\nx\n\n</Step>\n', 'faq/vi');
    expect(lines[0]).toMatch(/<Step> is not a component this page provides; allowed components: <StoreLink>/);
    expect((await check('<StoreLink store="appStore" />\n', 'directives')).lines[0]).toMatch(/allowed components: none/);
  });

  it('reports a syntax error as one line with its place', async () => {
    const { lines } = await check('Text\n\n<div>unclosed\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/:\d+: not valid MDX: /);
  });
});

describe('allowed MDX', () => {
  it('accepts Markdown, the documented components and listed HTML with safe URLs', async () => {
    const body = [
      '## Heading',
      '',
      'Some **bold**, *italic*, `code`, [a link](https://example.org/), [relative](/huong-dan/), [mail](mailto:a@b.vn), [phone](tel:19009095), a literal \\{brace\\}.',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '<StepList>',
      '',
      '<Step title="Mở" image="store-search" alt="Một hình">',
      '',
      'Chạm **Mở**.',
      '',
      '</Step>',
      '',
      '</StepList>',
      '',
      '<StoreLink store="googlePlay" />',
      '',
      '<Illustration image="bluetooth-on" alt="Bluetooth" />',
      '',
      '<div class="signature">',
      '',
      '**Ký tên** <span class="as-printed" lang="vi">x</span> <a href="#top" title="Lên">lên</a>',
      '',
      '</div>',
      '',
    ].join('\n');
    expect((await check(body)).lines).toEqual([]);
  });

  const committed = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
  it('finds the committed content files', () => expect(committed.length).toBeGreaterThan(40));
  for (const file of committed) {
    it(`passes content/${file}`, async () => expect(await checkMdxFile(join('content', file))).toEqual([]));
  }
});

describe('the step in the build pipeline', () => {
  /** Runs the @astrojs/mdx integration as astro.config.mjs sets it up and returns its MDX compiler. */
  async function mdxTransform(): Promise<(code: string, id: string) => Promise<unknown>> {
    const integration = config.integrations!.flat().find((i) => i && typeof i === 'object' && 'name' in i && i.name === '@astrojs/mdx') as {
      hooks: Record<string, (params: unknown) => Promise<void>>;
    };
    const plugins: { name: string; transform?: { handler: (code: string, id: string) => Promise<unknown> } }[] = [];
    const astroConfig = { markdown: {}, srcDir: new URL('../../src/', import.meta.url), root: new URL('../../', import.meta.url) };
    await integration.hooks['astro:config:setup']!({
      config: astroConfig,
      updateConfig: (update: { vite: { plugins: typeof plugins } }) => plugins.push(...update.vite.plugins),
      addPageExtension: () => {},
      addContentEntryType: () => {},
      addRenderer: () => {},
    });
    await integration.hooks['astro:config:done']!({ config: astroConfig, logger: { warn: () => {} } });
    const compile = plugins.find((p) => p.name === '@mdx-js/rolldown')!.transform!;
    return (code, id) => compile.handler.call({}, code, id);
  }

  it('fails the MDX compile of a hostile file, naming it and the line', async () => {
    const transform = await mdxTransform();
    const id = join(process.cwd(), 'content/guides/vi/hostile.mdx');
    const failure = transform(`${frontmatter}Text\n\n<div onclick="alert(1)">x</div>\n`, id);
    await expect(failure).rejects.toThrow(/content\/guides\/vi\/hostile\.mdx:7: <div onclick> is an event handler/);
    await expect(failure).rejects.toMatchObject({ loc: { file: id, line: 7 } });
    await expect(transform(`---\nlayout: ../../../src/evil.ts\n---\n\nText\n`, id)).rejects.toThrow(/hostile\.mdx:1: `layout:` is not allowed/);
    // Allowed Markdown compiles, and the text survives into the module.
    await expect(transform(`${frontmatter}Chạm **Mở**.\n`, id)).resolves.toMatchObject({ code: expect.stringContaining('Mở') });
  });
});

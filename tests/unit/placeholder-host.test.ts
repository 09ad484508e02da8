import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot as root, runAstro } from '../support/temp-project.ts';

/**
 * Without SITE_URL the build uses a placeholder address (`bluezone.example`). No text a citizen
 * reads (a letter's permanent address, the share kit, embed back-links) may print it: such pages
 * print the path or leave the address out. Attributes (canonical links, `href`) are not read here.
 */
type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
let out = '';

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'no-site-url-'));
  const result = runAstro(root, 'build', { SITE_URL: '', ASTRO_OUT_DIR: join(out, 'dist'), ASTRO_CACHE_DIR: join(root, 'node_modules/.astro-no-site-url-test') }, 560_000);
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
}, 600_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The text nodes of a page (scripts and styles are not read by people). */
function visibleText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'script' || node.nodeName === 'style') return '';
  const children = 'content' in node ? (node as DefaultTreeAdapterMap['template']).content.childNodes : 'childNodes' in node ? node.childNodes : [];
  return children.map((child) => visibleText(child as Node)).join(' ');
}

const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? pages(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : []));

describe('a build without SITE_URL', () => {
  it('prints the placeholder host in no page text', () => {
    const all = pages(join(out, 'dist'));
    expect(all.length).toBeGreaterThan(50);
    const offenders = all.filter((file) => visibleText(parse(readFileSync(file, 'utf8'))).includes('bluezone.example')).map((file) => relative(join(out, 'dist'), file));
    expect(offenders).toEqual([]);
  });

  it('still gives a letter its permanent address, as a path', () => {
    const letter = pages(join(out, 'dist', 'van-ban')).find((file) => file.endsWith(join('1119-ubnd-kgvx-2020', 'index.html')))!;
    expect(visibleText(parse(readFileSync(letter, 'utf8')))).toContain('/van-ban/1119-ubnd-kgvx-2020/');
  });
});

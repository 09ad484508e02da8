import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  budgets,
  checkBudgets,
  formatBytes,
  formatReport,
  groupBudgets,
  weighPage,
  type PageWeight,
} from '../../scripts/lib/page-weight.ts';
import { extractAssets, isRedirectStub, srcsetCandidates } from '../../src/lib/core/html-assets.ts';

/** A sizer that makes expectations exact: one byte per character. */
const lengthOf = (data: string | Uint8Array) => (typeof data === 'string' ? data.length : data.byteLength);
const bytes = (n: number) => new Uint8Array(n);

const page = `<!doctype html><html><head><style>body{margin:0}</style>
<link rel="stylesheet" href="/_astro/site.css">
<script type="application/ld+json">{"@type":"WebPage"}</script>
</head><body><main>
<picture><source srcset="/a-240.avif 240w, /a-480.avif 480w" type="image/avif"><img src="/a-240.webp" srcset="/a-240.webp 240w, /a-480.webp 480w" alt="x"></picture>
<img src="logo.png" alt="logo">
<script type="module" src="/_astro/chart.js"></script><script>console.log(1)</script>
</main></body></html>`;

describe('what a page references', () => {
  it('finds inline and linked CSS and JS, and the image each picture fetches', () => {
    const assets = extractAssets(page);
    expect(assets.inlineCss).toBe('body{margin:0}');
    expect(assets.stylesheets).toEqual(['/_astro/site.css']);
    expect(assets.scripts).toEqual(['/_astro/chart.js']);
    expect(assets.inlineJs).toBe('console.log(1)');
    expect(assets.images).toEqual(['/a-480.avif', 'logo.png']);
    // JSON-LD is data, not JavaScript: it stays in the HTML count.
    expect(assets.bareHtml).toContain('"@type":"WebPage"');
    expect(assets.bareHtml).not.toContain('margin:0');
  });
  it('orders srcset candidates largest first', () => {
    expect(srcsetCandidates('/s.avif 240w, /l.avif 480w')).toEqual(['/l.avif', '/s.avif']);
    expect(srcsetCandidates('/one.png')).toEqual(['/one.png']);
  });
  it('recognises redirect fallback pages', () => {
    expect(isRedirectStub('<meta http-equiv="refresh" content="0;url=/huong-dan/">')).toBe(true);
    expect(isRedirectStub(page)).toBe(false);
  });
});

describe('page weight', () => {
  const files: Record<string, number> = { '/_astro/site.css': 100, '/_astro/chart.js': 300, '/a-480.avif': 5000 };
  const fileBytes = (url: string) => (url in files ? bytes(files[url]!) : undefined);

  it('adds up each kind and reports files it cannot find', () => {
    const weight = weighPage('/x/', page, fileBytes, lengthOf);
    expect(weight.css).toBe('body{margin:0}'.length + 100);
    expect(weight.js).toBe('console.log(1)'.length + 300);
    expect(weight.images).toBe(5000);
    expect(weight.missing).toEqual(['logo.png']);
    expect(weight.html).toBe(extractAssets(page).bareHtml.length);
  });
  it('counts an SVG drawing as the server sends it, gzipped; a raster file as it is', () => {
    const drawing = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 400">${'<rect x="1" y="2" width="3" height="4"/>'.repeat(200)}</svg>`;
    const served = (url: string) => (url === '/d.svg' ? new TextEncoder().encode(drawing) : fileBytes(url));
    const gz = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).byteLength;
    const weight = weighPage('/huong-dan/android/', '<img src="/d.svg" alt="x"><img src="/a-480.avif" alt="y">', served, gz);
    expect(weight.images).toBe(gz(drawing) + 5000);
    expect(gz(drawing)).toBeLessThan(drawing.length / 10);
  });
  it('counts a page without scripts as zero JavaScript', () => {
    const weight = weighPage('/huong-dan/', '<main><p>Hi</p></main>', fileBytes, (d) => gzipSync(d).byteLength);
    expect(weight.js).toBe(0);
    expect(weight.css).toBe(0);
    expect(weight.html).toBeGreaterThan(0);
  });
});

describe('budgets', () => {
  const weight = (path: string, html: number, css: number, js: number): PageWeight => ({ path, html, css, js, images: 0, missing: [] });
  const guide = budgets.find((b) => b.name === 'guide')!;
  it('allows a guide page at exactly 14 kB HTML+CSS and the offline registration script', () => {
    expect(checkBudgets([weight('/huong-dan/android/', 10 * 1024, 4 * 1024, guide.maxJs)])).toEqual([]);
  });
  it('flags a guide page one byte over, or with more JavaScript than the registration', () => {
    const violations = checkBudgets([weight('/en/guide/iphone/', 10 * 1024, 4 * 1024 + 1, 0), weight('/hoi-dap/', 100, 100, guide.maxJs + 1)]);
    expect(violations.map((v) => `${v.path} ${v.message}`)).toEqual(['/en/guide/iphone/ HTML+CSS 14.0 kB > 14.0 kB', `/hoi-dap/ JS ${formatBytes(guide.maxJs + 1)} > ${formatBytes(guide.maxJs)}`]);
  });
  it('adds up the whole guide with its pictures, once every page of it was weighed', () => {
    const group = groupBudgets[0]!;
    // Each page within its own budget; the pictures fill the group to exactly its budget.
    const images = group.maxTotal / group.paths.length - 4096;
    const pages = (extra: number) => group.paths.map((path, i) => ({ ...weight(path, 2048, 2048, 0), images: images + (i === 0 ? extra : 0) }));
    expect(checkBudgets(pages(0))).toEqual([]);
    expect(checkBudgets(pages(1)).map((v) => v.budget)).toEqual([group.name]);
    expect(checkBudgets(pages(1).slice(1))).toEqual([]);
  });
  it('leaves pages outside the guide alone', () => {
    expect(checkBudgets([weight('/so-lieu/', 40_000, 4000, 60_000)])).toEqual([]);
  });
  it('prints a row per page, a total and the verdict', () => {
    const pages = [weight('/huong-dan/', 2048, 1024, 0), weight('/so-lieu/', 512, 0, 2048)];
    const text = formatReport(pages, checkBudgets(pages));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^page\s+HTML gz\s+CSS gz\s+JS gz\s+images\s+HTML\+CSS$/);
    expect(lines[1]).toMatch(/^\/huong-dan\/\s+2\.0 kB\s+1\.0 kB\s+0 B\s+0 B\s+3\.0 kB$/);
    expect(lines[3]).toMatch(/^total \(2 pages\)\s+2\.5 kB\s+1\.0 kB\s+2\.0 kB\s+0 B\s+3\.5 kB$/);
    expect(lines.at(-1)).toMatch(/^budgets: OK \(1 budgeted pages/);
  });
  it('formats bytes as the budgets count them', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(14 * 1024)).toBe('14.0 kB');
  });
});

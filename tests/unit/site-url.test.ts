import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrPng } from '../support/qr-decode.ts';
import { projectRoot as root, runAstro } from '../support/temp-project.ts';

/**
 * One setting decides every absolute URL: a build with another SITE_URL (into a temporary
 * output folder; the repo's content is not touched) changes the share snippets, QR codes,
 * leaflet, canonical/Open Graph URLs, robots.txt and the sitemap, and no output of any kind
 * carries a placeholder host (`bluezone.example`, `*.test`, `*.invalid`).
 */
const site = 'https://mttq.camau.gov.vn';
let out = '';

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'site-url-'));
  const result = runAstro(root, 'build', { SITE_URL: `${site}/`, ASTRO_OUT_DIR: join(out, 'dist'), ASTRO_CACHE_DIR: join(root, 'node_modules/.astro-site-url-test') }, 560_000);
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
}, 600_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const file = (path: string) => readFileSync(join(out, 'dist', path));
const text = (path: string) => file(path).toString('utf8');

describe(`a build with SITE_URL=${site}`, () => {
  it('share kit snippets and the install card use the new address only', () => {
    for (const page of ['chia-se/index.html', 'en/share/index.html']) {
      const html = text(page);
      expect(html).toContain(`${site}/huong-dan/`);
      expect(html).toContain(`${site}/qr/`);
      expect(html).not.toContain('bluezone.example');
    }
  });

  it('QR codes lead to the new address', () => {
    expect(decodeQrPng(file('qr/huong-dan.png'))).toBe(`${site}/huong-dan/`);
    expect(decodeQrPng(file('qr/en-guide.png'))).toBe(`${site}/en/guide/`);
    expect(text('huong-dan/to-roi/index.html')).toContain(`${site}/huong-dan/</strong>`);
  });

  it('canonical, Open Graph, robots.txt and the sitemap follow', () => {
    const home = text('index.html');
    expect(home).toContain(`<link rel="canonical" href="${site}/"`);
    expect(home).toContain(`<meta property="og:image" content="${site}/og/card.png"`);
    expect(text('robots.txt')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    expect(text('sitemap-0.xml')).toContain(`<loc>${site}/huong-dan/</loc>`);
    expect(text('phat-thanh/index.html')).toContain('mttq.camau.gov.vn, mục Hướng dẫn');
  });

  it('no output of any kind carries a placeholder host, and letters print their permanent address in full', () => {
    const dist = join(out, 'dist');
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.(html|xml|json|csv|txt|svg|webmanifest|js)$/.test(entry.name));
    expect(files.length).toBeGreaterThan(200);
    const placeholder = /\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(example|invalid)\b|https?:\/\/[a-z0-9.-]+\.test\b/i;
    const offenders = files.map((entry) => join(entry.parentPath, entry.name)).filter((path) => placeholder.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
    expect(text('van-ban/1119-ubnd-kgvx-2020/index.html')).toContain(`${site}/van-ban/1119-ubnd-kgvx-2020/</`);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrPng } from '../support/qr-decode.ts';
import { FIXTURE_SITE as site, injectedHosts } from '../support/fixture-site.ts';
import { BUILD_WAIT, sharedBuild } from '../support/shared-build.ts';
import { TEST_SITE } from '../support/temp-project.ts';

/**
 * One setting decides every absolute URL: the fixture site is built with a SITE_URL that is not
 * the default address, and the share snippets, QR codes, leaflet, canonical/Open Graph URLs,
 * robots.txt and the sitemap follow it; no output of any kind carries a placeholder host
 * (`bluezone.example`, `*.test`, `*.invalid`) beyond the ones the fixtures wrote into content.
 */
let dist = '';
beforeAll(async () => {
  const build = await sharedBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-4000)}`);
  dist = build.dist;
}, BUILD_WAIT);

const file = (path: string) => readFileSync(join(dist, path));
const text = (path: string) => file(path).toString('utf8');

describe(`a build with SITE_URL=${site}`, () => {
  it('is a build for another address than the tests’ default', () => {
    expect(new URL(site).host).not.toBe(new URL(TEST_SITE).host);
  });

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
    expect(text('phat-thanh/index.html')).toContain(`${new URL(site).host}, mục Hướng dẫn`);
  });

  it('no output of any kind carries a placeholder host, and letters print their permanent address in full', () => {
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.(html|xml|json|csv|txt|svg|webmanifest|js)$/.test(entry.name));
    expect(files.length).toBeGreaterThan(200);
    const placeholder = /\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(example|invalid)\b|https?:\/\/[a-z0-9.-]+\.test\b/i;
    // The fixtures' own placeholder links (hostile content, a fixture's source) are content, not the site's: taken out first.
    const withoutInjected = (body: string) => injectedHosts.reduce((rest, host) => rest.replaceAll(host, ''), body);
    const offenders = files.map((entry) => join(entry.parentPath, entry.name)).filter((path) => placeholder.test(withoutInjected(readFileSync(path, 'utf8'))));
    expect(offenders).toEqual([]);
    expect(text('van-ban/1119-ubnd-kgvx-2020/index.html')).toContain(`${site}/van-ban/1119-ubnd-kgvx-2020/</`);
  });
});

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { expect, test } from '@playwright/test';
import { contentTypes, feedFileName, feedType, headersFor } from '../../src/deploy/headers.ts';
import { servedPaths } from '../../src/integrations/deploy-headers.ts';
import { redirects } from '../../src/routing/redirects.ts';
import { resolveHeadersFile } from '../support/headers-file.ts';
import { distDir, watchPageProblems } from './support/site.ts';

/*
 * The deployed site as nginx serves it with deploy/nginx.conf's definition (playwright.config.ts
 * starts it): the same headers as dist/_headers for every file, strict CSP that the pages obey,
 * framing allowed for embeds only, and the embed snippet we offer working in its sandbox.
 */

// One pass (desktop) is enough: headers do not depend on the viewport.
test.describe('deploy configuration', { tag: '@desktop' }, () => {
  test('nginx sends, for every built file, the headers of the definition and of dist/_headers', async ({ request }) => {
    test.setTimeout(300_000);
    const headersFile = readFileSync(`${distDir}/_headers`, 'utf8');
    const paths = await servedPaths(distDir);
    expect(paths.length).toBeGreaterThan(500);
    const mismatches: string[] = [];
    for (const path of paths) {
      const url = path.replace(/(^|\/)index\.html$/, '$1');
      const response = await request.head(url, { maxRedirects: 0 });
      if (url in redirects) {
        if (response.status() !== 301 || response.headers()['location'] !== redirects[url]) mismatches.push(`${url}: ${response.status()} to ${response.headers()['location']}, expected 301 to ${redirects[url]}`);
        continue;
      }
      const got = response.headers();
      const fromFile = resolveHeadersFile(headersFile, url);
      for (const [name, value] of Object.entries(headersFor(url))) {
        if (got[name.toLowerCase()] !== value) mismatches.push(`${url} ${name}: nginx "${got[name.toLowerCase()]}", definition "${value}"`);
        if (fromFile.get(name)?.join(', ') !== value) mismatches.push(`${url} ${name}: _headers "${fromFile.get(name)}", definition "${value}"`);
      }
      const type = url.endsWith(`/${feedFileName}`) ? feedType : url.endsWith('/') ? 'text/html' : contentTypes[extname(url).slice(1)];
      if (!type) mismatches.push(`${url}: no content type defined for ${extname(url) || 'files without extension'}`);
      else if (got['content-type']?.split(';')[0] !== type) mismatches.push(`${url}: Content-Type ${got['content-type']}, expected ${type}`);
      if (/^text\/|json|xml|javascript/.test(type ?? '') && !/charset=utf-8/.test(got['content-type'] ?? '')) mismatches.push(`${url}: ${got['content-type']} without charset`);
      if (response.status() !== 200) mismatches.push(`${url}: status ${response.status()}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('a search with results and a live chart run without any CSP violation', async ({ page }) => {
    const problems = await watchPageProblems(page);
    await page.goto('/tim-kiem/?q=cai+dat');
    await expect(page.locator('.search-results li').first()).toBeVisible();
    await page.goto('/en/search/?q=install');
    await expect(page.locator('.search-results li').first()).toBeVisible();
    await page.goto('/so-lieu/');
    // The live chart loads when a reader points at it (lazy <chart-live>): point, then check.
    await page.locator('chart-live').first().hover();
    await expect(page.locator('chart-live canvas').first()).toBeVisible();
    await page.goto('/chia-se/');
    // The card preview takes its look from the external stylesheet, not from style attributes.
    await expect(page.locator('.card-preview > div')).toHaveCSS('border-top-width', '2px');
    expect(problems).toEqual([]);
  });

  test.describe('framing from another origin', () => {
    let host: Server;
    let hostOrigin = '';
    test.beforeAll(async ({ baseURL }) => {
      // The embed snippet exactly as the chart page offers it, with our test origin for SITE.
      const chartPage = readFileSync(`${distDir}/so-lieu/index.html`, 'utf8');
      const offered = chartPage.match(/<textarea id="luot-tai-toan-quoc-embed-code"[^>]*>([^<]+)<\/textarea>/)?.[1];
      if (!offered) throw new Error('no embed snippet for luot-tai-toan-quoc on /so-lieu/');
      const site = new URL(chartPage.match(/<link rel="canonical" href="([^"]+)"/)![1]!).origin;
      const snippet = offered.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replaceAll(site, baseURL!);
      host = createServer((request, response) => {
        const framed = new URL(request.url ?? '/', 'http://x').searchParams.get('page');
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo ví dụ</title></head><body>
          ${framed ? `<iframe id="framed" src="${baseURL}${framed}" title="x" onload="document.title='loaded'"></iframe>` : snippet}</body></html>`);
      });
      await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
      hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    });
    test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

    test('the offered embed snippet (sandboxed, no referrer) runs the chart and is resized', async ({ page }) => {
      const problems = await watchPageProblems(page);
      await page.goto(`${hostOrigin}/`);
      const iframe = page.locator('iframe[data-bluezone-chart]');
      await expect(iframe).toHaveAttribute('sandbox', /allow-scripts/);
      await expect(iframe).not.toHaveAttribute('sandbox', /allow-same-origin/);
      await expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');
      const frame = page.frameLocator('iframe[data-bluezone-chart]');
      // The live chart wakes when a reader points at it (src/elements/chart-live.ts).
      await frame.locator('chart-live .chart-frame').first().hover();
      await expect(frame.locator('chart-live canvas')).toBeVisible();
      // resize.js sized the iframe to the chart's own report (the snippet's guess differs).
      const reported = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
      await expect.poll(() => iframe.evaluate((el) => Math.ceil(el.getBoundingClientRect().height))).toBe(reported);
      expect(problems).toEqual([]);
    });

    for (const path of ['/', '/so-lieu/', '/tim-kiem/', '/en/statistics/']) {
      test(`${path} refuses to be framed by another origin`, async ({ page }) => {
        await page.goto(`${hostOrigin}/?page=${encodeURIComponent(path)}`);
        // The iframe finished loading (Chromium loads an empty error page in place of a refused one).
        await expect(page).toHaveTitle('loaded');
        await expect(page.frameLocator('#framed').locator('a.skip-link')).toHaveCount(0);
      });
    }

    test('an embed page can be framed by another origin', async ({ page }) => {
      await page.goto(`${hostOrigin}/?page=${encodeURIComponent('/en/embed/luot-tai-toan-quoc/')}`);
      await expect(page).toHaveTitle('loaded');
      await expect(page.frameLocator('#framed').locator('h1')).toContainText('Bluezone');
    });
  });
});

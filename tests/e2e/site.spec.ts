import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LinkChecker } from 'linkinator';
import { redirects } from '../../src/routing/redirects.ts';
import { builtPages, distDir, watchPageProblems } from './support/site.ts';
import { headersFor } from '../../src/deploy/headers.ts';
import { t, type Lang } from '../../src/i18n/index.ts';
import { sectionPath } from '../../src/routing/routes.ts';

const pages = builtPages();

/** The language switch's target in a built page, read from `dist/` (no navigation needed). */
function twinOf(path: string): string | undefined {
  const html = readFileSync(join(distDir, path.endsWith('.html') ? path : join(path, 'index.html')), 'utf8');
  return /<a class="lang-switch" href="([^"]+)"/.exec(html)?.[1];
}

/*
 * Every page once in full on the desktop project (deploy headers, language, landmarks, footer,
 * twin, axe, own origin only, no CSP violation or console error), and once at 360 px on the
 * phone project for what a narrow screen breaks (horizontal scroll, script errors).
 * Axe runs once per page: colour and structure do not change with the width.
 */
test.describe('every page', () => {
  for (const path of pages) {
    test(`${path}: language, twin, accessibility, own origin only, deploy headers, no CSP violation`, async ({ browser, baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'the full pass runs once, at desktop width');
      // AxeBuilder needs a page from an explicit context.
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = await watchPageProblems(page);
      const foreignRequests: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) {
          foreignRequests.push(request.url());
        }
      });
      const response = await page.goto(path);
      expect(response?.status(), 'page is served').toBeLessThan(400);
      const expected = headersFor(path);
      for (const name of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Frame-Options', 'Cache-Control']) {
        expect(response?.headers()[name.toLowerCase()], name).toBe(expected[name]);
      }

      const lang = await page.locator('html').getAttribute('lang');
      expect(lang).toBe(path.startsWith('/en/') ? 'en' : 'vi');
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
      // Every page's footer leads to the accessibility statement in the page's language.
      await expect(page.locator('.site-footer').getByRole('link', { name: t(lang as Lang, 'nav.accessibility'), exact: true })).toHaveAttribute('href', sectionPath('accessibility', lang as Lang));

      // The language switch leads to a built twin page whose switch leads back here.
      const twin = page.locator('a.lang-switch');
      if ((await twin.count()) > 0) {
        const twinPath = (await twin.getAttribute('href'))!;
        expect(twinOf(twinPath), `twin ${twinPath} exists and links back`).toBe(path);
      }

      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(foreignRequests, 'no request leaves the site').toEqual([]);
      expect(problems, 'no CSP violation, console error or script error').toEqual([]);
      await context.close();
    });

    test(`${path}: at 360 px, no horizontal scroll and no script error`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'phone', 'a narrow-screen check');
      const problems = await watchPageProblems(page);
      const response = await page.goto(path);
      expect(response?.status(), 'page is served').toBeLessThan(400);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scroll at 360 px').toBeLessThanOrEqual(0);
      expect(problems, 'no CSP violation, console error or script error').toEqual([]);
    });
  }
});

test('every old URL in the redirect list lands on its new page', async ({ page }) => {
  const entries = Object.entries(redirects);
  expect(entries.length).toBeGreaterThan(0);
  for (const [from, to] of entries) {
    await page.goto(from);
    await page.waitForURL((url) => url.pathname === to);
    expect(new URL(page.url()).pathname).toBe(to);
  }
});

test('no broken internal link or fragment', async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the crawl does not depend on the viewport');
  test.setTimeout(180_000);
  const checker = new LinkChecker();
  const result = await checker.check({
    path: `${baseURL}/`,
    recurse: true,
    checkFragments: true,
    linksToSkip: [`^(?!${baseURL!.replace(/[.]/g, '\\.')})`],
  });
  const broken = result.links.filter((link) => link.state === 'BROKEN');
  const checked = result.links.filter((link) => link.state === 'OK');
  // A skip pattern that skipped everything would pass vacuously: the crawl must reach the site.
  expect(checked.length).toBeGreaterThan(pages.length);
  expect(broken.map((link) => `${link.parent} → ${link.url} (${link.status})`)).toEqual([]);
});

test('the 404 page is real and leads to the guide', async ({ page }) => {
  const response = await page.goto('/khong-co-trang-nay/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('main a[href="/huong-dan/"]').first()).toBeVisible();
  await page.goto('/en/no-such-page/');
  await expect(page.locator('main a[href="/en/guide/"]').first()).toBeVisible();
});

test('the footer leads to the accessibility statement in both languages, and the statements are twins', async ({ page }) => {
  for (const [start, lang] of [['/huong-dan/', 'vi'], ['/en/statistics/', 'en']] as const) {
    await page.goto(start);
    await page.locator('.site-footer').getByRole('link', { name: t(lang, 'nav.accessibility'), exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1')).toHaveText(t(lang, 'a11y.title'));
    // The standard aimed at, and an honest line on screen readers, are on the page.
    await expect(page.locator('main')).toContainText(t(lang, 'a11y.standard'));
    await expect(page.locator('main')).toContainText(t(lang, 'a11y.testedScreenReader'));
    const other = lang === 'vi' ? 'en' : 'vi';
    await page.locator('a.lang-switch').click();
    await expect(page.locator('h1')).toHaveText(t(other, 'a11y.title'));
  }
});

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LinkChecker } from 'linkinator';
import { redirects } from '../../src/routing/redirects.ts';
import { seriousViolations } from './support/axe.ts';
import { test as reusedPageTest } from './support/reused-page.ts';
import { builtPages, distDir } from './support/site.ts';
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
 * phone project for what a narrow screen breaks (horizontal scroll, script errors). Both visit
 * the pages in one page per worker (support/reused-page.ts: service workers blocked, storage
 * cleared between tests), one test per page, so a failure names the page.
 * Axe runs once per page at desktop width: colour and structure do not change with the width.
 * At 360 px it runs again on one page of each kind (below), for what a narrow layout could
 * still change (hidden or reordered content, a collapsed menu, a smaller target).
 */
test.describe('every page', { tag: '@desktop' }, () => {
  for (const path of pages) {
    reusedPageTest(`${path}: language, twin, accessibility, own origin only, deploy headers, no CSP violation`, async ({ reusedPage: { page, problems, foreignRequests } }) => {
      const response = await page.goto(path);
      expect(response?.status(), 'page is served').toBeLessThan(400);
      const expected = headersFor(path);
      for (const name of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Frame-Options', 'Cache-Control']) {
        expect(response?.headers()[name.toLowerCase()], name).toBe(expected[name]);
      }

      // Read in one pass: each locator call after a navigation costs a round trip, and the first
      // one sets up Playwright's selector engine in the new document (≈ 85 ms a page).
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1Count: document.querySelectorAll('h1').length,
        skipLinkHref: document.querySelector('a.skip-link')?.getAttribute('href'),
        footerLinks: [...document.querySelectorAll<HTMLAnchorElement>('.site-footer a[href]')].map((a) => ({
          name: (a.getAttribute('aria-label') ?? a.textContent ?? '').replace(/\s+/g, ' ').trim(),
          href: a.getAttribute('href'),
        })),
        twinHref: document.querySelector('a.lang-switch')?.getAttribute('href'),
      }));
      const lang: Lang = path.startsWith('/en/') ? 'en' : 'vi';
      expect(seen.lang).toBe(lang);
      expect(seen.h1Count, 'one h1').toBe(1);
      expect(seen.skipLinkHref).toBe('#main');
      // Every page's footer leads to the accessibility statement in the page's language.
      expect(seen.footerLinks).toContainEqual({ name: t(lang, 'nav.accessibility'), href: sectionPath('accessibility', lang) });

      // The language switch leads to a built twin page whose switch leads back here.
      if (seen.twinHref) expect(twinOf(seen.twinHref), `twin ${seen.twinHref} exists and links back`).toBe(path);

      expect(await seriousViolations(page)).toEqual([]);
      expect(foreignRequests, 'no request leaves the site').toEqual([]);
      expect(problems, 'no CSP violation, console error or script error').toEqual([]);
    });
  }
});

test.describe('every page at 360 px', { tag: '@phone' }, () => {
  for (const path of pages) {
    reusedPageTest(`${path}: no horizontal scroll and no script error at 360 px`, async ({ reusedPage: { page, problems }, viewport }) => {
      expect(viewport?.width).toBe(360);
      const response = await page.goto(path);
      expect(response?.status(), 'page is served').toBeLessThan(400);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scroll at 360 px (px)').toBe(0);
      expect(problems, 'no CSP violation, console error or script error').toEqual([]);
    });
  }
});

/**
 * The kinds of page, by path, in both languages. At 360 px axe runs on the largest built page
 * of each kind (the most content has the most to check). A page no pattern claims is a kind of
 * its own, so a new section is checked at 360 px without touching this list.
 */
const kinds: [string, RegExp][] = [
  ['home', /^\/(en\/)?$/],
  ['guide index', /^\/(huong-dan|en\/guide)\/$/],
  ['leaflet', /^\/(huong-dan\/to-roi|en\/guide\/leaflet)\//],
  ['guide page', /^\/(huong-dan|en\/guide)\/[^/]+\/$/],
  ['FAQ', /^\/(hoi-dap|en\/faq)\/$/],
  ['statistics', /^\/(so-lieu|en\/statistics)\/$/],
  ['map', /^\/(so-lieu\/ban-do|en\/statistics\/map)\/$/],
  ['province statistics', /^\/(so-lieu|en\/statistics)\/[^/]+\/$/],
  ['district statistics', /^\/(so-lieu|en\/statistics)\/[^/]+\/[^/]+\/$/],
  ['letter list', /^\/(van-ban|en\/directives)\/$/],
  ['letter timeline', /^\/(van-ban\/dong-thoi-gian|en\/directives\/timeline)\/$/],
  ['letters not in the library', /^\/(van-ban\/chua-co|en\/directives\/not-in-library)\/$/],
  ['letters by province, level or year', /^\/(van-ban\/(tinh|cap|nam)|en\/directives\/(province|level|year))\/[^/]+\/$/],
  ['letter', /^\/(van-ban|en\/directives)\/[^/]+\/$/],
  ['share kit', /^\/(chia-se|en\/share)\/$/],
  ['search', /^\/(tim-kiem|en\/search)\/$/],
  ['data', /^\/(du-lieu|en\/data)\/$/],
  ['radio', /^\/phat-thanh\/$/],
  ['province radio text', /^\/phat-thanh\/[^/]+\/$/],
  ['map embed', /^\/(nhung|en\/embed)\/ban-do-[^/]+\/$/],
  ['chart embed', /^\/(nhung|en\/embed)\/[^/]+\/$/],
  ['accessibility statement', /^\/(kha-nang-tiep-can|en\/accessibility)\/$/],
  ['404', /^\/404\.html$/],
];
const kindOf = (path: string) => kinds.find(([, pattern]) => pattern.test(path))?.[0] ?? path;
const htmlSize = (path: string) => statSync(join(distDir, path.endsWith('.html') ? path : join(path, 'index.html'))).size;
const onePageOfEachKind = [
  ...Map.groupBy(builtPages({ includeEmbeds: true }), kindOf)
    .entries()
    .map(([kind, paths]) => [kind, paths.reduce((a, b) => (htmlSize(b) > htmlSize(a) ? b : a))] as const),
];

test.describe('one page of each kind at 360 px', { tag: '@phone' }, () => {
  for (const [kind, path] of onePageOfEachKind) {
    reusedPageTest(`${kind} (${path}): no serious axe violation at 360 px`, async ({ reusedPage: { page }, viewport }) => {
      expect(viewport?.width).toBe(360);
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

// Where a URL leads does not depend on the width; the browser follows the server's 301 or the
// fallback page's meta refresh, and the test waits until the new page's URL is committed.
test('every old URL in the redirect list lands on its new page', { tag: '@desktop' }, async ({ page }) => {
  const entries = Object.entries(redirects);
  expect(entries.length).toBeGreaterThan(0);
  for (const [from, to] of entries) {
    await page.goto(from, { waitUntil: 'commit' });
    await page.waitForURL((url) => url.pathname === to, { waitUntil: 'commit' });
    expect(new URL(page.url()).pathname).toBe(to);
  }
});

// The crawl does not depend on the viewport.
test('no broken internal link or fragment', { tag: '@desktop' }, async ({ baseURL }) => {
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

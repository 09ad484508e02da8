import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { budgets, groupBudgets, groupTotal, weighPage } from '../../scripts/lib/page-weight.ts';
import { distDir } from './support/site.ts';

/** The stable guide URLs of the issue, each with its twin. Officials link to these: never change them. */
const pairs: [vi: string, en: string][] = [
  ['/', '/en/'],
  ['/huong-dan/', '/en/guide/'],
  ['/huong-dan/android/', '/en/guide/android/'],
  ['/huong-dan/iphone/', '/en/guide/iphone/'],
  ['/huong-dan/khac-phuc-loi/', '/en/guide/troubleshooting/'],
  ['/huong-dan/giup-nguoi-khac-cai-dat/', '/en/guide/helping-others/'],
  ['/hoi-dap/', '/en/faq/'],
];
const guidePages = pairs.flat().filter((path) => path !== '/' && path !== '/en/');
const stepPages = guidePages.filter((path) => /\/(huong-dan|en\/guide)\/./.test(path));

/** Anchors that home pages, leaflets and officials link to. */
const faqAnchors = {
  '/hoi-dap/': ['bluezone-thu-thap-gi', 'co-ton-pin-khong', 'vi-sao-phai-bat-bluetooth', 'dien-thoai-cu', 'khong-co-dien-thoai-thong-minh', 'bi-canh-bao-thi-lam-gi'],
  '/en/faq/': ['what-does-bluezone-collect', 'battery', 'why-bluetooth-on', 'old-phone', 'no-smartphone', 'exposure-alert'],
};

/** A built page's weight as `npm run report` counts it (files read from dist/, gzip level 9). */
function weighBuilt(path: string) {
  const fileBytes = (url: string) => {
    const local = join(distDir, new URL(url, `http://x${path}`).pathname);
    return existsSync(local) && statSync(local).isFile() ? readFileSync(local) : undefined;
  };
  return weighPage(path, builtHtml(path), fileBytes, (data) => gzipSync(data, { level: 9 }).byteLength);
}

function builtHtml(path: string): string {
  return readFileSync(join(distDir, path, 'index.html'), 'utf8');
}

test.describe('every guide page exists in both languages and links its twin', () => {
  for (const [vi, en] of pairs) {
    test(`${vi} ⇄ ${en}`, { tag: '@desktop' }, async ({ page }) => {
      for (const [path, twin, lang] of [[vi, en, 'vi'], [en, vi, 'en']] as const) {
        const response = await page.goto(path);
        expect(response?.status(), `${path} is served`).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('a.lang-switch')).toHaveAttribute('href', twin);
        await expect(page.locator(`link[rel="alternate"][hreflang="${lang === 'vi' ? 'en' : 'vi'}"]`)).toHaveAttribute('href', new RegExp(`${twin}$`));
      }
    });
  }
});

test.describe('guide pages are light: one small script (offline registration, share panel elements)', () => {
  for (const path of guidePages) {
    // A property of the built files, not of the viewport.
    test(`${path}: one script request (offline registration, share panel), HTML+CSS and JS within budget`, { tag: '@desktop' }, async ({ page }) => {
      const jsRequests: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') jsRequests.push(request.url());
      });
      await page.goto(path);
      const scripts = page.locator('script:not([type="application/ld+json"])');
      await expect(scripts).toHaveCount(1);
      const src = await scripts.getAttribute('src');
      const script = readFileSync(join(distDir, src!), 'utf8');
      expect(script).toContain('serviceWorker');
      expect(script).toContain('share-sheet');
      expect(jsRequests.map((url) => new URL(url).pathname)).toEqual([src]);

      const weight = weighBuilt(path);
      const budget = budgets.find((b) => b.match.test(path))!;
      expect(budget, 'a budget covers this page').toBeDefined();
      expect(weight.html + weight.css, 'HTML+CSS gzipped').toBeLessThanOrEqual(budget.maxHtmlCss);
      expect(weight.js).toBeLessThanOrEqual(budget.maxJs);
      expect(weight.missing).toEqual([]);
    });
  }
});

// The "whole guide within 100 KB gzipped", read cover to cover with every illustration,
// counting each shared stylesheet and script again on every page (as if nothing were cached).
for (const group of groupBudgets) {
  test(`the whole ${group.name} with its illustrations stays within ${group.maxTotal / 1024} kB gzipped`, { tag: '@desktop' }, () => {
    const pages = group.paths.map(weighBuilt);
    for (const page of pages) expect(page.missing, page.path).toEqual([]);
    expect(groupTotal(pages, group)).toBeLessThanOrEqual(group.maxTotal);
  });
}

test.describe('every step has an illustration', () => {
  for (const path of stepPages) {
    test(`${path}: steps, pictures, alt text, small drawings`, async ({ page }) => {
      await page.goto(path);
      const steps = page.locator('ol.steps > li.step');
      // Every step read in one pass (a round trip per attribute made this the slowest guide test).
      const found = await steps.evaluateAll((items) =>
        items.map((step) => {
          const img = step.querySelectorAll('figure img');
          return {
            headings: step.querySelectorAll('h3').length,
            images: img.length,
            alt: img[0]?.getAttribute('alt')?.trim() ?? '',
            size: [img[0]?.getAttribute('width'), img[0]?.getAttribute('height'), img[0]?.getAttribute('loading')],
            src: img[0]?.getAttribute('src') ?? '',
            caption: step.querySelector('figcaption')?.textContent ?? '',
          };
        }),
      );
      expect(found.length, 'the page has numbered steps').toBeGreaterThan(0);
      const label = path.startsWith('/en/') ? 'Illustration' : 'Hình minh họa';
      found.forEach((step, i) => {
        const where = `step ${i + 1}`;
        expect(step.headings, `${where}: one h3`).toBe(1);
        expect(step.images, `${where}: one picture`).toBe(1);
        expect(step.alt.length, `${where} alt text`).toBeGreaterThan(10);
        expect(step.size, `${where}: width, height, loading`).toEqual(['240', '400', 'lazy']);
        expect(step.src, `${where}: the drawing itself, an SVG`).toMatch(/^\/_astro\/.*\.svg$/);
        expect(step.caption, `${where}: caption`).toContain(label);
      });
      // Scrolled into view, each picture draws, from this site, served compressed and small.
      const first = steps.first().locator('img');
      await first.scrollIntoViewIfNeeded();
      await expect.poll(() => first.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      const src = await first.evaluate((el: HTMLImageElement) => el.currentSrc);
      const response = await page.request.get(src, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.ok()).toBe(true);
      expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      const body = (await response.body()).toString('utf8');
      expect(body).toMatch(/^<svg [^>]*viewBox="0 0 240 400"/);
      expect(gzipSync(body, { level: 9 }).byteLength, 'an illustration stays small').toBeLessThan(2_000);
    });
  }
});

// Paper has one size.
test('the guide prints cleanly: no navigation chrome, illustrations kept', { tag: '@desktop' }, async ({ page }, testInfo) => {
  await page.goto('/huong-dan/android/');
  // Browsers load lazy images before printing; do the same before emulating print.
  await page.evaluate(() => document.querySelectorAll('img').forEach((img) => (img.loading = 'eager')));
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-nav', '.site-footer', '.lang-switch', '.guide-nav', '.crumb']) {
    await expect(page.locator(selector).first(), `${selector} hidden on paper`).toBeHidden();
  }
  const images = page.locator('ol.steps figure img');
  const total = await images.count();
  expect(total).toBeGreaterThan(5);
  for (let i = 0; i < total; i++) {
    const box = await images.nth(i).boundingBox();
    expect(box?.height, `illustration ${i + 1} printed`).toBeGreaterThan(50);
  }
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('ol.steps h3').first()).toBeVisible();
  // Store links print their address, since paper cannot be tapped.
  const after = await page.locator('.store-link a').first().evaluate((el) => getComputedStyle(el, '::after').content);
  expect(after).toContain('play.google.com');
  // Printers drop backgrounds: the button must still be readable as black on white.
  const ink = await page.locator('.store-link a').first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  expect(ink).toEqual(['rgb(0, 0, 0)', 'rgba(0, 0, 0, 0)']);
  await page.screenshot({ path: testInfo.outputPath('android-print.png'), fullPage: true });
});

test.describe('facts are cited to the sources listed on the page', () => {
  for (const path of [...stepPages, '/hoi-dap/', '/en/faq/']) {
    test(path, { tag: '@desktop' }, async ({ page }) => {
      await page.goto(path);
      // The citations and the list of sources, read in one pass.
      const { cited, ids } = await page.evaluate(() => ({
        cited: [...document.querySelectorAll('main sup.cite a')].map((a) => ({ target: a.getAttribute('href')!.slice(1), text: a.textContent!.trim() })),
        ids: [...document.querySelectorAll('main section.sources ol > li')].map((li) => li.id),
      }));
      expect(cited.length, 'the page cites its facts').toBeGreaterThan(0);
      expect(ids.length, 'the page lists its sources').toBeGreaterThan(0);
      // Every citation jumps to a line of the list and shows that line's number.
      for (const { target, text } of cited) {
        const index = ids.indexOf(target);
        expect(index, `${target} is listed`).toBeGreaterThanOrEqual(0);
        expect(text, `the citation of ${target}`).toBe(`[${index + 1}]`);
      }
      // Every listed source is cited at least once.
      const citedTargets = new Set(cited.map(({ target }) => target));
      for (const id of ids) expect(citedTargets.has(id), `${id} is cited`).toBe(true);
    });
  }

  test('guides say which app and period they describe, not a day the app was checked', { tag: '@desktop' }, async ({ page }) => {
    for (const [path, words] of [['/huong-dan/android/', 'Hướng dẫn này mô tả Bluezone'], ['/en/guide/android/', 'This guide describes Bluezone']] as const) {
      await page.goto(path);
      const line = page.locator('main p.describes');
      await expect(line).toContainText(words);
      await expect(line.locator('time')).toHaveCount(3);
      await expect(page.locator('main')).not.toContainText(/kiểm tra lần cuối|last checked on 23/);
    }
  });
});

test.describe('FAQ answers have stable anchors', () => {
  for (const [path, anchors] of Object.entries(faqAnchors)) {
    test(path, async ({ page }) => {
      await page.goto(path);
      const ids = await page.locator('article.answer').evaluateAll((els) => els.map((el) => el.id));
      expect(ids.length).toBeGreaterThan(10);
      expect(new Set(ids).size, 'anchors are unique').toBe(ids.length);
      for (const anchor of anchors) expect(ids).toContain(anchor);
      // The list at the top links every answer, and every answer links to itself (read in one pass).
      const links = await page.evaluate((ids) => ids.map((id) => ({ id, inToc: document.querySelectorAll(`.faq-toc a[href="#${id}"]`).length, self: document.getElementById(id)?.querySelector('a.self-link')?.getAttribute('href') })), ids);
      for (const { id, inToc, self } of links) {
        expect(inToc, `${id} in the list at the top`).toBe(1);
        expect(self, `${id} links to itself`).toBe(`#${id}`);
      }
      await page.goto(`${path}#${anchors[1]}`);
      await expect(page.locator(`#${anchors[1]} h3`)).toBeInViewport();
    });
  }
});

test('the home page sends people to their phone guide, the statistics and the directives', async ({ page }) => {
  for (const [home, prefix] of [['/', ''], ['/en/', '/en']] as const) {
    await page.goto(home);
    const android = page.locator('main a.button', { hasText: 'Android' });
    const iphone = page.locator('main a.button', { hasText: 'iPhone' });
    await expect(android).toBeVisible();
    await expect(iphone).toBeVisible();
    expect((await android.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await expect(android).toHaveAttribute('href', home === '/' ? '/huong-dan/android/' : '/en/guide/android/');
    await expect(iphone).toHaveAttribute('href', home === '/' ? '/huong-dan/iphone/' : '/en/guide/iphone/');
    await expect(page.locator(`main a[href="${home === '/' ? '/so-lieu/' : '/en/statistics/'}"]`)).toHaveCount(1);
    await expect(page.locator(`main a[href="${home === '/' ? '/van-ban/' : '/en/directives/'}"]`)).toHaveCount(1);
    await expect(page.locator(`main a[href^="${prefix}${home === '/' ? '/hoi-dap/' : '/faq/'}#"]`)).toHaveCount(1);
  }
});

test('store links go to the official Bluezone listings only', { tag: '@desktop' }, async ({ page }) => {
  await page.goto('/huong-dan/android/');
  await expect(page.locator('.store-link a')).toHaveAttribute('href', 'https://play.google.com/store/apps/details?id=com.mic.bluezone');
  await page.goto('/en/guide/iphone/');
  await expect(page.locator('.store-link a')).toHaveAttribute('href', /^https:\/\/apps\.apple\.com\/.*\/id1508062685$/);
});

import { expect, test, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations } from './support/axe.ts';
import { test as reusedPageTest } from './support/reused-page.ts';
import { builtPages, distDir } from './support/site.ts';

const htmlSize = (path: string) => statSync(join(distDir, path, 'index.html')).size;

/**
 * The province map and the statistics pages on a phone: the map reads without JavaScript (SVG
 * of 63 provinces, legend, table), hover and keyboard show a province's figure, and at 360 px
 * no element of a statistics page or map embed of any kind runs past the screen's edges.
 */

const statisticsPages = builtPages({ includeEmbeds: true }).filter((path) => /^\/(so-lieu|en\/statistics)\//.test(path) || /^\/(nhung|en\/embed)\/ban-do-/.test(path));

/** The kind of a statistics page: its path with the province, district or map id left out (`/so-lieu/*\/*\/`). */
function pageKind(path: string): string {
  return path
    .replace(/^\/(nhung|en\/embed)\/ban-do-[^/]+\//, '/$1/ban-do-*/')
    .replace(/^\/(so-lieu|en\/statistics)\/(?!ban-do\/$|map\/$)[^/]+\//, '/$1/*/')
    .replace(/^(\/(?:so-lieu|en\/statistics)\/\*\/)[^/]+\//, '$1*/');
}

/**
 * One page of each kind in each language (about 90 pages took minutes at 360 px): the one with
 * the largest HTML, as the most content has the most to overflow.
 */
const pagesOfEachKind = [
  ...Map.groupBy(statisticsPages, pageKind)
    .values()
    .map((paths) => paths.reduce((a, b) => (htmlSize(b) > htmlSize(a) ? b : a))),
];
const mapPages = ['/so-lieu/ban-do/', '/en/statistics/map/'];

/** Elements on screen whose box reaches past its edges (visually hidden 1 px helpers aside), as short descriptions. */
async function cutElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // Partly on screen and partly off it: cut. Wholly off screen (the skip link until focused) is a hiding place, not a cut.
      const partly = box.right > 0 && box.left < width;
      if (partly && (box.left < -0.5 || box.right > width + 0.5)) {
        const text = (element.textContent ?? '').trim().slice(0, 40);
        out.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ${Math.round(box.left)}–${Math.round(box.right)} "${text}"`);
      }
    }
    return out;
  });
}

test.describe('statistics pages at 360 px', { tag: '@phone' }, () => {
  // Index, map, province, district and map embed, in both languages.
  expect(new Set(pagesOfEachKind.map(pageKind)).size).toBeGreaterThanOrEqual(10);
  for (const path of pagesOfEachKind) {
    test(`nothing is cut on ${path}`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scroll').toBeLessThanOrEqual(0);
      expect(await cutElements(page)).toEqual([]);
    });
  }
});

test.describe('the map without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of mapPages) {
    test(`${path}: SVG of the 63 provinces, legend naming the no-figure hatch, table of the same figures`, async ({ page }) => {
      await page.goto(path);
      const blocks = page.locator('section.map-block');
      expect(await blocks.count()).toBeGreaterThan(0);
      for (const block of await blocks.all()) {
        const svg = block.locator('svg.province-map');
        await expect(svg).toBeVisible();
        expect(await svg.locator('.map-provinces [data-code]').count()).toBe(63);
        const noFigure = await svg.locator('.map-provinces [data-bin="none"]').count();
        const rows = block.locator('table tbody tr');
        // Every province is either a row of the table or named in the no-figure list.
        expect(await rows.count()).toBe(63 - noFigure);
        const missing = (await block.locator('.map-without').innerText()).split(':').slice(1).join(':').split(',');
        expect(missing).toHaveLength(noFigure);
        await expect(block.locator('.map-legend')).toContainText(path.startsWith('/en/') ? 'no figure' : 'chưa có số liệu');
        await expect(block.locator('.map-attribution')).toContainText('geoBoundaries');
        // The keyboard hint only where the keyboard works.
        await expect(block.locator('.map-details')).toBeHidden();
        // The colour of every table row is the colour of its province on the map.
        for (const row of (await rows.all()).slice(0, 5)) {
          const code = await row.getAttribute('data-code');
          const rowColour = await row.locator('.swatch rect').getAttribute('fill');
          expect(await svg.locator(`.map-provinces [data-code="${code}"]`).getAttribute('fill')).toBe(rowColour);
        }
      }
    });
  }
});

test.describe('the map with JavaScript', () => {
  test('keyboard and pointer show a province and its figure', async ({ page }) => {
    await page.goto('/so-lieu/ban-do/');
    const block = page.locator('section.map-block').first();
    const svg = block.locator('svg.province-map');
    const details = block.locator('.map-details');
    await expect(details).toBeVisible();
    await expect(details).toHaveText(/.+/);
    await svg.focus();
    await expect(svg).toBeFocused();
    await page.keyboard.press('Home');
    const first = block.locator('.map-provinces .is-active');
    await expect(first).toHaveCount(1);
    const name = await first.getAttribute('data-name');
    // Dictionary order: An Giang comes first among the 63.
    expect(name).toBe('An Giang');
    await expect(details).toHaveText(/^An Giang: /);
    await page.keyboard.press('ArrowRight');
    await expect(details).not.toHaveText(/^An Giang: /);
    // A province with a figure: the details say what its table row says.
    const row = block.locator('table tbody tr').first();
    const code = await row.getAttribute('data-code');
    await svg.locator(`.map-provinces [data-code="${code}"]`).hover({ force: true });
    const value = (await row.locator('td').first().innerText()).replace(/^[^:]*:\s*/, '').trim();
    await expect(details).toContainText(value);
    await page.keyboard.press('Escape');
    await expect(block.locator('.map-provinces .is-active')).toHaveCount(0);
  });

  // Axe once, at desktop width: the map page is in site.spec's every-page pass, and site.spec
  // runs axe at 360 px on the map page and on a map embed (the map embeds are not in the chart
  // catalogue that charts.spec's every-embed pass reads).
  for (const path of ['/nhung/ban-do-tai-dan-so/', '/en/embed/ban-do-tai-dan-so/']) {
    reusedPageTest(`axe finds no serious problem on ${path}`, { tag: '@desktop' }, async ({ reusedPage: { page } }) => {
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('province pages show where the province is', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/so-lieu/ca-mau/');
    const locator = page.locator('.locator svg');
    await expect(locator).toBeVisible();
    await expect(locator.locator('title').first()).toHaveText(/Cà Mau/);
    expect(await locator.locator('[data-code="96"]').getAttribute('stroke')).toBe('#000');
  });
});

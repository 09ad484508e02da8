import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { By, Key, until, type WebDriver } from 'selenium-webdriver';
import { viValue, type ChartJson } from './support/chart-json.ts';
import { searchCases } from './support/search-cases.ts';
import { distDir } from './support/site.ts';
import { startWebKit } from './support/webkitgtk.ts';

/**
 * What an iPhone reader does with a script, in WebKit (iPhone Safari's engine, as WebKitGTK,
 * through WebDriver: support/webkitgtk.ts): search (Pagefind's WebAssembly, the đ folding) and a
 * live chart read with the keyboard. The pages are the ones the other browser tests read, served
 * by nginx with the deploy headers (playwright.config.ts), so the CSP WebKit enforces is the real one.
 */
let driver: WebDriver;
let stop: () => Promise<void>;
test.beforeAll(async () => {
  ({ driver, stop } = await startWebKit());
});
test.afterAll(async () => {
  await stop();
});

test('in WebKit, each query people type finds its page first', { tag: '@webkit' }, async ({ baseURL }) => {
  for (const { query, top, why } of searchCases) {
    await driver.get(`${baseURL}/tim-kiem/?${new URLSearchParams({ q: query })}`);
    const status = await driver.wait(until.elementLocated(By.css('.search-status')), 10_000);
    await driver.wait(until.elementTextMatches(status, /\d+ kết quả/), 10_000, `"${query}": no result count`);
    const first = await driver.findElement(By.css('ol.search-results > li h2 a')).getAttribute('href');
    expect(new URL(first ?? '', baseURL).pathname, `"${query}" (${why})`).toMatch(top);
  }
});

test('in WebKit, the live chart wakes on keyboard focus and its tooltips read the published numbers', { tag: '@webkit' }, async ({ baseURL }) => {
  const id = 'ty-le-tai-dan-so';
  const json = JSON.parse(readFileSync(join(distDir, `nhung/${id}/moi-nhat.json`), 'utf8')) as ChartJson;
  await driver.get(`${baseURL}/so-lieu/`);
  // WebKit's driver may hand the page back before its module scripts ran: the frame becomes a tab
  // stop only once <chart-live> is defined (as for a reader, who cannot reach it sooner).
  await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
    customElements.whenDefined('chart-live').then(() => { document.querySelector('#${id} chart-live .chart-frame').focus(); done(); });`);
  // Focusing the static chart loads Chart.js and the spec; the live chart takes the focus.
  const canvas = await driver.wait(until.elementLocated(By.css(`#${id} chart-live canvas`)), 15_000);
  await driver.wait(async () => (await driver.executeScript<boolean>('return document.activeElement?.tagName === "CANVAS"')) === true, 10_000, 'focus moved to the live chart');
  expect(await canvas.getAttribute('aria-label')).toContain(json.summary.vi.slice(0, 20));
  for (const row of json.rows) {
    await driver.actions().sendKeys(Key.ARROW_DOWN).perform();
    const lines = await driver.executeScript<string[]>(
      `const chart = document.querySelector('#${id} chart-live').chart; return (chart?.tooltip?.body ?? []).flatMap((b) => b.lines);`,
    );
    expect(lines.join(' '), `${row.series.vi} ${row.date}`).toContain(viValue(row, 'percent'));
  }
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { writeSearchIndex } from '../../src/integrations/pagefind.ts';
import { searchListFile } from '../../src/lib/search/parts.ts';
import { searchCases as cases } from './support/search-cases.ts';
import { distDir } from './support/site.ts';

/**
 * Search on the built site: Pagefind's index, the `<site-search>` element, the đ folding, the
 * filters, the header box and the page without JavaScript. Each query is one people type on a
 * phone, with the page that must come first.
 */

/** Runs a search through the URL (as the header box does) and returns the result links. */
async function search(page: Page, path: string, query: string, filters: Record<string, string> = {}): Promise<string[]> {
  const params = new URLSearchParams({ q: query, ...filters });
  await page.goto(`${path}?${params}`);
  const links = page.locator('ol.search-results > li h2 a');
  await expect(page.locator('.search-status')).toHaveText(/\d+ (kết quả|results?)/);
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
}

/** The highlighted words of the first result's excerpt. */
async function firstMarks(page: Page): Promise<string[]> {
  return page.locator('ol.search-results > li').first().locator('.search-excerpt mark').allTextContents();
}


test.describe('Vietnamese search', () => {
  for (const { query, top, why } of cases) {
    test(`"${query}" → ${top} (${why})`, { tag: '@desktop' }, async ({ page }) => {
      const results = await search(page, '/tim-kiem/', query);
      expect(results[0]).toMatch(top);
    });
  }

  test('shows six results, and the next six when asked, without reloading', async ({ page }) => {
    await search(page, '/tim-kiem/', 'Bluezone');
    const total = Number((await page.locator('.search-status').textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(12);
    const items = page.locator('ol.search-results > li');
    await expect(items).toHaveCount(6);
    await page.getByRole('button', { name: 'Xem thêm kết quả' }).click();
    await expect(items).toHaveCount(12);
    await expect(items.nth(6).locator('h2 a')).toBeFocused();
    const paths = await items.locator('h2 a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(paths).size, 'no result shown twice').toBe(paths.length);
  });

  test('"dat" and "dien thoai" find đặt and điện thoại, highlighted as written', async ({ page }) => {
    await search(page, '/tim-kiem/', 'dat');
    const marks = await firstMarks(page);
    expect(marks.some((word) => /^đặt/i.test(word))).toBe(true);
    // The folded twins used for indexing never show.
    await expect(page.locator('ol.search-results')).not.toContainText(/\bdat\b/);

    await search(page, '/tim-kiem/', 'dien thoai');
    expect((await firstMarks(page)).map((w) => w.toLowerCase())).toEqual(expect.arrayContaining([expect.stringMatching(/^điện/)]));
    await expect(page.locator('ol.search-results')).not.toContainText(/\bdien\b/);
    // Nor at the start of an excerpt, where Pagefind may cut a word off before its twin (it
    // showed "don đốc", "dap về", "Doan Thanh niên", "dat ứng dụng" for these).
    for (const query of ['cai dat', 'dien thoai', 'bluezone', 'doan thanh nien']) {
      await search(page, '/tim-kiem/', query);
      const excerpts = await page.locator('.search-excerpt').allTextContents();
      expect(excerpts.filter((text) => /^(don|dap|dat|doan|dien|doc|den)\b/i.test(text)), query).toEqual([]);
    }
  });

  test('filters by kind: directives only', async ({ page }) => {
    const results = await search(page, '/tim-kiem/', 'Bluezone', { kind: 'directive' });
    expect(results.length).toBeGreaterThan(1);
    for (const path of results) expect(path).toMatch(/^\/van-ban\//);
    await expect(page.locator('select[name="kind"]')).toHaveValue('directive');
    const faq = await search(page, '/tim-kiem/', 'Bluetooth', { kind: 'faq' });
    for (const path of faq) expect(path).toMatch(/^\/hoi-dap\//);
  });

  test('filters by province: Cà Mau pages and the letters issued there only', { tag: '@desktop' }, async ({ page }) => {
    const results = await search(page, '/tim-kiem/', 'Bluezone', { province: 'Cà Mau' });
    expect(results).toEqual(expect.arrayContaining(['/so-lieu/ca-mau/', '/van-ban/5355-ubnd-kgvx-2020/', '/van-ban/524-mttq-btt-2020/']));
    for (const path of results) expect(path).toMatch(/ca-mau|\/van-ban\/(5355-ubnd-kgvx|524-mttq-btt)-2020\//);
    await expect(page.locator('select[name="province"]')).toHaveValue('Cà Mau');
    await expect(page.locator('select[name="province"] option')).toContainText(['Cà Mau', 'Kiên Giang']);
  });

  test('the province list is the index’s own, in Vietnamese order, read from the build’s list', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/tim-kiem/');
    const options = page.locator('select[name="province"] option:not([value=""])');
    await expect(options.first()).toBeAttached();
    const listed = await options.evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(listed.length).toBeGreaterThan(10);
    // What Pagefind's filter files say, asked of a second copy of its script on the page.
    const indexed = await page.evaluate(async () => {
      const pagefind = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js?filters`)) as { options(o: object): Promise<void>; filters(): Promise<Record<string, Record<string, number>>> };
      await pagefind.options({ noWorker: true });
      return Object.keys((await pagefind.filters())['province'] ?? {});
    });
    expect(listed).toEqual([...indexed].sort(new Intl.Collator('vi').compare));
  });

  test('only main content is indexed: menus and footers do not match', { tag: '@desktop' }, async ({ page }) => {
    // "Trang được tạo ngày" is only in the footer of every page.
    await page.goto('/tim-kiem/?q=' + encodeURIComponent('được tạo ngày'));
    await expect(page.locator('.search-status')).toHaveText(/kết quả|Không tìm thấy/);
    await expect(page.locator('ol.search-results')).not.toContainText('Trang được tạo ngày');
  });
});

test.describe('a search index in parts, as a national site has', () => {
  // The built site's 101 Vietnamese and 69 English searchable pages in parts of 30: Vietnamese in
  // four parts, each dealt every fourth page (guides, statistics and letters in every part).
  let folder: string;
  test.beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'search-parts-'));
    expect((await writeSearchIndex(distDir, folder, 30)).parts).toBeGreaterThanOrEqual(3);
  });
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The results a search says it found. */
  async function found(page: Page, query: string, filters: Record<string, string> = {}): Promise<number> {
    await search(page, '/tim-kiem/', query, filters);
    return Number((await page.locator('.search-status').textContent())!.match(/\d+/)![0]);
  }

  test('finds what the one index finds, with the filters of every part, in one list', { tag: '@desktop' }, async ({ page }) => {
    const queries: [string, Record<string, string>][] = [['Bluezone', {}], ['Bluezone', { province: 'Cà Mau' }], ['cai dat', {}], ['Bluezone', { kind: 'directive' }]];
    const whole: number[] = [];
    for (const [query, filters] of queries) whole.push(await found(page, query, filters));

    // From here on the parts are served in place of the site's index (routing also bypasses the cache).
    const requested: string[] = [];
    await page.route('**/pagefind/**', async (route) => {
      const path = new URL(route.request().url()).pathname;
      requested.push(path);
      const file = join(folder, decodeURIComponent(path.slice('/pagefind/'.length)));
      await (existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 }));
    });
    for (const [i, [query, filters]] of queries.entries()) expect(await found(page, query, filters), `${query} ${JSON.stringify(filters)}`).toBe(whole[i]);
    // A letter by its number comes first, linked by path as the first part's results are.
    expect((await search(page, '/tim-kiem/', '5355'))[0]).toBe('/van-ban/5355-ubnd-kgvx-2020/');
    const hrefs = await page.locator('ol.search-results a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !href.startsWith('/'))).toEqual([]);
    await expect(page.locator('select[name="province"] option')).toContainText(['Cà Mau', 'Kiên Giang']);

    const list = JSON.parse(readFileSync(join(folder, searchListFile), 'utf8')) as Record<string, { parts: string[]; provinces: string[] }>;
    expect(list['vi']!.parts).toEqual(['part-2/', 'part-3/', 'part-4/']);
    for (const part of list['vi']!.parts) expect(requested).toContain(`/pagefind/${part}pagefind-entry.json`);
    // The province list is every part's, and no filter file was needed for it (only the Cà Mau search loaded its filter).
    const options = await page.locator('select[name="province"] option:not([value=""])').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options).toEqual(list['vi']!.provinces);
    // Each further part is searched with the first part's WebAssembly.
    expect(new Set(requested.filter((path) => path.endsWith('.pagefind')))).toEqual(new Set(['/pagefind/wasm.unknown.pagefind']));
  });
});

test('English search uses the English index', { tag: '@desktop' }, async ({ page }) => {
  const results = await search(page, '/en/search/', 'bluetooth');
  for (const path of results) expect(path).toMatch(/^\/en\//);
});

test('the header box on any page searches from the search page, and nothing leaves the site', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url());
  });
  await page.goto('/huong-dan/');
  await page.getByRole('search').getByRole('searchbox').fill('cai dat');
  await page.getByRole('search').getByRole('button').click();
  await expect(page).toHaveURL(/\/tim-kiem\/\?q=cai\+dat/);
  await expect(page.locator('ol.search-results > li').first()).toBeVisible();
  // Typing refines the results in place and keeps the URL shareable.
  await page.locator('#search-q').fill('5355');
  await expect(page.locator('ol.search-results > li h2 a').first()).toHaveAttribute('href', '/van-ban/5355-ubnd-kgvx-2020/');
  await expect(page).toHaveURL(/\?q=5355/);
  expect(foreign).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page explains and links every main section', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/tim-kiem/?q=bluezone');
    await expect(page.locator('form.search-form')).toBeHidden();
    await expect(page.locator('main')).toContainText('cần JavaScript');
    for (const href of ['/huong-dan/', '/hoi-dap/', '/van-ban/', '/so-lieu/']) {
      await expect(page.locator(`main a[href="${href}"]`).first()).toBeVisible();
    }
  });

  test('the header box is a plain form that leads to the search page', async ({ page }) => {
    await page.goto('/');
    const form = page.locator('header form[role="search"]');
    await expect(form).toHaveAttribute('action', '/tim-kiem/');
    await expect(form).toHaveAttribute('method', 'get');
    await expect(page.locator('header nav a[href="/tim-kiem/"]')).toBeVisible();
  });
});

// A property of the files, measured once.
test('the first query downloads at most 150 KB gzipped of index and script', { tag: '@phone' }, async ({ browser }, testInfo) => {
  // A fresh context: nothing cached, as on a phone's first search.
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const type = response.request().resourceType();
    if (response.status() < 300 && (url.pathname.startsWith('/pagefind/') || type === 'script')) {
      // Pagefind's own files are stored compressed; scripts are gzipped as a server sends them.
      bodies.push(response.body().then((body) => ({ url: url.pathname, bytes: url.pathname.startsWith('/pagefind/') && !/\.(js|json)$/.test(url.pathname) ? body.length : gzipSync(body).length })));
    }
  });
  await search(page, '/tim-kiem/', 'cai dat bluezone');
  const files = await Promise.all(bodies);
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  testInfo.annotations.push({ type: 'first query', description: `${total} bytes: ${files.map((f) => `${f.url} ${f.bytes}`).join(', ')}` });
  console.log(`first query: ${total} bytes gzipped\n  ${files.map((f) => `${f.url} ${f.bytes}`).join('\n  ')}`);
  expect(files.some((file) => file.url.endsWith('.pf_index')), 'the index was fetched').toBe(true);
  // A search with no filter needs no filter file: the province list comes with the build's list.
  expect(files.filter((file) => file.url.endsWith('.pf_filter'))).toEqual([]);
  expect(total).toBeLessThanOrEqual(150 * 1024);
  await context.close();
});

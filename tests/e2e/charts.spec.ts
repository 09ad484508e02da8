import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { seriousViolations } from './support/axe.ts';
import { test as reusedPageTest } from './support/reused-page.ts';
import { viValue, type ChartJson } from './support/chart-json.ts';
import { distDir } from './support/site.ts';
import { FEED_SIZE } from '../../src/routing/pagination.ts';

/**
 * Charts on the built site. The reference for every number is the snapshot files themselves
 * (`content/stats/*.json`), read here independently of the chart code: every number in each
 * chart's JSON, CSV, table, SVG and tooltips must be a figure a snapshot publishes.
 */

interface CatalogueEntry {
  id: string;
  kind: 'bar' | 'timeline';
  asOf: string;
  page: { vi: string; en: string };
  embed: { vi: string; en: string };
  images: Record<'vi' | 'en', { svg: string } & Record<'tv' | 'card' | 'square', { png: string; svg: string }>>;
  data: { csv: string; json: string; versions: { asOf: string; csv: string; json: string }[] };
}

const dist = (path: string) => join(distDir, path);
const read = (path: string) => readFileSync(dist(path), 'utf8');
const localPath = (url: string) => new URL(url).pathname;
const catalogue = JSON.parse(read('nhung/index.json')) as { charts: CatalogueEntry[] };

type Published = { value: number; qualifier: string };
/** Every (date, region, measure, basis) → the values the snapshots publish (two sources may report the same day). */
function publishedFigures(): Map<string, Published[]> {
  const figures = new Map<string, Published[]>();
  const add = (key: string, figure: Published) => figures.set(key, [...(figures.get(key) ?? []), figure]);
  for (const file of readdirSync('content/stats').filter((f) => f.endsWith('.json'))) {
    const snapshot = JSON.parse(readFileSync(join('content/stats', file), 'utf8'));
    for (const row of snapshot.rows) {
      const measure = row.measure ?? snapshot.measure;
      if (row.installs !== undefined) add(`${snapshot.asOf}|${row.region.code}|count|${measure}|`, { value: row.installs, qualifier: row.installsQualifier ?? 'exact' });
      if (row.ratePercent !== undefined) {
        add(`${snapshot.asOf}|${row.region.code}|rate|${measure}|${row.rateBasis}`, { value: row.ratePercent, qualifier: row.rateQualifier ?? 'exact' });
      }
    }
  }
  return figures;
}
const published = publishedFigures();

test.describe('every chart carries the snapshot numbers everywhere', () => {
  test('catalogue is not empty and names the national series', { tag: '@desktop' }, () => {
    expect(catalogue.charts.length).toBeGreaterThan(5);
    expect(catalogue.charts.map((c) => c.id)).toContain('luot-tai-toan-quoc');
  });

  for (const entry of catalogue.charts) {
    // Reads files; the viewport does not matter.
    test(`${entry.id}: JSON, CSV, table, SVG and embed agree with the snapshots`, { tag: '@desktop' }, () => {
      const json = JSON.parse(read(localPath(entry.data.json))) as ChartJson;
      // A target chart of a place with no figure on the target's basis draws none, and says so.
      if (json.missing) expect(json.summary.vi).toContain(json.missing.vi);
      else expect(json.rows.length).toBeGreaterThan(0);
      expect(json.asOf).toBe(entry.asOf);
      // 1. One basis per chart (and no unstated basis beside a stated one); every row is a
      // published figure, with the same qualifier.
      const bases = new Set(json.rows.map((row) => `${row.kind}|${row.measure}|${row.basis}`));
      expect(bases.size, 'one basis per chart').toBeLessThanOrEqual(1);
      for (const row of json.rows) {
        const key = `${row.date}|${row.regionCode}|${row.kind}|${row.measure}|${row.kind === 'rate' ? row.basis : ''}`;
        expect(published.get(key) ?? [], key).toContainEqual({ value: row.value, qualifier: row.qualifier });
      }
      const values = json.rows.map((r) => r.value);
      // 2. CSV: same numbers, same order, UTF-8 BOM.
      const csvText = read(localPath(entry.data.csv));
      expect(csvText.charCodeAt(0)).toBe(0xfeff);
      const csv: Record<string, string>[] = parse(csvText, { columns: true, bom: true });
      expect(csv.map((r) => Number(r.value))).toEqual(values);
      // 3. SVG files (the page-sized ones and the embed's): the data Chart.js drew.
      const drawn = (svg: string) => {
        const stamped = /data-values="([^"]+)"/.exec(svg)?.[1];
        expect(stamped, 'SVG carries its drawn data').toBeTruthy();
        const datasets = JSON.parse(stamped!.replace(/&quot;/g, '"')) as number[][];
        return datasets.slice(0, datasets.length - json.targets.length).flat();
      };
      expect(drawn(read(localPath(entry.images.vi.svg)))).toEqual(values);
      const embed = read(`${localPath(entry.embed.vi)}index.html`);
      // The embed shows the drawings of its <picture> (phone and wide): both drew these numbers.
      const drawings = [...embed.matchAll(/<picture class="chart-drawing">([\s\S]*?)<\/picture>/g)].flatMap(([, picture]) => [...picture!.matchAll(/(?:src|srcset)="([^"]+)"/g)].map((m) => m[1]!));
      expect(drawings).toHaveLength(2);
      for (const file of drawings) expect(drawn(read(localPath(new URL(file, entry.embed.vi).href)))).toEqual(values);
      expect(embed).toContain(json.summary.vi.replace(/"/g, '&quot;').slice(0, 40));
      // 4. The table on the chart's page, and the value labels as the reader sees them.
      const pageHtml = read(`${localPath(entry.page.vi).split('#')[0]}index.html`);
      const table = new RegExp(`<table[^>]*data-chart-table="${entry.id}"[^>]*>([\\s\\S]*?)</table>`).exec(pageHtml)?.[1];
      expect(table, 'the page has the chart’s table').toBeTruthy();
      const tableValues = [...table!.matchAll(/<tr[^>]*data-value="([^"]+)"/g)].map((m) => Number(m[1]));
      expect(tableValues).toEqual(values);
      for (const row of json.rows) expect(table).toContain(viValue(row, json.unit));
      // 5. Dated versions exist; the newest holds each line's last figure (every bar), as the latest files do.
      const latestVersion = entry.data.versions.at(-1)!;
      expect(latestVersion.asOf).toBe(entry.asOf);
      const lastOfEachLine = [...new Map(json.rows.map((row) => [row.series.vi, row])).values()];
      const dated = JSON.parse(read(localPath(latestVersion.json))) as ChartJson;
      expect(dated.rows).toEqual(entry.kind === 'bar' ? json.rows : lastOfEachLine);
      const datedCsv: Record<string, string>[] = parse(read(localPath(latestVersion.csv)), { columns: true, bom: true });
      expect(datedCsv.map((r) => Number(r.value))).toEqual(dated.rows.map((r) => r.value));
    });
  }
});

// Reads files.
test('bar charts write each value on the bar, with the basis on the axis', { tag: '@desktop' }, () => {
  const bars = catalogue.charts.filter((c) => c.id.startsWith('ty-le-'));
  expect(bars.length).toBeGreaterThan(0);
  for (const entry of bars) {
    const json = JSON.parse(read(localPath(entry.data.json))) as ChartJson;
    const svg = read(localPath(entry.images.vi.svg));
    for (const row of json.rows) expect(svg).toContain(`>${viValue(row, 'percent')}</text>`);
    expect(svg).toMatch(/>(% dân số|% dân số 15–60 tuổi|% số máy điện thoại thông minh|tài khoản có số điện thoại, [^<]+)<\/text>/);
    expect(json.rows.every((row) => row.basis !== 'not_stated'), 'no unstated basis in a ranking').toBe(true);
  }
});

/** The live chart instance behind a `<chart-live>` (its field is plain JS at run time). */
async function tooltipLines(page: Page, id: string): Promise<string[]> {
  return page.evaluate((chartId) => {
    const element = document.querySelector(`#${chartId} chart-live`) as unknown as { chart?: { tooltip?: { body?: { lines: string[] }[] } } };
    return element.chart?.tooltip?.body?.flatMap((b) => b.lines) ?? [];
  }, id);
}

test('live chart: keyboard focus shows tooltips with the same numbers', async ({ page }) => {
  await page.goto('/so-lieu/');
  const id = 'ty-le-tai-dan-so';
  const json = JSON.parse(read(`nhung/${id}/moi-nhat.json`)) as ChartJson;
  const canvas = page.locator(`#${id} chart-live canvas`);
  // Keyboard readers reach the static chart first; focusing it wakes the live one, focus follows.
  await page.locator(`#${id} chart-live .chart-frame`).focus();
  await expect(canvas).toBeFocused();
  await expect(page.locator(`#${id} .chart-frame .chart-drawing`)).toBeHidden();
  await expect(canvas).toHaveAttribute('aria-label', new RegExp(json.summary.vi.slice(0, 20)));
  for (const row of json.rows) {
    await page.keyboard.press('ArrowDown');
    const lines = await tooltipLines(page, id);
    expect(lines.join(' ')).toContain(viValue(row, 'percent'));
  }
  // The national timeline: tooltips read each measured figure, lower bounds in words.
  const national = JSON.parse(read('nhung/luot-tai-toan-quoc/moi-nhat.json')) as ChartJson;
  const timeline = page.locator('#luot-tai-toan-quoc chart-live canvas');
  await page.locator('#luot-tai-toan-quoc chart-live .chart-frame').focus();
  await expect(timeline).toBeFocused();
  const seen: string[] = [];
  for (let i = 0; i < national.rows.length; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push(...(await tooltipLines(page, 'luot-tai-toan-quoc')));
  }
  for (const row of national.rows) expect(seen.join('\n')).toContain(viValue(row, 'count'));
});

test('without JavaScript the SVG chart, summary, source and table are there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ['/so-lieu/', '/en/statistics/', '/so-lieu/ca-mau/', '/nhung/luot-tai-toan-quoc/']) {
    await page.goto(path);
    const figures = page.locator('figure.chart-figure');
    const count = await figures.count();
    expect(count, path).toBeGreaterThan(0);
    // Each figure scrolled into view (its drawing is lazy), then all read in one pass.
    for (const figure of await figures.all()) await figure.locator('.chart-drawing img').scrollIntoViewIfNeeded();
    await expect
      .poll(() => figures.locator('.chart-drawing img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((img) => !(img.complete && img.naturalWidth > 0)).length), { message: `${path}: every drawing decoded` })
      .toBe(0);
    const found = await figures.evaluateAll((items) =>
      items.map((figure) => {
        const img = figure.querySelector<HTMLImageElement>('.chart-drawing img')!;
        const box = img.getBoundingClientRect();
        return {
          drawings: figure.querySelectorAll('.chart-drawing img').length,
          visible: box.width > 0 && box.height > 0 && getComputedStyle(img).visibility !== 'hidden',
          src: img.currentSrc,
          summary: figure.querySelector('.chart-summary')?.textContent?.trim() ?? '',
          dates: figure.querySelectorAll('.chart-source time').length,
        };
      }),
    );
    // The phone gets the drawing made for its width, a wide screen the wide one.
    const wide = (page.viewportSize()?.width ?? 0) >= 640;
    found.forEach((figure, i) => {
      const where = `${path} figure ${i + 1}`;
      // One drawing shown (the phone's or the wide one), and it is a picture the browser decoded.
      expect(figure.drawings, `${where}: one drawing`).toBe(1);
      expect(figure.visible, `${where}: drawing visible`).toBe(true);
      expect(figure.src, where).toMatch(wide ? /\/(moi-nhat|latest)\.svg$/ : /-360\.svg$/);
      expect(figure.summary, `${where}: summary`).not.toBe('');
      expect(figure.dates, `${where}: dated source`).toBe(1);
    });
  }
  await context.close();
});

test('chart pages run no chart script until the reader reaches for a chart', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.goto('/so-lieu/', { waitUntil: 'networkidle' });
  const loadedAtFirst = scripts.length;
  await expect(page.locator('chart-live canvas')).toHaveCount(0);
  await expect(page.locator('chart-live .chart-drawing img').first()).toBeVisible();
  // A touch or pointer on one chart brings the engine, for that chart only, with its tooltip.
  const frame = page.locator('#ty-le-tai-dan-so chart-live .chart-frame');
  await frame.hover();
  await expect(page.locator('#ty-le-tai-dan-so chart-live canvas')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(loadedAtFirst);
  await expect(page.locator('chart-live canvas')).toHaveCount(1);
});

test('the live chart fetches its spec when woken; if that fails the drawing stays and the next touch tries again', async ({ page }) => {
  // The page does not carry the specs: they are the charts' own files.
  await page.goto('/so-lieu/');
  expect(await page.locator('script[type="application/json"]').count()).toBe(0);
  const id = 'ty-le-tai-dan-so';
  const file = `/nhung/${id}/moi-nhat-tuong-tac.json`;
  await expect(page.locator(`#${id} chart-live`)).toHaveAttribute('data-spec', file);
  // The file is the chart's spec: its summary is the one the page shows.
  const spec = JSON.parse(read(file.slice(1))) as { id: string; summary: { vi: string } };
  expect(spec.id).toBe(id);
  await expect(page.locator(`#${id} .chart-summary`)).toHaveText(spec.summary.vi);
  let refused = 0;
  await page.route(`**${file}`, (route) => (refused++ === 0 ? route.abort('internetdisconnected') : route.continue()));
  const frame = page.locator(`#${id} chart-live .chart-frame`);
  await frame.hover();
  await expect.poll(() => refused).toBe(1);
  await expect(page.locator(`#${id} .chart-drawing img`)).toBeVisible();
  await expect(page.locator(`#${id} chart-live canvas`)).toHaveCount(0);
  await page.mouse.move(0, 0);
  await frame.hover();
  await expect(page.locator(`#${id} chart-live canvas`)).toBeVisible();
  expect(refused).toBe(2);
});

test('JavaScript on chart pages stays within 70 KB gzipped', { tag: '@desktop' }, async ({ browser }) => {
  for (const path of ['/so-lieu/', '/so-lieu/quang-ninh/', '/en/statistics/', '/nhung/luot-tai-toan-quoc/']) {
    // A fresh context per page: nothing comes from the cache, every script is counted.
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      // Redirects carry no body; the script they lead to is counted when it arrives.
      if (response.request().resourceType() === 'script' && response.status() < 300) scripts.push(response.body());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    // Everything a reader who uses the chart downloads: the live chart loads on hover.
    await page.locator('chart-live .chart-frame').first().hover();
    await expect(page.locator('chart-live canvas').first()).toBeVisible();
    const bodies = await Promise.all(scripts);
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? '').join('\n'));
    const total = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0) + gzipSync(inline).length;
    expect(bodies.length, `${path} loads the chart script`).toBeGreaterThan(0);
    expect(total, `${path}: ${total} bytes of gzipped JS`).toBeLessThanOrEqual(70 * 1024);
    await context.close();
  }
});

test.describe('embeds', () => {
  let host: Server;
  let hostOrigin = '';

  test.beforeAll(async ({ baseURL }) => {
    // A newsroom page on ANOTHER origin (own port), framing our embed with the resize script.
    host = createServer((request, response) => {
      const id = new URL(request.url ?? '/', 'http://x').searchParams.get('id') ?? 'luot-tai-toan-quoc';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo ví dụ</title></head><body>
        <h1>Trang báo thử nghiệm</h1>
        <iframe id="chart" src="${baseURL}/nhung/${id}/" title="Biểu đồ" width="100%" height="150" style="border:0;max-width:1200px"></iframe>
        <script src="${baseURL}/nhung/resize.js" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

  test('render inside a cross-origin iframe and get resized to the chart', async ({ page, baseURL }) => {
    expect(new URL(hostOrigin).origin).not.toBe(new URL(baseURL!).origin);
    const embedResponse = await page.request.get('/nhung/luot-tai-toan-quoc/');
    expect(embedResponse.headers()['x-frame-options']).toBeUndefined();
    expect(embedResponse.headers()['content-security-policy'] ?? '').not.toMatch(/frame-ancestors/);
    await page.goto(`${hostOrigin}/?id=luot-tai-toan-quoc`);
    const frame = page.frameLocator('#chart');
    await expect(frame.locator('h1')).toContainText('Lượt tải Bluezone');
    await expect(frame.locator('chart-live canvas, chart-live .chart-drawing img').first()).toBeVisible();
    await expect(frame.locator('.chart-source a').first()).toHaveAttribute('target', '_top');
    // resize.js set the iframe's height from the embed's message (the initial height was 150).
    await expect.poll(async () => page.locator('#chart').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(300);
  });

  test('resize.js ignores messages from other origins', async ({ page }) => {
    await page.goto(`${hostOrigin}/?id=ty-le-tai-dan-so`);
    await expect.poll(async () => page.locator('#chart').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(150);
    const before = await page.locator('#chart').evaluate((el) => el.getBoundingClientRect().height);
    // The host page itself (another origin than the embed) pretends to be the chart.
    await page.evaluate(() => window.postMessage({ type: 'bluezone-chart:height', id: 'x', height: 9 }, '*'));
    await page.waitForTimeout(300);
    expect(await page.locator('#chart').evaluate((el) => el.getBoundingClientRect().height)).toBe(before);
  });

  test('fit every width from 300 to 1200 px without horizontal scrolling', async ({ page }) => {
    for (const width of [300, 600, 1200]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/nhung/ty-le-tai-dan-so/');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
    }
  });

  // One pass (desktop) is enough; at 360 px site.spec runs axe on one chart embed and one map embed.
  // One test per chart (both languages), so that the about 60 axe runs spread over the workers.
  for (const entry of catalogue.charts) {
    reusedPageTest(`${entry.id}: each embed page has one h1, a link back, no axe violations and own origin only`, { tag: '@desktop' }, async ({ reusedPage: { page, foreignRequests } }) => {
      for (const url of [entry.embed.vi, entry.embed.en]) {
        await page.goto(localPath(url));
        // One evaluate: a first locator call in each new document costs ≈ 85 ms (see site.spec).
        const seen = await page.evaluate(() => ({
          h1Count: document.querySelectorAll('h1').length,
          backLinkTargets: [...document.querySelectorAll('.embed-back a')].map((a) => a.getAttribute('target')),
        }));
        expect(seen.h1Count, `${url}: one h1`).toBe(1);
        expect(seen.backLinkTargets, `${url}: one link back, opening in the top window`).toEqual(['_top']);
        expect((await seriousViolations(page)).map((violation) => `${url} ${violation}`)).toEqual([]);
      }
      expect(foreignRequests).toEqual([]);
    });
  }
});

test('latest feeds: site-wide JSON carries every chart’s summary, RSS the newest charts’', { tag: '@desktop' }, async ({ request }) => {
  const latest = (await (await request.get('/so-lieu/moi-nhat.json')).json()) as { asOf: string; charts: { id: string; summary: { vi: string } }[] };
  expect(latest.charts.map((c) => c.id).sort()).toEqual(catalogue.charts.map((c) => c.id).sort());
  expect(latest.asOf).toBe(catalogue.charts.map((c) => c.asOf).sort().at(-1));
  const rss = await (await request.get('/so-lieu/rss.xml')).text();
  // The newest charts first, at most FEED_SIZE of them (every chart of the committed figures).
  const items = latest.charts.slice(0, FEED_SIZE);
  expect(rss.match(/<item>/g)).toHaveLength(items.length);
  for (const chart of items) expect(rss).toContain(chart.summary.vi.slice(0, 30).replace(/&/g, '&amp;'));
});

test('images: PNG and SVG at TV, card and square sizes for both languages', { tag: '@desktop' }, async ({ request }) => {
  const entry = catalogue.charts.find((c) => c.id === 'luot-tai-toan-quoc')!;
  for (const lang of ['vi', 'en'] as const) {
    for (const [kind, width, height] of [['tv', 1920, 1080], ['card', 1200, 630], ['square', 1080, 1080]] as const) {
      const body = await (await request.get(localPath(entry.images[lang][kind].png))).body();
      expect(body.readUInt32BE(16)).toBe(width);
      expect(body.readUInt32BE(20)).toBe(height);
      const svg = await (await request.get(localPath(entry.images[lang][kind].svg))).text();
      expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    }
  }
});

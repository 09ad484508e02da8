import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** /du-lieu/ and /en/data/ on the built site: every snapshot listed and downloadable, the template served. */

const committed = readdirSync('content/stats')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -5), data: JSON.parse(readFileSync(join('content/stats', f), 'utf8')) }));
const header = 'as_of,region_code,region_name,level,installs,population,adults_15_60,smartphones,rate_percent,rate_basis,rank,rank_of';

for (const { path, template } of [
  { path: '/du-lieu/', template: '/du-lieu/mau-bao-cao.csv' },
  { path: '/en/data/', template: '/en/data/report-template.csv' },
]) {
  test(`${path} lists every committed snapshot with its source, date and JSON download`, { tag: '@desktop' }, async ({ page, request }) => {
    expect(committed.length).toBeGreaterThan(15);
    await page.goto(path);
    const items = page.locator('ol.snapshots > li');
    await expect(items).toHaveCount(committed.length);
    for (const { id, data } of committed) {
      const item = page.locator(`li[id="${id}"]`);
      const [y, m, d] = data.asOf.split('-');
      // Vietnamese style, no leading zeros: 2/8/2020.
      await expect(item.locator('time')).toHaveText(`${Number(d)}/${Number(m)}/${y}`);
      const source = item.locator('h3 a');
      if (data.source.url === undefined && data.source.document === undefined) {
        // A source known only by a plain reference is named, not linked.
        await expect(source).toHaveCount(0);
        await expect(item.locator('h3')).toContainText(data.source.name);
      } else {
        const expected = data.source.url ?? (path === '/du-lieu/' ? `/van-ban/${data.source.document}/` : `/en/directives/${data.source.document}/`);
        await expect(source).toHaveAttribute('href', expected);
      }
      await expect(item.locator(`a[href="/du-lieu/${id}.json"]`)).toHaveCount(1);
    }
    // The JSON served is the committed snapshot, unchanged.
    for (const { id, data } of committed) {
      const response = await request.get(`/du-lieu/${id}.json`);
      expect(response.ok()).toBe(true);
      expect(await response.json()).toEqual(data);
    }
    // No sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test(`${path} offers the blank reporting template and a filled example`, { tag: '@desktop' }, async ({ page, request }) => {
    await page.goto(path);
    await expect(page.locator(`a[href="${template}"]`).first()).toBeVisible();
    const response = await request.get(template);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/); // a static host sets the header by extension; the BOM marks UTF-8 for Excel
    const body = await response.body();
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body.subarray(3).toString('utf8')).toBe(`${header}\r\n`);
    await expect(page.locator('pre.csv').first()).toContainText('2021-01-31,195,Cẩm Phả,district,72014,190232,,,"37,86",population,2,');
    for (const column of header.split(',')) await expect(page.locator('code', { hasText: new RegExp(`^${column}$`) })).toHaveCount(1);
  });
}

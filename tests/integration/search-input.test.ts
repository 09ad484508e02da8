import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageUrl, withoutScripts } from '../../src/integrations/pagefind.ts';
import { addFoldedTwinsToHtml } from '../../src/lib/search/fold.ts';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';

/** Every file of a Pagefind index built from `pages` (path → HTML), as Pagefind writes them. */
async function indexFiles(pages: Record<string, string>): Promise<Map<string, string>> {
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({ excludeSelectors: ['nav', 'textarea', 'svg'] });
  for (const [file, html] of Object.entries(pages)) await index!.addHTMLFile({ url: pageUrl(file), content: addFoldedTwinsToHtml(html) });
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
}

let build: SharedBuild;
beforeAll(async () => {
  build = await sharedBuild();
}, BUILD_WAIT);

describe('what the search index is given', () => {
  it('pages without their scripts (a chart’s inline data) make the same index, from far fewer bytes', async () => {
    const { dist, status } = build;
    expect(status).toBe(0);
    const files = ['so-lieu/index.html', 'so-lieu/ca-mau/index.html', 'huong-dan/android/index.html', 'en/statistics/index.html'];
    const pages = Object.fromEntries(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
    const stripped = Object.fromEntries(Object.entries(pages).map(([file, html]) => [file, withoutScripts(html)]));
    expect(pages['so-lieu/index.html']).toContain('type="application/json"');
    expect(stripped['so-lieu/index.html']).not.toMatch(/<script/i);
    expect(stripped['so-lieu/index.html']!.length).toBeLessThan(0.9 * pages['so-lieu/index.html']!.length);
    const [whole, lighter] = [await indexFiles(pages), await indexFiles(stripped)];
    expect(whole.size).toBeGreaterThan(5);
    expect(lighter).toEqual(whole);
    (await import('pagefind')).close();
  });
});

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexFolder, writeSearchInput } from '../../src/integrations/pagefind.ts';
import { addFoldedTwinsToHtml } from '../../src/lib/search/fold.ts';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';

const temp = mkdtempSync(join(tmpdir(), 'search-input-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes `pages` (path → HTML) under a new folder of `temp`. */
function folderOf(name: string, pages: Record<string, string>): string {
  const dir = join(temp, name);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

/** Every file of the Pagefind index of a folder of pages, as Pagefind writes them. */
async function indexFiles(input: string): Promise<Map<string, string>> {
  const pagefind = await import('pagefind');
  const index = await indexFolder(pagefind, input);
  const { files } = await index.getFiles();
  await index.deleteIndex();
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
    const files = ['so-lieu/index.html', 'so-lieu/ca-mau/index.html', 'huong-dan/android/index.html', 'en/statistics/index.html', 'nhung/luot-tai-toan-quoc/index.html'];
    const pages = Object.fromEntries(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
    // What the build gives Pagefind, and the whole pages with only the đ-twins added.
    const site = folderOf('site', pages);
    const given = join(temp, 'given');
    expect(await writeSearchInput(site, given)).toBe(4);
    const whole = folderOf('whole', Object.fromEntries(Object.entries(pages).filter(([file]) => file !== 'nhung/luot-tai-toan-quoc/index.html').map(([file, html]) => [file, addFoldedTwinsToHtml(html)])));
    // The embed page is not searchable, so it is not given.
    expect(readdirSync(given, { recursive: true }).filter((file) => String(file).endsWith('.html')).sort()).toEqual(files.slice(0, 4).sort());
    const statistics = readFileSync(join(given, 'so-lieu/index.html'), 'utf8');
    expect(pages['so-lieu/index.html']).toContain('type="application/json"');
    expect(statistics).not.toMatch(/<script/i);
    expect(statistics.length).toBeLessThan(0.9 * pages['so-lieu/index.html']!.length);
    const [fromWhole, fromGiven] = [await indexFiles(whole), await indexFiles(given)];
    expect(fromWhole.size).toBeGreaterThan(5);
    expect(fromGiven).toEqual(fromWhole);
    // The same pages make the same index, file for file.
    expect(await indexFiles(given)).toEqual(fromGiven);
    (await import('pagefind')).close();
  });
});

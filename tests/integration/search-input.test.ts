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
  it('the searchable pages as published, đ-words twinned, and the same index each time', async () => {
    const { dist, status } = build;
    expect(status).toBe(0);
    const files = ['so-lieu/index.html', 'so-lieu/ca-mau/index.html', 'huong-dan/android/index.html', 'en/statistics/index.html', 'nhung/luot-tai-toan-quoc/index.html'];
    const pages = Object.fromEntries(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
    const given = join(temp, 'given');
    expect(await writeSearchInput(folderOf('site', pages), given)).toBe(4);
    // The embed page is not searchable, so it is not given.
    expect(readdirSync(given, { recursive: true }).filter((file) => String(file).endsWith('.html')).sort()).toEqual(files.slice(0, 4).sort());
    for (const file of files.slice(0, 4)) expect(readFileSync(join(given, file), 'utf8')).toBe(addFoldedTwinsToHtml(pages[file]!));
    expect(readFileSync(join(given, 'huong-dan/android/index.html'), 'utf8')).toMatch(/cài đặt dat/i);
    const first = await indexFiles(given);
    expect(first.size).toBeGreaterThan(5);
    // The same pages make the same index, file for file (Pagefind reads the folder on every core).
    expect(await indexFiles(given)).toEqual(first);
    (await import('pagefind')).close();
  });
});

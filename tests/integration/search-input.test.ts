import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexFolder, writeSearchIndex, writeSearchInput } from '../../src/integrations/pagefind.ts';
import { furtherParts, searchedProvinces, searchListFile } from '../../src/lib/search/parts.ts';
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
    const input = join(temp, 'given');
    // Each language's provinces as the pages' province filter names them (the search page lists them).
    expect(await writeSearchInput(folderOf('site', pages), input)).toEqual({ pages: 4, parts: 1, provinces: { vi: ['Cà Mau'], en: [] } });
    const given = join(input, '1');
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

  it('in parts of so many pages of each language, the further parts listed and carrying index files only', async () => {
    const { dist } = build;
    // Three Vietnamese pages in parts of two: two parts, dealt in turn in path order (huong-dan/…
    // to part 1, so-lieu/ca-mau/… to part 2, so-lieu/… to part 1); the English page alone in part 1.
    const files = ['en/statistics/index.html', 'huong-dan/android/index.html', 'so-lieu/ca-mau/index.html', 'so-lieu/index.html'];
    const site = folderOf('parts-site', Object.fromEntries(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')])));
    const input = join(temp, 'parts-input');
    expect(await writeSearchInput(site, input, 2)).toEqual({ pages: 4, parts: 2, provinces: { vi: ['Cà Mau'], en: [] } });
    const inPart = (part: string) => readdirSync(join(input, part), { recursive: true }).filter((file) => String(file).endsWith('.html')).sort();
    expect(readdirSync(input).sort()).toEqual(['1', '2']);
    expect(inPart('1')).toEqual(['en/statistics/index.html', 'huong-dan/android/index.html', 'so-lieu/index.html']);
    expect(inPart('2')).toEqual(['so-lieu/ca-mau/index.html']);
    expect(readFileSync(join(input, '2', 'so-lieu/ca-mau/index.html'), 'utf8')).toBe(addFoldedTwinsToHtml(readFileSync(join(site, 'so-lieu/ca-mau/index.html'), 'utf8')));

    const output = join(temp, 'parts-output');
    expect(await writeSearchIndex(site, output, 2)).toEqual({ pages: 4, parts: 2, perLanguage: { en: 1, vi: 3 } });
    const list = JSON.parse(readFileSync(join(output, searchListFile), 'utf8')) as unknown;
    expect(list).toEqual({ en: { parts: [], provinces: [] }, vi: { parts: ['part-2/'], provinces: ['Cà Mau'] } });
    expect(furtherParts(list, 'vi')).toEqual(['part-2/']);
    expect(searchedProvinces(list, 'vi')).toEqual(['Cà Mau']);
    const entry = (folder: string) => JSON.parse(readFileSync(join(output, folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry('').languages).map(([language, { page_count }]) => [language, page_count]))).toEqual({ en: 1, vi: 2 });
    expect(Object.keys(entry('part-2').languages)).toEqual(['vi']);
    // The first part carries the script and WebAssembly the browser runs; a further part only its index.
    expect(readdirSync(output)).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.unknown.pagefind', 'wasm.en.pagefind', searchListFile, 'part-2']));
    expect(readdirSync(join(output, 'part-2')).filter((name) => !statSync(join(output, 'part-2', name)).isDirectory()).sort()).toEqual([
      'pagefind-entry.json',
      expect.stringMatching(/^pagefind\.[\w-]+\.pf_meta$/),
    ]);
  });

  it('a search list that is not one is read as no further parts and no provinces', () => {
    expect(furtherParts({ vi: { parts: ['part-2/', '../../evil/', 3, 'part-x/'] } }, 'vi')).toEqual(['part-2/']);
    expect(furtherParts(null, 'vi')).toEqual([]);
    expect(furtherParts({ vi: { parts: 'part-2/' } }, 'vi')).toEqual([]);
    expect(furtherParts({ vi: ['part-2/'] }, 'vi')).toEqual([]);
    expect(furtherParts({ en: { parts: ['part-2/'] } }, 'vi')).toEqual([]);
    expect(searchedProvinces({ vi: { provinces: ['Cà Mau', 7, null, 'Kiên Giang'] } }, 'vi')).toEqual(['Cà Mau', 'Kiên Giang']);
    expect(searchedProvinces({ vi: { provinces: 'Cà Mau' } }, 'vi')).toEqual([]);
    expect(searchedProvinces('[]', 'vi')).toEqual([]);
  });
});

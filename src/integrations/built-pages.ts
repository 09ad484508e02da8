import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Every `.html` file of a build under `dir`, sorted, as paths relative to it with `/`
 * separators (`huong-dan/android/index.html`). Folders named with a dot are skipped: Astro's own
 * working folder (`.prerender/`) may still be being deleted while the search index reads pages.
 */
export async function builtPages(dir: string): Promise<string[]> {
  const top = (await readdir(dir, { withFileTypes: true })).filter((entry) => !entry.name.startsWith('.'));
  const nested = await Promise.all(top.filter((entry) => entry.isDirectory()).map((entry) => readdir(join(dir, entry.name), { recursive: true, withFileTypes: true })));
  return [...top, ...nested.flat()]
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

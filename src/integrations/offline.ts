import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { offlineVersion, PRECACHED_PAGES, precacheList, workerScript } from '../lib/offline/saved-files.ts';
import { builtPages } from './built-pages.ts';

/** `OFFLINE_CACHE=off` at build time: the kill switch (README, "Offline"). */
export function offlineEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.OFFLINE_CACHE !== 'off';
}

/**
 * Writes `<root>/sw.js` for a built site: the offline worker with the list of files to save and a
 * version hashed from their bytes, or, switched off, a worker that removes itself. Returns the
 * line the build prints. The browser tests call it on a changed copy of `dist/` to see an update
 * and a removal reach a browser that saved the site.
 */
export async function writeOfflineWorker(root: string, enabled: boolean): Promise<string> {
  const source = (name: string) => readFile(new URL(`../offline/${name}`, import.meta.url), 'utf8');
  const sources = { worker: await source('worker.js'), killSwitch: await source('kill-switch.js') };
  if (!enabled) {
    await writeFile(join(root, 'sw.js'), workerScript('off', sources));
    return 'offline cache switched off: sw.js removes itself from browsers';
  }
  // Only the saved pages are read: at national scale `dist/` holds gigabytes of HTML.
  const savedFiles = (await builtPages(root))
    .filter((file) => file.endsWith('index.html'))
    .map((file) => ({ file, path: `/${file.replace(/index\.html$/, '')}` }))
    .filter(({ path }) => PRECACHED_PAGES.test(path));
  const pages = await Promise.all(savedFiles.map(async ({ file, path }) => ({ path, html: await readFile(join(root, file), 'utf8') })));
  const precache = precacheList(pages);
  const files = await Promise.all(
    precache.map(async (url) => {
      const file = join(root, decodeURIComponent(url), url.endsWith('/') ? 'index.html' : '');
      try {
        return { url, bytes: await readFile(file) };
      } catch {
        throw new Error(`offline cache: ${url} is referenced by a saved page but ${file} was not built`);
      }
    }),
  );
  const version = offlineVersion(files, sources.worker);
  await writeFile(join(root, 'sw.js'), workerScript({ version, precache }, sources));
  const kb = files.reduce((sum, file) => sum + file.bytes.byteLength, 0) / 1024;
  return `sw.js: ${precache.length} files saved for offline (${kb.toFixed(1)} KB before compression), version ${version}`;
}

/**
 * Writes `/sw.js` after the build (`writeOfflineWorker`). Pages learn which worker it is through
 * `__OFFLINE_CACHE__` (register, or unregister what an earlier build installed).
 */
export function offlineCache(): AstroIntegration {
  const enabled = offlineEnabled();
  return {
    name: 'bluezone:offline',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __OFFLINE_CACHE__: JSON.stringify(enabled) } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(await writeOfflineWorker(fileURLToPath(dir), enabled));
      },
    },
  };
}

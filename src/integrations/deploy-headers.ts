import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { netlifyHeaders } from '../deploy/headers.ts';

/** Every file a host serves from the built site, as a URL path (`/so-lieu/rss.xml`). */
export async function servedPaths(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => '/' + relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== '/_headers' && path !== '/_redirects')
    .sort();
}

/**
 * Writes `_headers` (Netlify, Cloudflare Pages) from `src/deploy/headers.ts`. Listed last in
 * astro.config.mjs, so it sees the files the other integrations write (search index, images).
 */
export function deployHeaders(): AstroIntegration {
  return {
    name: 'bluezone:deploy-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), netlifyHeaders(await servedPaths(fileURLToPath(dir))));
      },
    },
  };
}

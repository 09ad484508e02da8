import { copyFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * `@astrojs/sitemap` writes `sitemap-index.xml` (+ `sitemap-0.xml`); many tools and officials
 * look for `/sitemap.xml`. This copies the index there, after the sitemap integration has run.
 */
export function sitemapAlias(): AstroIntegration {
  return {
    name: 'bluezone:sitemap-alias',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await copyFile(new URL('sitemap-index.xml', dir), new URL('sitemap.xml', dir));
      },
    },
  };
}

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { redirects } from './src/redirects.ts';
import { redirectsFile } from './src/integrations/redirects-file.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { sitemapAlias } from './src/integrations/sitemap-alias.ts';
import { offlineCache } from './src/integrations/offline.ts';
import { inSitemap } from './src/lib/sitemap.ts';

/**
 * Every absolute URL (canonical links, feeds, QR codes, share snippets) derives from `site`.
 * Deployers set SITE_URL to the address the portal is published at.
 */
const site = process.env.SITE_URL ?? 'https://bluezone.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Separate output and cache folders let tests build temporary copies side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: {
    format: 'directory',
    // One request fewer on a weak mobile link: the whole stylesheet is small enough to inline.
    inlineStylesheets: 'always',
  },
  redirects,
  // Guide illustrations are our own SVG drawings (content/images/guides/); rasterising them to
  // AVIF/WebP at phone sizes keeps them small and lets <Picture> pick a format. Only trusted,
  // committed SVGs go through astro:assets, so the denial-of-service risk this flag guards is moot.
  image: { dangerouslyProcessSVG: true },
  integrations: [mdx(), sitemap({ filter: inSitemap }), sitemapAlias(), redirectsFile(redirects), ogImages(site), pagefindIndex(), offlineCache()],
  // Scripts stay external files, however small: the content security policy allows no inline script.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
});

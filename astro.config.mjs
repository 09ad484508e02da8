// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { redirects } from './src/routing/redirects.ts';
import { redirectsFile } from './src/integrations/redirects-file.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { sitemapAlias } from './src/integrations/sitemap-alias.ts';
import { offlineCache } from './src/integrations/offline.ts';
import { inSitemap } from './src/routing/sitemap.ts';
import { mdxAllowlist } from './src/content/mdx-allowlist.ts';
import { deployHeaders } from './src/integrations/deploy-headers.ts';
import { incrementalOutDir } from './src/integrations/out-dir.ts';
import { checkBuildEnv, PAGES_RENDERED_AT_ONCE } from './src/lib/core/build-env.ts';
import { embedProtocol } from './src/lib/core/embed-protocol.ts';

/**
 * Every absolute URL (canonical links, feeds, QR codes, share snippets) derives from `site`.
 * Deployers set SITE_URL to the address the portal is published at; `astro build` refuses to run
 * without a real one (`npm start` sets the local address itself: scripts/start.ts). A bad
 * SITE_URL or SOURCE_DATE_EPOCH ends the build here with one line naming it.
 */
const { site } = checkBuildEnv(process.argv.slice(2).includes('build'));

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Separate output and cache folders let tests build temporary copies side by side.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: {
    format: 'directory',
    // Stylesheets and scripts are external files (never inlined, whatever their size), so the
    // Content-Security-Policy (src/deploy/headers.ts) needs no 'unsafe-inline'; they are
    // content-hashed under /_astro/ and cached for a year.
    inlineStylesheets: 'never',
    concurrency: PAGES_RENDERED_AT_ONCE,
  },
  // The embed page's height message is named after the campaign's app, compiled in (no campaign file in the browser).
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive that Rolldown warns about
        // once per letter (withastro/astro#18087): 12 lines each, 12.000 lines at 1.000 letters.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    define: { __EMBED_HEIGHT_MESSAGE__: JSON.stringify(embedProtocol.heightMessage) },
  },
  redirects,
  // A rebuild copies each page or file whose route gave the same `cacheKey` as last time (and whose
  // code is unchanged) from Astro's cache instead of making it again; keys digest what it is made
  // from (README, "Incremental build"). `astro build --force` makes everything.
  experimental: { incrementalBuild: true },
  // @astrojs/mdx 8 compiles with Sätteri and ignores remark/rehype plugins, so the content allowlist
  // (MDX is data, not code) is a Sätteri mdast plugin on the processor MDX really runs (guides and
  // FAQ; letters never reach it: src/content/letter-loader.ts makes them HTML and checks them).
  integrations: [incrementalOutDir(), mdx({ processor: satteri({ mdastPlugins: [mdxAllowlist] }) }), sitemap({ filter: inSitemap }), sitemapAlias(), redirectsFile(redirects), ogImages(site), pagefindIndex(), offlineCache(), deployHeaders()],
});

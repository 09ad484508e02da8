import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderOgCard } from '../lib/og.ts';
import { publicHost } from '../lib/routes.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/** The `content` of `<meta property="…">` in a built page, entities decoded. */
export function metaProperty(html: string, property: string): string | undefined {
  const tag = new RegExp(`<meta\\s[^>]*property="${property}"[^>]*>`).exec(html)?.[0];
  const content = tag && /\scontent="([^"]*)"/.exec(tag)?.[1];
  return content?.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => entities[name] ?? '');
}

/**
 * Draws the Open Graph card of every built page that announces one (`og:image` under `/og/`,
 * set by the base layout), from that page's own `og:title`: a page added later gets its card
 * with no change here. Runs after the build, before Pagefind sees nothing new (cards are PNGs).
 */
export function ogImages(site: string): AstroIntegration {
  return {
    name: 'bluezone:og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // A placeholder address (no SITE_URL) is never printed on a card.
        const host = publicHost(site) ?? '';
        const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        let count = 0;
        for (const file of files) {
          const html = await readFile(join(root, file), 'utf8');
          const image = metaProperty(html, 'og:image');
          if (!image) continue;
          const path = new URL(image).pathname;
          if (!path.startsWith('/og/')) continue;
          const title = metaProperty(html, 'og:title');
          const siteName = metaProperty(html, 'og:site_name');
          if (!title || !siteName) throw new Error(`${file}: og:image without og:title or og:site_name`);
          const target = join(root, path);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, await renderOgCard({ title, siteName, host }));
          count += 1;
        }
        logger.info(`${count} Open Graph cards drawn`);
      },
    },
  };
}

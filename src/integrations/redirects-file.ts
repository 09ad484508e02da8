import { readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * Renders the redirect list in the `_redirects` format read by most static hosts. The format is
 * one rule per line, fields split on white space, so a path that is not a plain site path (space,
 * line break, control character, another origin) would write a different rule: it is refused.
 */
export function formatRedirects(redirects: Record<string, string>): string {
  for (const path of Object.entries(redirects).flat()) {
    if (!/^\/(?!\/)[^\s\u0000-\u001f\u007f]*$/.test(path)) {
      throw new Error(`src/routing/redirects.ts: ${JSON.stringify(path)} is not a site path (one "/…" without spaces or control characters)`);
    }
  }
  return Object.entries(redirects)
    .map(([from, to]) => `${from} ${to} 301`)
    .join('\n')
    .concat('\n');
}

/**
 * Astro's fallback page says `content="0;url=…"`, which the HTML standard (and the Nu checker)
 * reject: the syntax wants a space after the semicolon. Browsers accept both.
 */
export function fixRefresh(html: string, to: string): string {
  const astro = `content="0;url=${to}"`;
  if (!html.includes(astro)) throw new Error(`redirect page for ${to}: Astro's meta refresh changed; update fixRefresh()`);
  return html.replace(astro, `content="0; url=${to}"`);
}

/** Writes `_redirects` next to the static fallback pages Astro already generates, and fixes those. */
export function redirectsFile(redirects: Record<string, string>): AstroIntegration {
  return {
    name: 'bluezone:redirects-file',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_redirects', dir), formatRedirects(redirects));
        for (const [from, to] of Object.entries(redirects)) {
          const page = new URL(`.${from}index.html`, dir);
          await writeFile(page, fixRefresh(await readFile(page, 'utf8'), to));
        }
      },
    },
  };
}

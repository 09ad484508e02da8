import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/** Renders the redirect list in the `_redirects` format read by most static hosts. */
export function formatRedirects(redirects: Record<string, string>): string {
  return Object.entries(redirects)
    .map(([from, to]) => `${from} ${to} 301`)
    .join('\n')
    .concat('\n');
}

/** Writes `_redirects` next to the static fallback pages Astro already generates. */
export function redirectsFile(redirects: Record<string, string>): AstroIntegration {
  return {
    name: 'bluezone:redirects-file',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_redirects', dir), formatRedirects(redirects));
      },
    },
  };
}

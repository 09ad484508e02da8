import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';

/** The folder the build wrote to (same setting as astro.config.mjs). */
export const distDir = process.env.ASTRO_OUT_DIR ?? 'dist';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Whether a built HTML file is one of Astro's redirect fallback pages. */
function isRedirectStub(html: string): boolean {
  return /<meta http-equiv="refresh"/.test(html) && !/<main/.test(html);
}

/**
 * Every real page of the built site as a URL path (`/huong-dan/android/`), redirect stubs and
 * chrome-less embeds excluded unless asked for. Read from `dist/`, so a page added by content
 * alone is tested without touching the tests.
 */
export function builtPages(options: { includeEmbeds?: boolean } = {}): string[] {
  const pages = walk(distDir)
    .filter((file) => file.endsWith('.html'))
    .filter((file) => !isRedirectStub(readFileSync(file, 'utf8')))
    .map((file) => '/' + relative(distDir, file).split(sep).join('/'))
    .map((path) => path.replace(/index\.html$/, ''))
    .filter((path) => options.includeEmbeds || !/^\/(en\/embed|nhung)\//.test(path))
    .sort();
  if (pages.length === 0) throw new Error(`No pages found in ${distDir}: build the site first.`);
  return pages;
}

/** Launch flags our browser tests use, for tests that start a second browser of their own. */
export const headlessFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Collects, from the page and its frames: Content-Security-Policy violations (the
 * `securitypolicyviolation` event, reported through the console), console errors and uncaught
 * script errors. Call before the first navigation; assert that the list stays empty.
 */
export async function watchPageProblems(page: Page): Promise<string[]> {
  await reportCspViolations(page);
  return collectPageProblems(page).problems;
}

/** Makes every page the browser loads in `page` report its CSP violations as console errors. */
export async function reportCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`);
    });
  });
}

/** Console errors (CSP violations among them) and uncaught script errors from now until `stop()`. */
export function collectPageProblems(page: Page): { problems: string[]; stop: () => void } {
  const problems: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  };
  const onError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  return {
    problems,
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onError);
    },
  };
}

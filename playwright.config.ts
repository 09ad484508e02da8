import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import type { ReusedPageOptions } from './tests/e2e/support/reused-page.ts';
import { headlessFlags } from './tests/e2e/support/site.ts';

/**
 * Browser tests run against the production build (`dist/`), served by Debian's nginx with the
 * generated deploy configuration (`npm run serve`: src/deploy/headers.ts), so every page is
 * checked with the headers a real server sends.
 * Chromium: $CHROMIUM_PATH, else Debian's headless shell (/usr/bin/chromium-headless-shell, package
 * chromium-headless-shell: the same Chromium build without the browser's window machinery; the
 * kind Playwright itself runs headless), else Debian's /usr/bin/chromium, else Playwright's own
 * browser (on machines where `npx playwright install` works). The whole suite on a 2-core machine:
 * 4,9 min with the headless shell, 6,6 min with the full browser (600 tests, same build).
 */
const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
const port = Number(process.env.PREVIEW_PORT ?? 4321);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig<object, ReusedPageOptions>({
  testDir: 'tests/e2e',
  // Overridable so that several builds can be tested side by side without clearing each other.
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  use: {
    baseURL,
    /*
     * Every page registers the offline worker, which then saves about 100 files: in a fresh
     * context per test that was most of the browser's work. Only offline.spec tests the worker
     * (in a context that allows it); everywhere else responses come straight from the server.
     */
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: headlessFlags,
    },
  },
  /*
   * Two widths. A test that only makes sense at one of them is tagged `@phone` or `@desktop` and
   * is only defined for that project (never skipped at run time, which still costs a worker's
   * start-up); an untagged test runs at both widths. What does not depend on the width (the
   * content of a page, a file, a feed, a search ranking, a download's size) is checked once, at
   * desktop width; what a reader sees, taps or scrolls is checked at both. A test tagged `@webkit`
   * drives WebKit (iPhone Safari's engine) itself, through WebDriver, and runs only in `webkit`.
   */
  projects: [
    { name: 'phone', grepInvert: /@desktop\b|@webkit\b/, use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 } } },
    // Every desktop test on the shared page runs axe, so there axe comes with each document.
    { name: 'desktop', grepInvert: /@phone\b|@webkit\b/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, axeOnLoad: true } },
    { name: 'webkit', grep: /@webkit\b/ },
  ],
  webServer: {
    command: 'node scripts/serve.ts',
    env: { PREVIEW_PORT: String(port) },
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM lets scripts/serve.ts stop nginx and delete its temporary folder (the default kill left one behind per run).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});

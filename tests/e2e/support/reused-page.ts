import { test as base, type Page, type Request } from '@playwright/test';
import { axeSource } from './axe.ts';
import { collectPageProblems, reportCspViolations } from './site.ts';

/**
 * One page per worker, reused by the tests that visit every page of the site one after another.
 * A fresh browser context and page cost about as much as loading and checking a page (≈ 330 ms
 * on a 2-core machine, mostly starting a renderer), so these tests share one; what a fresh
 * context gave them is kept by hand:
 * - service workers are blocked in it, so every response comes from the server (the deploy
 *   headers are the server's) and no page is answered from a cache an earlier page filled
 *   (offline.spec tests the service worker itself, in contexts of its own);
 * - each test has its own lists of problems and of requests that left the site; cookies and storage are cleared after it;
 * - a page left closed or crashed by a failed test is replaced for the next one.
 * With the worker option `axeOnLoad` (the desktop project, where every test of the shared page
 * runs axe: playwright.config.ts), axe-core comes with every document as an init script: about
 * 80 ms a page less than evaluating its 550 KB after the load (274 against 356 ms for a load
 * and an axe run, measured over 24 pages in the headless shell).
 */
export interface ReusedPage {
  page: Page;
  /** CSP violations, console errors and uncaught script errors since the test began. */
  problems: string[];
  /** URLs the page requested from another origin since the test began (`data:` and `blob:` are the page's own). */
  foreignRequests: string[];
}

export interface ReusedPageOptions {
  /** Load axe-core with every document of the shared page (for workers whose tests all run axe). */
  axeOnLoad: boolean;
}

export const test = base.extend<{ reusedPage: ReusedPage }, { workerPage: { current?: Page } } & ReusedPageOptions>({
  axeOnLoad: [false, { scope: 'worker', option: true }],
  workerPage: [
    async ({}, use) => {
      const holder: { current?: Page } = {};
      await use(holder);
      await holder.current?.context().close();
    },
    { scope: 'worker' },
  ],
  reusedPage: async ({ browser, workerPage, viewport, baseURL, axeOnLoad }, use) => {
    if (!workerPage.current || workerPage.current.isClosed()) {
      await workerPage.current?.context().close().catch(() => undefined);
      const context = await browser.newContext({ viewport, baseURL, serviceWorkers: 'block' });
      if (axeOnLoad) await context.addInitScript({ content: axeSource });
      const page = await context.newPage();
      page.on('crash', () => void page.close());
      await reportCspViolations(page);
      workerPage.current = page;
    }
    const page = workerPage.current;
    const { problems, stop } = collectPageProblems(page);
    const foreignRequests: string[] = [];
    const onRequest = (request: Request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreignRequests.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await use({ page, problems, foreignRequests });
    } finally {
      stop();
      page.off('request', onRequest);
      if (!page.isClosed()) {
        await page.context().clearCookies();
        await page.evaluate(() => {
          try {
            localStorage.clear();
            sessionStorage.clear();
          } catch {
            // A page without storage (an error page, about:blank) has nothing to clear.
          }
        });
      }
    }
  },
});

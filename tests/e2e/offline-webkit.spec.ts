import { test } from '@playwright/test';
import { offlineJourney } from './support/offline-journey.ts';
import { startWebKit } from './support/webkitgtk.ts';

/**
 * Offline after one visit, in WebKit (iPhone Safari's engine, as WebKitGTK): the journey of
 * support/offline-journey.ts, which offline.spec.ts runs in Chromium. Only in the `webkit`
 * project (playwright.config.ts): this browser is not Playwright's, it is driven by WebDriver.
 */
test('in WebKit, after one visit, every guide, FAQ and leaflet page reads offline, follows the site and can be switched off', { tag: '@webkit' }, async () => {
  test.setTimeout(180_000);
  const webkit = await startWebKit();
  try {
    await offlineJourney({
      open: async (url) => {
        await webkit.driver.get(url);
        // A page WebKit could not load is its own error page, at about:blank.
        return !(await webkit.driver.executeScript<boolean>('return document.documentURI.startsWith("about:")'));
      },
      run: async (fn, arg) => {
        const script = `const done = arguments[arguments.length - 1];
          (${fn.toString()})(arguments[0]).then((value) => done({ value }), (error) => done({ thrown: String(error) }));`;
        const result = await webkit.driver.executeAsyncScript<{ value: Awaited<ReturnType<typeof fn>> } | { thrown: string }>(script, arg);
        if ('thrown' in result) throw new Error(`in the page: ${result.thrown}`);
        return result.value;
      },
    });
  } finally {
    await webkit.stop();
  }
});

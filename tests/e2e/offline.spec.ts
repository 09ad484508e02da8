import { test } from '@playwright/test';
import { offlineJourney } from './support/offline-journey.ts';

/**
 * Offline after one visit, in Chromium (Android Chrome's engine): the journey of
 * support/offline-journey.ts. The same journey runs in WebKit (iPhone Safari's engine) in
 * offline-webkit.spec.ts.
 */
// One width is enough: the worker is the same.
test('after one visit, every guide, FAQ and leaflet page reads offline, follows the site and can be switched off', { tag: '@phone' }, async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  try {
    await offlineJourney({
      open: (url) => page.goto(url).then(
        () => true,
        () => false,
      ),
      run: (fn, arg) => page.evaluate(fn, arg),
    });
  } finally {
    await context.close();
  }
});

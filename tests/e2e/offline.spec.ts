import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { serveDist } from '../../scripts/lib/serve-dist.ts';
import { PRECACHED_PAGES } from '../../src/lib/offline/saved-files.ts';
import { builtPages, distDir } from './support/site.ts';

/**
 * Door to door with no signal: one visit to a guide page while online, then the server is gone
 * (connections refused, as with no coverage) and every guide, FAQ and leaflet page still reads,
 * with its pictures and the one-line saved-copy notice. Our own server (not `astro preview`),
 * so "offline" is real for the page and the service worker alike.
 */
const savedPages = builtPages().filter((path) => PRECACHED_PAGES.test(path));

// One browser is enough: the worker is the same.
test('after one visit, every guide, FAQ and leaflet page reads offline', { tag: '@phone' }, async ({ browser }) => {
  expect(savedPages.length, 'guide pages were built').toBeGreaterThan(5);
  const server = await serveDist(distDir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/huong-dan/`);
    await expect(page.locator('.saved-copy')).toBeHidden();
    // The worker saved everything at install; a statistics page is saved only because it is visited.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await page.goto(`${origin}/so-lieu/`);
    await expect(page.locator('h1')).toBeVisible();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  for (const path of savedPages) {
    await page.goto(`${origin}${path}`);
    await expect(page.locator('main h1'), path).toBeVisible();
    const notice = page.locator('.saved-copy');
    await expect(notice, path).toBeVisible();
    await expect(notice.locator('time'), path).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
    // Every illustration decodes from the saved copies.
    const images = page.locator('main img');
    for (let i = 0; i < (await images.count()); i++) {
      const image = images.nth(i);
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), `${path} image ${i + 1}`).toBe(true);
    }
  }
  // Statistics: the visited page is there, marked as a saved copy; its figures keep their dates.
  await page.goto(`${origin}/so-lieu/`);
  await expect(page.locator('.saved-copy')).toBeVisible();
  await expect(page.locator('.chart-source time').first()).toBeVisible();
  // The chart its reader saw is there too (its drawing was saved when shown).
  const drawing = page.locator('.chart-drawing img').first();
  await expect.poll(() => drawing.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  // Pages that were never saved are not pretended: the browser's own offline error.
  await expect(page.goto(`${origin}/van-ban/`)).rejects.toThrow();
  await context.close();
});

import { describe, expect, it } from 'vitest';
import { chartFilePath } from '../../src/routing/routes.ts';
import { latestNames } from '../../src/lib/charts/publish/files.ts';
import { DRAWINGS_SAVED_WHEN_SHOWN, offlineVersion, precacheList, SAVED_WHEN_VISITED, workerScript } from '../../src/lib/offline/saved-files.ts';

const picture = `<picture><source srcset="/_astro/a.1_x.avif 240w, /_astro/a.1_y.avif 480w" type="image/avif"><img src="/_astro/a.1_z.webp" srcset="/_astro/a.1_z.webp 240w, /_astro/a.1_w.webp 480w" alt="A"></picture>`;
const page = (path: string, body = '') => ({ path, html: `<html lang="vi"><main>${body}</main><script type="module" src="/_astro/offline.js"></script></html>` });

describe('offline cache selection', () => {
  it('saves guide, FAQ and leaflet pages in both languages with every picture candidate', () => {
    const list = precacheList([page('/huong-dan/android/', picture), page('/en/faq/'), page('/huong-dan/to-roi/'), page('/so-lieu/'), page('/van-ban/ct-15/')]);
    expect(list).toEqual(
      expect.arrayContaining(['/huong-dan/android/', '/en/faq/', '/huong-dan/to-roi/', '/_astro/a.1_x.avif', '/_astro/a.1_y.avif', '/_astro/a.1_z.webp', '/_astro/a.1_w.webp', '/_astro/offline.js']),
    );
    expect(list).not.toContain('/so-lieu/');
    expect(list).not.toContain('/van-ban/ct-15/');
  });
  it('skips redirect stubs and pictures on other sites', () => {
    const stub = { path: '/huong-dan/ios/', html: '<meta http-equiv="refresh" content="0;url=/huong-dan/iphone/">' };
    const list = precacheList([stub, page('/hoi-dap/', '<img src="https://elsewhere.example/x.png" alt="x">')]);
    expect(list).not.toContain('/huong-dan/ios/');
    expect(list.some((url) => url.includes('elsewhere'))).toBe(false);
  });
  it('keeps statistics pages only when visited (never precached), and no data files', () => {
    expect(SAVED_WHEN_VISITED.test('/so-lieu/')).toBe(true);
    expect(SAVED_WHEN_VISITED.test('/so-lieu/ca-mau/')).toBe(true);
    expect(SAVED_WHEN_VISITED.test('/so-lieu/moi-nhat.json')).toBe(false);
    expect(SAVED_WHEN_VISITED.test('/van-ban/')).toBe(false);
  });
  it('keeps the drawings a statistics page shows, not the newsroom images or data', () => {
    for (const lang of ['vi', 'en'] as const) {
      const names = latestNames(lang);
      for (const drawing of [names.svg, names.svgNarrow]) expect(DRAWINGS_SAVED_WHEN_SHOWN.test(chartFilePath('luot-tai-toan-quoc', lang, drawing)), drawing).toBe(true);
      for (const other of [names.images.tv.png, names.images.tv.svg, names.csv, names.json]) expect(DRAWINGS_SAVED_WHEN_SHOWN.test(chartFilePath('luot-tai-toan-quoc', lang, other)), other).toBe(false);
    }
  });
});

describe('offline version', () => {
  const files = [{ url: '/huong-dan/', bytes: new TextEncoder().encode('<p>một</p>') }];
  it('changes when a saved file or the worker changes, not with the order of the list', () => {
    const base = offlineVersion(files, 'worker');
    expect(offlineVersion([{ url: '/huong-dan/', bytes: new TextEncoder().encode('<p>hai</p>') }], 'worker')).not.toBe(base);
    expect(offlineVersion(files, 'worker 2')).not.toBe(base);
    const two = [...files, { url: '/hoi-dap/', bytes: new Uint8Array([1]) }];
    expect(offlineVersion(two, 'w')).toBe(offlineVersion([...two].reverse(), 'w'));
  });
  it('switched off, the worker only removes itself and the saved copies', () => {
    const sources = { worker: 'self.addEventListener("fetch", () => {})', killSwitch: 'self.registration.unregister()' };
    expect(workerScript('off', sources)).toBe(sources.killSwitch);
    const on = workerScript({ version: 'abc', precache: ['/huong-dan/'] }, sources);
    expect(on).toContain('"version":"abc"');
    expect(on).toContain(sources.worker);
  });
});

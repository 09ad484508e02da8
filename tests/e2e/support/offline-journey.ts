import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { serveDist } from '../../../scripts/lib/serve-dist.ts';
import { writeOfflineWorker } from '../../../src/integrations/offline.ts';
import { PRECACHED_PAGES } from '../../../src/lib/offline/saved-files.ts';
import { builtPages, distDir } from './site.ts';

/**
 * Door to door with no signal, the same journey in every browser engine we can run here
 * (Chromium: Android Chrome's; WebKitGTK: iPhone Safari's): one visit while online, then the
 * server is gone (connections refused, as with no coverage) and every guide, FAQ and leaflet page
 * still reads, with its pictures and the one-line saved-copy notice; then the site changes and the
 * saved copies follow; then the worker is switched off and the saved copies are gone. Our own
 * server (not `astro preview`), so "offline" is real for the page and the service worker alike.
 */

/** What a journey needs of a browser: open a page, run a function in it. */
export interface OfflineBrowser {
  /** Opens a URL and waits for its load; false when the browser could not load it at all. */
  open(url: string): Promise<boolean>;
  /** Runs an async function in the page with its argument; resolves to its JSON result. */
  run<T>(fn: (arg: InPage) => Promise<T>, arg: InPage): Promise<T>;
}

/** The argument of a function run in the page (see `savedCopies`). */
export interface InPage {
  changedFrom?: string[];
  none?: boolean;
}

/** What a reader sees of a page, read in the page once its pictures have loaded. */
interface Reading {
  heading: string;
  savedCopyNotice: boolean;
  savedOn: string | null;
  /** Each picture of the page's main content, and whether it decoded. */
  pictures: { src: string; decoded: boolean }[];
  /** Dates printed under the charts' sources (statistics pages). */
  sourceDates: number;
}

// Runs in the page: plain JavaScript only, no imports or helpers from this file.
async function readPage(): Promise<Reading> {
  const notice = document.querySelector('.saved-copy');
  const pictures: Reading['pictures'] = [];
  for (const img of Array.from(document.querySelectorAll<HTMLImageElement>('main img'))) {
    // A lazy picture far down the page would wait for a scroll that never comes.
    img.loading = 'eager';
    const decoded = await img.decode().then(
      () => img.naturalWidth > 0,
      () => false,
    );
    pictures.push({ src: img.currentSrc || img.src, decoded });
  }
  return {
    heading: document.querySelector('main h1')?.textContent?.trim() ?? '',
    savedCopyNotice: notice !== null && getComputedStyle(notice).display !== 'none',
    savedOn: notice?.querySelector('time')?.textContent ?? null,
    pictures,
    sourceDates: document.querySelectorAll('.chart-source time').length,
  };
}

// Runs in the page: waits (up to 30 s) until the site's saved copies (`bluezone-…` caches) are one
// version (the worker's first: after its install; `changedFrom`: any but those) or, `none`, gone;
// returns their names.
async function savedCopies({ changedFrom, none }: InPage): Promise<string[]> {
  for (let tries = 0; ; tries++) {
    if (!none && changedFrom === undefined) await navigator.serviceWorker.ready;
    const names = (await caches.keys()).filter((name) => name.startsWith('bluezone-'));
    const done = none ? names.length === 0 : names.length === 1 && !(changedFrom ?? []).includes(names[0]!);
    if (done || tries === 150) return names;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Serves `dir` on `port` (0: any free one) until `close`. */
async function serve(dir: string, port = 0): Promise<{ origin: string; port: number; close(): Promise<void> }> {
  const server: Server = await serveDist(dir, port);
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The built site as the next build would publish it: a copy of `dist/` (hard links, so it costs
 * nothing; a changed file is replaced, never written through the link) with some pages changed
 * and `/sw.js` written again by the build's own code.
 */
function nextBuild(root: string, pages: Record<string, (html: string) => string>, offline: boolean): Promise<string> {
  const copy = join(root, offline ? 'changed' : 'switched-off');
  execFileSync('cp', ['-al', distDir, copy]);
  for (const [path, change] of Object.entries(pages)) {
    const file = join(copy, path, 'index.html');
    const html = change(readFileSync(file, 'utf8'));
    unlinkSync(file);
    writeFileSync(file, html);
  }
  unlinkSync(join(copy, 'sw.js'));
  return writeOfflineWorker(copy, offline).then(() => copy);
}

const CHANGED_PAGE = '/huong-dan/android/';
const CHANGE = 'Bản cập nhật: ';

export async function offlineJourney(browser: OfflineBrowser): Promise<void> {
  const savedPages = builtPages().filter((path) => PRECACHED_PAGES.test(path));
  expect(savedPages.length, 'guide pages were built').toBeGreaterThan(5);
  expect(savedPages).toContain(CHANGED_PAGE);
  const work = mkdtempSync(join(tmpdir(), 'bluezone-offline-'));
  try {
    // 1. One visit, online. A statistics page is saved only because it is visited.
    let site = await serve(distDir);
    const { origin, port } = site;
    let firstCopies: string[];
    try {
      expect(await browser.open(`${origin}/huong-dan/`), 'online: /huong-dan/').toBe(true);
      expect((await browser.run(readPage, {})).savedCopyNotice, 'online, no saved-copy line').toBe(false);
      firstCopies = await browser.run(savedCopies, {});
      expect(firstCopies, 'the worker saved the guide at its first visit').toHaveLength(1);
      expect(await browser.open(`${origin}/so-lieu/`), '/so-lieu/').toBe(true);
      // The reader scrolls through it: every chart drawing is shown, so saved.
      const statistics = await browser.run(readPage, {});
      for (const picture of statistics.pictures) expect(picture.decoded, picture.src).toBe(true);
    } finally {
      await site.close();
    }

    // 2. No network: every saved page reads, marked as a saved copy, with its pictures.
    for (const path of savedPages) {
      expect(await browser.open(`${origin}${path}`), path).toBe(true);
      const page = await browser.run(readPage, {});
      expect(page.heading, path).not.toBe('');
      expect(page.savedCopyNotice, `${path}: the saved-copy line`).toBe(true);
      expect(page.savedOn, `${path}: the day it was saved`).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
      for (const picture of page.pictures) expect(picture.decoded, `${path}: ${picture.src}`).toBe(true);
    }
    // Statistics: the visited page is there, marked as a saved copy, its figures with their dates,
    // and the chart drawings its reader saw (all of them: they scrolled through it).
    expect(await browser.open(`${origin}/so-lieu/`), '/so-lieu/').toBe(true);
    const statistics = await browser.run(readPage, {});
    expect(statistics.savedCopyNotice, '/so-lieu/: the saved-copy line').toBe(true);
    expect(statistics.sourceDates, '/so-lieu/: dated sources').toBeGreaterThan(0);
    expect(statistics.pictures.length, '/so-lieu/: chart drawings').toBeGreaterThan(0);
    for (const picture of statistics.pictures) expect(picture.decoded, picture.src).toBe(true);
    // A page never saved is not pretended: the browser's own offline error.
    expect(await browser.open(`${origin}/van-ban/`), '/van-ban/ is never saved').toBe(false);

    // 3. The site changes: one visit online, and the saved copy is the new one.
    site = await serve(await nextBuild(work, { [CHANGED_PAGE]: (html) => html.replace(/(<main[\s\S]*?<h1[^>]*>)/, `$1${CHANGE}`) }, true), port);
    try {
      expect(await browser.open(`${origin}/huong-dan/`), 'online: /huong-dan/').toBe(true);
      const copies = await browser.run(savedCopies, { changedFrom: firstCopies });
      expect(copies, 'the new version replaced the old saved copies').toHaveLength(1);
      expect(copies).not.toEqual(firstCopies);
    } finally {
      await site.close();
    }
    expect(await browser.open(`${origin}${CHANGED_PAGE}`), `offline after the update: ${CHANGED_PAGE}`).toBe(true);
    const changed = await browser.run(readPage, {});
    expect(changed.savedCopyNotice, `${CHANGED_PAGE}: the saved-copy line`).toBe(true);
    expect(changed.heading.startsWith(CHANGE), `offline, ${CHANGED_PAGE} is the new version: "${changed.heading}"`).toBe(true);

    // 4. Switched off (OFFLINE_CACHE=off): one visit online and no saved copy is left.
    site = await serve(await nextBuild(work, {}, false), port);
    try {
      expect(await browser.open(`${origin}/huong-dan/`), 'online: /huong-dan/').toBe(true);
      expect(await browser.run(savedCopies, { none: true }), 'the switched-off worker deleted the saved copies').toEqual([]);
    } finally {
      await site.close();
    }
    expect(await browser.open(`${origin}${CHANGED_PAGE}`), 'offline after the switch-off, nothing is served from old copies').toBe(false);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

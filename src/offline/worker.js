/* Bluezone service worker (hand-written; see README "Offline"). `CONFIG` is prepended at build:
 * { version, precache: [urls], savedWhenVisited, drawingsSavedWhenShown: regexp sources }.
 * - Guide, FAQ, leaflet and their pictures are saved at the first visit, in a cache named by
 *   the build's version; a new build means a new worker, a new cache, and the old one deleted.
 * - Pages are fetched from the network first; the saved copy is used when the network fails or
 *   is slower than a few seconds, and is then marked `data-saved-copy` with the day it was saved,
 *   which shows the page's one-line notice. Statistics pages are saved only when visited, and
 *   only ever shown with that notice; the chart drawings they showed are saved with them.
 */
const CACHE = `bluezone-${CONFIG.version}`;
const SAVED_AT = 'x-bluezone-saved-at';
const NETWORK_WAIT_MS = 4000;
const precached = new Set(CONFIG.precache);
const savedWhenVisited = new RegExp(CONFIG.savedWhenVisited);
const drawingsSavedWhenShown = new RegExp(CONFIG.drawingsSavedWhenShown);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: straight from the server, not from a stale HTTP cache.
      await Promise.all(CONFIG.precache.map(async (url) => store(cache, url, await fetch(url, { cache: 'reload' }))));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('bluezone-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Stores a successful response with the moment it was saved (shown offline). */
async function store(cache, url, response) {
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  // The stored body is already decoded: the transfer headers no longer describe it.
  headers.delete('content-encoding');
  headers.delete('content-length');
  await cache.put(url, new Response(await response.blob(), { status: response.status, headers }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    if (precached.has(path) || savedWhenVisited.test(path)) event.respondWith(page(event, path));
  } else if (precached.has(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((saved) => saved ?? fetch(request)));
  } else if (drawingsSavedWhenShown.test(url.pathname)) {
    event.respondWith(drawing(url.pathname, request));
  }
});

/** A chart drawing: from the network (it may be newer), saved; the saved one when offline. */
async function drawing(path, request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await store(cache, path, response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(path);
    if (saved) return saved;
    throw error;
  }
}

async function page(event, path) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok && response.type === 'basic' && !response.redirected) await store(cache, path, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, 'slow'));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow') return first;
  } catch {
    // Offline: fall through to the saved copy.
  }
  const saved = await cache.match(path);
  return saved ? markSaved(saved) : network;
}

/** The saved page, marked so that its notice line shows, with the day it was saved. */
async function markSaved(response) {
  const savedAt = new Date(response.headers.get(SAVED_AT) ?? Date.now());
  const html = await response.text();
  const lang = /<html[^>]*\slang="en"/.test(html) ? 'en-GB' : 'vi-VN';
  const day = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' }).format(savedAt);
  const marked = html
    .replace('<html ', '<html data-saved-copy ')
    .replace('<span data-saved-at></span>', `<time datetime="${savedAt.toISOString()}">${day}</time>`);
  return new Response(marked, { status: 200, headers: response.headers });
}

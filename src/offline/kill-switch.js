/* Bluezone service worker, switched off (built with OFFLINE_CACHE=off; see README "Offline").
 * Browsers that installed the offline worker fetch this one at their next visit: it deletes the
 * saved copies and unregisters itself, after which the site works as if it had never had one. */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('bluezone-')) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});

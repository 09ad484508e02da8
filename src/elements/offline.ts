/**
 * Registers the offline worker (`/sw.js`, written by `src/integrations/offline.ts`), or, when
 * the build switched it off, unregisters whatever an earlier build installed. An external module
 * (no inline script, for the CSP), deferred, and after `load` so it never competes with the page.
 */
declare const __OFFLINE_CACHE__: boolean;

if ('serviceWorker' in navigator) {
  if (__OFFLINE_CACHE__) {
    addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
  } else {
    void navigator.serviceWorker.getRegistrations().then((registrations) => registrations.forEach((registration) => void registration.unregister()));
  }
}

/**
 * Runs inside an embed page: tells the host page how tall the chart is, so `resize.js` on the
 * host can size the iframe. The message carries only the chart id and a height (nothing
 * private), so it is posted to any origin; the host script checks that it comes from us.
 * Protocol: `{ type: '<app>-chart:height', id: '<chart-id>', height: <px> }`; the type is
 * `embedProtocol.heightMessage` (src/lib/core/embed-protocol.ts), compiled in by astro.config.mjs.
 */
declare const __EMBED_HEIGHT_MESSAGE__: string;

const id = location.pathname.split('/').filter(Boolean).pop() ?? '';
let last = 0;

function report(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: __EMBED_HEIGHT_MESSAGE__, id, height }, '*');
}

new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
report();

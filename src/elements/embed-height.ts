/**
 * Runs inside an embed page: tells the host page how tall the chart is, so `resize.js` on the
 * host can size the iframe. The message carries only the chart id and a height (nothing
 * private), so it is posted to any origin; the host script checks that it comes from us.
 * Protocol: `{ type: embedProtocol.heightMessage, id: '<chart-id>', height: <px> }`.
 */
import { embedProtocol } from '../lib/core/embed-protocol.ts';

const id = location.pathname.split('/').filter(Boolean).pop() ?? '';
let last = 0;

function report(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: embedProtocol.heightMessage, id, height }, '*');
}

new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
report();

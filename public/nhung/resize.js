/*
 * Bluezone chart embeds: optional helper for the HOST page (a newspaper or TV site).
 * Include it once after your iframes:
 *   <iframe src="https://SITE/nhung/luot-tai-toan-quoc/" ... data-bluezone-chart="luot-tai-toan-quoc"></iframe>
 *   <script src="https://SITE/nhung/resize.js" async></script>
 * Each embed posts { type: 'bluezone-chart:height', id, height } to its parent. This script
 * accepts a message only when it comes from the window of one of your iframes whose src is on
 * the origin this script was loaded from, then sets that iframe's height in pixels. The
 * message's own origin is that origin, or "null" when the iframe is sandboxed without
 * allow-same-origin (as in the snippet we offer). Nothing else is read or changed on your
 * page; no cookies, no requests.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : null;
  if (!origin || window.__bluezoneChartResize) return;
  window.__bluezoneChartResize = true;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin && event.origin !== 'null') return;
    var data = event.data;
    if (!data || data.type !== 'bluezone-chart:height' || typeof data.height !== 'number') return;
    if (!(data.height > 0 && data.height < 10000)) return;
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && new URL(frames[i].src, location.href).origin === origin) {
        frames[i].style.height = Math.ceil(data.height) + 'px';
        return;
      }
    }
  });
})();

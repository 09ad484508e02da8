import { campaign } from '../../content/campaign.ts';
import { embedProtocol } from '../core/embed-protocol.ts';

/**
 * `/nhung/resize.js`: the optional helper a host page (a newspaper or TV site) includes once after
 * its chart iframes, to size them to the chart. Plain ES5 with no dependency, as old CMS pages
 * need; the protocol's names come from `embedProtocol` (the embed page posts, this listens).
 */
export function resizeScript(): string {
  const app = campaign.app.name;
  return `/*
 * ${app} chart embeds: optional helper for the HOST page (a newspaper or TV site).
 * Include it once after your iframes:
 *   <iframe src="https://SITE/nhung/luot-tai-toan-quoc/" ... ${embedProtocol.attribute}="luot-tai-toan-quoc"></iframe>
 *   <script src="https://SITE/nhung/resize.js" async></script>
 * Each embed posts { type: '${embedProtocol.heightMessage}', id, height } to its parent. This script
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
  if (!origin || window.${embedProtocol.installedFlag}) return;
  window.${embedProtocol.installedFlag} = true;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin && event.origin !== 'null') return;
    var data = event.data;
    if (!data || data.type !== '${embedProtocol.heightMessage}' || typeof data.height !== 'number') return;
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
`;
}

import { t, type Lang } from '../../i18n/index.ts';
import { embedProtocol } from '../core/embed-protocol.ts';
import { escapeMarkup } from '../core/escape.ts';

/**
 * Ready-to-paste HTML for officials' web pages (a Front or province portal, a commune page).
 * Everything is static HTML with inline styles and no script, so it survives a CMS that strips
 * `<script>` and `<style>`. URLs are passed in absolute (built from the `site` setting) for the
 * code to copy, or as paths for the live preview on our own page (no request leaves the site).
 */

/** A plain link: `<a href="…">text</a>`. */
export function linkSnippet(url: string, text: string): string {
  return `<a href="${escapeMarkup(url)}">${escapeMarkup(text)}</a>`;
}

/**
 * The iframe of a chart or map embed page, plus the optional resize script. The sandbox lets the
 * embed's script run and its links open the top window on a click, and nothing else: no
 * same-origin access (resize.js accepts its "null" origin), no forms, no downloads. No referrer:
 * which article a reader is on stays with the host.
 */
export function embedSnippet(options: { src: string; title: string; height: number; id: string; resizeScript: string }): string {
  const { src, title, height, id, resizeScript } = options;
  const sandbox = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';
  return (
    `<iframe src="${escapeMarkup(src)}" title="${escapeMarkup(title)}" width="100%" height="${height}" ` +
    `style="border:0;max-width:1200px" loading="lazy" sandbox="${sandbox}" referrerpolicy="no-referrer" ${embedProtocol.attribute}="${escapeMarkup(id)}"></iframe>\n` +
    `<script src="${escapeMarkup(resizeScript)}" async></script>`
  );
}

/** An image that links to a page (a banner, a chart picture), with its size and alt text set. */
export function imageLinkSnippet(options: { href: string; src: string; width: number; height: number; alt: string }): string {
  const { href, src, width, height, alt } = options;
  return (
    `<a href="${escapeMarkup(href)}">` +
    `<img src="${escapeMarkup(src)}" width="${width}" height="${height}" alt="${escapeMarkup(alt)}" style="max-width:100%;height:auto;border:0">` +
    `</a>`
  );
}

/** The URLs an install card links to. */
export interface CardLinks {
  guide: string;
  googlePlay: string;
  appStore: string;
  /** PNG of the guide's QR code. */
  qrImage: string;
}

/**
 * The card's look, one entry per part. The code to copy carries it as `style` attributes (a
 * host CMS may strip style sheets); the preview on our own page carries it as classes from the
 * stylesheet `installCardCss()` (served at `/chia-se/the-cai-dat.css`), because our
 * Content-Security-Policy forbids inline styles. Both come from this one table.
 */
const cardStyles = {
  box: "box-sizing:border-box;max-width:360px;border:2px solid #0b5cad;border-radius:8px;padding:16px;background:#ffffff;color:#1b1f24;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;",
  title: 'margin:0 0 8px;font-size:20px;font-weight:700;color:#0b5cad;',
  text: 'margin:0 0 12px;',
  item: 'margin:0 0 6px;',
  link: 'color:#0b5cad;font-weight:700;',
  qr: 'display:block;border:0;',
} as const;
type CardPart = keyof typeof cardStyles;

/** The preview's stylesheet: one class per card part, the same declarations as the inline styles. */
export function installCardCss(): string {
  return Object.entries(cardStyles)
    .map(([part, style]) => `.install-card-${part}{${style}}`)
    .join('\n');
}

/**
 * The "install Bluezone" card: a box with two store links, the guide link and a QR code, no
 * script. `inline` (the code to copy): inline styles and no class names a host stylesheet could
 * clash with. `classes` (the preview on our page): the same look through `installCardCss()`.
 */
export function installCardHtml(lang: Lang, links: CardLinks, styling: 'inline' | 'classes' = 'inline'): string {
  // What the card says: the dictionaries' `share.card.text.*`.
  const say = (part: 'title' | 'body' | 'android' | 'iphone' | 'guide' | 'qrAlt') => t(lang, `share.card.text.${part}`);
  const look = (part: CardPart) => (styling === 'inline' ? `style="${cardStyles[part]}"` : `class="install-card-${part}"`);
  const item = (href: string, text: string, part: CardPart) => `<p ${look(part)}><a href="${escapeMarkup(href)}" ${look('link')}>${escapeMarkup(text)}</a></p>`;
  return [
    `<div lang="${lang}" ${look('box')}>`,
    `<p ${look('title')}>${escapeMarkup(say('title'))}</p>`,
    `<p ${look('text')}>${escapeMarkup(say('body'))}</p>`,
    item(links.googlePlay, say('android'), 'item'),
    item(links.appStore, say('iphone'), 'item'),
    item(links.guide, say('guide'), 'text'),
    `<img src="${escapeMarkup(links.qrImage)}" width="120" height="120" alt="${escapeMarkup(say('qrAlt'))}" ${look('qr')}>`,
    `</div>`,
  ].join('\n');
}

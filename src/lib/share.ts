import type { Lang } from '../i18n/index.ts';
import { escapeMarkup } from './escape.ts';

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

/** An image that links to a page (a banner, a chart picture), with its size and alt text set. */
export function imageLinkSnippet(options: { href: string; src: string; width: number; height: number; alt: string }): string {
  const { href, src, width, height, alt } = options;
  return (
    `<a href="${escapeMarkup(href)}">` +
    `<img src="${escapeMarkup(src)}" width="${width}" height="${height}" alt="${escapeMarkup(alt)}" style="max-width:100%;height:auto;border:0">` +
    `</a>`
  );
}

/** What the install card says, per language. */
const cardTexts: Record<Lang, { title: string; body: string; android: string; iphone: string; guide: string; qrAlt: string }> = {
  vi: {
    title: 'Cài đặt Bluezone',
    body: 'Bluezone báo cho bạn biết nếu đã tiếp xúc gần người nhiễm COVID-19. Ứng dụng miễn phí, do Bộ Thông tin và Truyền thông và Bộ Y tế phát hành.',
    android: 'Android: tải trên Google Play (CH Play)',
    iphone: 'iPhone: tải trên App Store',
    guide: 'Hướng dẫn cài đặt từng bước',
    qrAlt: 'Mã QR dẫn đến hướng dẫn cài đặt Bluezone',
  },
  en: {
    title: 'Install Bluezone',
    body: 'Bluezone tells you if you have been in close contact with someone who has COVID-19. Free, released by the Ministry of Information and Communications and the Ministry of Health.',
    android: 'Android: get it on Google Play',
    iphone: 'iPhone: get it on the App Store',
    guide: 'Step-by-step install guide',
    qrAlt: 'QR code leading to the Bluezone install guide',
  },
};

/** The URLs an install card links to. */
export interface CardLinks {
  guide: string;
  googlePlay: string;
  appStore: string;
  /** PNG of the guide's QR code. */
  qrImage: string;
}

/**
 * The "install Bluezone" card: a box with two store links, the guide link and a QR code.
 * Inline styles only, no class names a host stylesheet could clash with, no script.
 */
export function installCardHtml(lang: Lang, links: CardLinks): string {
  const t = cardTexts[lang];
  const a = 'color:#0b5cad;font-weight:700;';
  return [
    `<div lang="${lang}" style="box-sizing:border-box;max-width:360px;border:2px solid #0b5cad;border-radius:8px;padding:16px;background:#ffffff;color:#1b1f24;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;">`,
    `<p style="margin:0 0 8px;font-size:20px;font-weight:700;color:#0b5cad;">${escapeMarkup(t.title)}</p>`,
    `<p style="margin:0 0 12px;">${escapeMarkup(t.body)}</p>`,
    `<p style="margin:0 0 6px;"><a href="${escapeMarkup(links.googlePlay)}" style="${a}">${escapeMarkup(t.android)}</a></p>`,
    `<p style="margin:0 0 6px;"><a href="${escapeMarkup(links.appStore)}" style="${a}">${escapeMarkup(t.iphone)}</a></p>`,
    `<p style="margin:0 0 12px;"><a href="${escapeMarkup(links.guide)}" style="${a}">${escapeMarkup(t.guide)}</a></p>`,
    `<img src="${escapeMarkup(links.qrImage)}" width="120" height="120" alt="${escapeMarkup(t.qrAlt)}" style="display:block;border:0;">`,
    `</div>`,
  ].join('\n');
}

import QRCode from 'qrcode';
import { absoluteUrl, qrPath, sectionPath } from '../../routing/routes.ts';
import { officialStores } from '../guides/entries.ts';
import { escapeMarkup } from '../core/escape.ts';

/**
 * QR codes for the leaflet, the share kit and anyone who prints: made at build time with the
 * `qrcode` package from URLs built on the one `site` setting, so a deployment under another
 * address (SITE_URL) prints codes that lead there. Error correction M survives a smudged
 * photocopy; the quiet zone of 4 modules is what phone cameras expect.
 */
const options = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** Every QR code the site publishes, by file name under `/qr/`. */
export const qrTargetIds = ['huong-dan', 'en-guide', 'google-play', 'app-store'] as const;
export type QrTargetId = (typeof qrTargetIds)[number];

/** The URL a QR code leads to: the guide on this site (per `site`), or an official store page. */
export function qrTargetUrl(id: QrTargetId, site: URL | string): string {
  switch (id) {
    case 'huong-dan':
      return absoluteUrl(sectionPath('guide', 'vi'), site);
    case 'en-guide':
      return absoluteUrl(sectionPath('guide', 'en'), site);
    case 'google-play':
      return officialStores.googlePlay;
    case 'app-store':
      return officialStores.appStore;
  }
}

/** Public paths of a QR code's files. */
export function qrPaths(id: QrTargetId): { svg: string; png: string } {
  return { svg: qrPath(id, 'svg'), png: qrPath(id, 'png') };
}

/** A QR code as a standalone SVG document (scales to any print size; dark modules in black). */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...options, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
}

/** A QR code as PNG, `width` pixels square (600 px prints sharp at 5 cm). */
export async function qrPng(url: string, width = 600): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...options, type: 'png', width });
}

/**
 * A QR code to inline in a page (leaflet): no XML prolog, with an accessible name, sized by CSS.
 * Inline so the printed page needs no extra request and stays sharp at any print size.
 */
export async function qrSvgInline(url: string, label: string): Promise<string> {
  const svg = await qrSvg(url);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeMarkup(label)}" `).replace(/\s*width="\d+"\s*height="\d+"/, '');
}

import { expect, test } from '@playwright/test';
import { decodeQrPng } from '../support/qr-decode.ts';

/**
 * The door-to-door leaflet prints on exactly one page of its paper size (Chromium's own PDF
 * printer, as "Save as PDF" in the print dialog), shows the steps, and its QR codes scan.
 */
const leaflets = [
  { path: '/huong-dan/to-roi/', lang: 'vi', paper: 'A4', size: [595, 842], guide: '/huong-dan/' },
  { path: '/huong-dan/to-roi/a5/', lang: 'vi', paper: 'A5', size: [420, 595], guide: '/huong-dan/' },
  { path: '/en/guide/leaflet/', lang: 'en', paper: 'A4', size: [595, 842], guide: '/en/guide/' },
  { path: '/en/guide/leaflet/a5/', lang: 'en', paper: 'A5', size: [420, 595], guide: '/en/guide/' },
];

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPages(pdf: Buffer): { count: number; mediaBoxes: number[][] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
  return { count, mediaBoxes };
}

test.describe('printable leaflet', () => {
  test.skip(({ browserName }) => browserName !== 'chromium', 'page.pdf() is Chromium only');

  for (const leaflet of leaflets) {
    // Printing does not depend on the viewport.
    test(`${leaflet.path} prints on one ${leaflet.paper} page with scannable QR codes`, { tag: '@desktop' }, async ({ page, baseURL }) => {
      await page.goto(leaflet.path);
      await expect(page.locator('.sheet ol li')).toHaveCount(5);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const { count, mediaBoxes } = pdfPages(pdf);
      expect(count, 'pages printed').toBe(1);
      const [, , width, height] = mediaBoxes[0]!;
      expect(Math.round(width!)).toBe(leaflet.size[0]);
      expect(Math.round(height!)).toBe(leaflet.size[1]);
      // Navigation and instructions are not printed; the sheet is.
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.locator('.screen-only')).toBeHidden();
      await expect(page.locator('.sheet')).toBeVisible();

      // Every QR code, as printed, decodes to its link: the guide on this site and the stores.
      await page.emulateMedia({ media: 'screen' });
      const origin = new URL(await page.locator('link[rel="canonical"]').getAttribute('href') ?? '').origin;
      const codes = page.locator('.sheet-qr svg');
      const stores = ['https://play.google.com/store/apps/details?id=com.mic.bluezone', 'https://apps.apple.com/vn/app/bluezone/id1508062685'];
      // A build for a placeholder address (no SITE_URL) prints no guide address and no guide code:
      // a leaflet never sends people to an address that does not exist.
      const placeholder = /(^|\.)(example|test|invalid|localhost)$|^127\./.test(new URL(origin).hostname);
      const expected = placeholder ? stores : [`${origin}${leaflet.guide}`, ...stores];
      await expect(codes).toHaveCount(expected.length);
      const decoded: string[] = [];
      for (let i = 0; i < expected.length; i++) decoded.push(decodeQrPng(await codes.nth(i).screenshot()) ?? '');
      expect(decoded).toEqual(expected);
      if (placeholder) await expect(page.locator('.sheet-url')).toHaveCount(0);
      else await expect(page.locator('.sheet-url')).toHaveText(`${origin}${leaflet.guide}`);
      expect(baseURL).toBeTruthy();
    });
  }
});

import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { qrPng, qrSvg, qrTargetIds, qrTargetUrl } from '../../src/lib/share/qr.ts';
import { decodeQrPng as decodePng } from '../support/qr-decode.ts';

describe('QR codes', () => {
  it('lead to the guide on the configured site and to the official stores', () => {
    expect(qrTargetIds.length).toBeGreaterThan(0);
    expect(qrTargetUrl('huong-dan', 'https://bluezone.example')).toBe('https://bluezone.example/huong-dan/');
    expect(qrTargetUrl('en-guide', new URL('https://mttq.camau.gov.vn/'))).toBe('https://mttq.camau.gov.vn/en/guide/');
    expect(qrTargetUrl('google-play', 'https://x.test')).toBe('https://play.google.com/store/apps/details?id=com.mic.bluezone');
    expect(qrTargetUrl('app-store', 'https://x.test')).toBe('https://apps.apple.com/vn/app/bluezone/id1508062685');
  });

  it('decode from PNG to the exact URL, for every target', async () => {
    for (const id of qrTargetIds) {
      const url = qrTargetUrl(id, 'https://bluezone.kiengiang.example/');
      expect(decodePng(await qrPng(url))).toBe(url);
    }
  });

  it('decode from SVG (rasterised) to the exact URL', async () => {
    const url = qrTargetUrl('huong-dan', 'https://bluezone.example/');
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    const png = await sharp(Buffer.from(svg), { density: 300 }).resize(600).flatten({ background: '#ffffff' }).png().toBuffer();
    expect(decodePng(png)).toBe(url);
  });
});

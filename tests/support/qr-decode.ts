import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reads a QR code from PNG bytes the way a phone camera app would (jsQR on RGBA pixels). */
export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

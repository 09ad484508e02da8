/**
 * The text of an image SVG as boxes: each `<text>` with its size and the rectangle it covers,
 * from its position, anchor, baseline, `textLength` (the width measured in the drawing font) and
 * transform. Lets tests measure layout rules on the rendered file itself.
 */
import type { PNG } from 'pngjs';
import { expect } from 'vitest';
import { minTextSize, safeBox } from '../../src/lib/images/formats.ts';

export interface SvgTextBox {
  text: string;
  size: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16))).replace(/&amp;/g, '&');

export function svgTextBoxes(svg: string): SvgTextBox[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, tag = '', body = '']) => {
    const x = Number(attr(tag, 'x') ?? 0);
    const y = Number(attr(tag, 'y') ?? 0);
    const size = Number(attr(tag, 'font-size'));
    const length = attr(tag, 'textLength');
    if (length === undefined) throw new Error(`text without textLength: ${body}`);
    const width = Number(length);
    const anchor = attr(tag, 'text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    const baseline = attr(tag, 'dominant-baseline');
    const top = baseline === 'hanging' ? y : baseline === 'central' ? y - size / 2 : baseline === 'text-after-edge' ? y - size : y - size * 0.8;
    const [a, b, c, d, e, f] = (attr(tag, 'transform')?.match(/-?[\d.e-]+/g) ?? ['1', '0', '0', '1', '0', '0']).map(Number) as [number, number, number, number, number, number];
    const corners = [
      [left, top],
      [left + width, top],
      [left, top + size],
      [left + width, top + size],
    ].map(([px = 0, py = 0]) => [a * px + c * py + e, b * px + d * py + f] as const);
    return {
      text: unescape(body),
      size,
      left: Math.min(...corners.map(([cx]) => cx)),
      right: Math.max(...corners.map(([cx]) => cx)),
      top: Math.min(...corners.map(([, cy]) => cy)),
      bottom: Math.max(...corners.map(([, cy]) => cy)),
    };
  });
}

/**
 * The broadcast rules every image obeys: no type under 1/30 of the frame height, all text inside
 * the 80 % title-safe box (half a pixel of rounding allowed), no number parted from its unit.
 */
export function expectBroadcastType(boxes: SvgTextBox[], width: number, height: number): void {
  const safe = safeBox(width, height, 0.8);
  for (const box of boxes) {
    // A wrapped line never strands a number from its unit ("50" / "% dân số").
    expect(box.text, 'a line starting with a unit sign').not.toMatch(/^[%‰]/u);
    // Nor a unit sign from the words it stands for ("… by province: %" / "of population").
    expect(box.text, 'a line ending in a unit sign on its own').not.toMatch(/(^| )[%‰]$/u);
    // Nor a day or a small count from its word ("… province, 11" / "August 2020", "(18" / "April").
    expect(box.text, 'a line ending in a bare number').not.toMatch(/[ (]\d{1,2}$/u);
    expect(box.size, box.text).toBeGreaterThanOrEqual(minTextSize(height));
    expect(box.left, box.text).toBeGreaterThanOrEqual(safe.left - 0.5);
    expect(box.right, box.text).toBeLessThanOrEqual(safe.right + 0.5);
    expect(box.top, box.text).toBeGreaterThanOrEqual(safe.top - 0.5);
    expect(box.bottom, box.text).toBeLessThanOrEqual(safe.bottom + 0.5);
  }
}

/**
 * The PNG is drawn as pixels, the SVG as vectors, by the same calls: it is opaque (a transparent
 * frame shows black on players and feeds) and has ink where the SVG puts each line of words, and
 * only paper in the margin outside the action-safe box.
 */
export function expectPngShowsSvgWords(png: PNG, boxes: SvgTextBox[]): void {
  const at = (x: number, y: number) => png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4);
  const dark = (x: number, y: number) => at(x, y)[0]! + at(x, y)[1]! + at(x, y)[2]! < 3 * 160;
  for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) throw new Error(`transparent pixel at ${((i - 3) / 4) % png.width}, ${Math.floor((i - 3) / 4 / png.width)}`);
  for (const box of boxes) {
    let ink = 0;
    for (let y = Math.max(0, Math.floor(box.top)); y < Math.min(png.height, box.bottom); y++)
      for (let x = Math.max(0, Math.floor(box.left)); x < Math.min(png.width, box.right); x++) if (dark(x, y)) ink++;
    expect(ink / ((box.right - box.left) * (box.bottom - box.top)), `ink under "${box.text}"`).toBeGreaterThan(0.03);
  }
  const margin = Math.floor(png.height * 0.04);
  let marks = 0;
  for (let y = 0; y < margin; y++) for (let x = 0; x < png.width; x++) if (at(x, y)[0]! + at(x, y)[1]! + at(x, y)[2]! !== 3 * 255) marks++;
  expect(marks, 'marks in the top margin').toBe(0);
}

import { readFileSync, readdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageFormatList, imageFormats, safeBox } from '../../src/lib/images/formats.ts';
import { loadProvinceShapes, mapLayers, mapTitle } from '../../src/lib/maps/data.ts';
import { mapImagePng, mapImageSvg } from '../../src/lib/maps/images.ts';
import { t } from '../../src/i18n/index.ts';
import { figuresFromSnapshots, type SnapshotEntry } from '../../src/lib/stats/load.ts';
import { expectBroadcastType, expectPngShowsSvgWords, svgTextBoxes } from '../support/svg-text.ts';

/** The charts' layout rules measured on the real map images, every layer, language and format. */
const shapes = loadProvinceShapes();
const layers = mapLayers(
  figuresFromSnapshots(readdirSync('content/stats').map((file) => ({ id: file.replace(/\.json$/, ''), data: JSON.parse(readFileSync(`content/stats/${file}`, 'utf8')) }) as SnapshotEntry)),
);
const host = 'bluezone.gov.vn';
const spaced = (text: string) => text.replace(/\s+/gu, ' ');

describe('map images', () => {
  it('exist for at least one layer', () => expect(layers.length).toBeGreaterThan(0));
  for (const layer of layers) {
    for (const lang of ['vi', 'en'] as const) {
      for (const format of imageFormatList) {
        const { width, height } = imageFormats[format];
        it(`${layer.id} ${lang} ${format}: size, type, safe areas, headline, 63 provinces, island groups, source, attribution`, async () => {
          const png = PNG.sync.read(await mapImagePng(shapes, layer, lang, format, host));
          expect([png.width, png.height]).toEqual([width, height]);
          const svg = mapImageSvg(shapes, layer, lang, format, host);
          expect(svg).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${width} ${height}"`));
          const boxes = svgTextBoxes(svg);
          expectPngShowsSvgWords(png, boxes);
          // Every piece of text is measured (none hides in the map's own SVG, e.g. inset labels).
          expect(svg.match(/<text\b/g)).toHaveLength(boxes.length);
          expectBroadcastType(boxes, width, height);
          // No text box overlaps another (labels beside the map, legend, footer).
          for (const [i, a] of boxes.entries()) {
            for (const b of boxes.slice(i + 1)) {
              const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
              expect(overlap, `${a.text} / ${b.text}`).toBe(false);
            }
          }
          const largest = Math.max(...boxes.map((box) => box.size));
          expect(spaced(boxes.filter((box) => box.size === largest).map((box) => box.text).join(' '))).toBe(spaced(mapTitle(layer, lang)));
          expect(new Set([...svg.matchAll(/<path d="[^"]+" fill="[^"]+" [^>]*data-code="(\d+)"/g)].map((m) => m[1])).size).toBe(63);
          const texts = boxes.map((box) => box.text);
          for (const key of ['map.hoangSa', 'map.truongSa'] as const) for (const line of t(lang, key).split('\n')) expect(texts).toContain(line);
          expect(texts).toContain(t(lang, 'map.noFigure'));
          const all = spaced(texts.join(' '));
          // The boundaries' credit (source and licence) in the image's language.
          expect(all).toContain(t(lang, 'map.image.credit'));
          expect(all).toContain(`${lang === 'vi' ? 'Nguồn:' : 'Source:'} `);
          expect(all).toContain(`· ${host}`);
          // Every island inset is drawn inside the action-safe area.
          const action = safeBox(width, height, 0.9);
          for (const [, x, y] of svg.matchAll(/<svg x="([\d.]+)" y="([\d.]+)"/g)) {
            expect(Number(x)).toBeGreaterThanOrEqual(action.left);
            expect(Number(y)).toBeGreaterThanOrEqual(action.top);
          }
        });
      }
    }
  }
});

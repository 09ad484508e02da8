import { readFileSync, readdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageFormatList, imageFormats, safeBox } from '../../src/lib/images/formats.ts';
import { loadProvinceShapes, mapLayers, mapTitle } from '../../src/lib/maps/data.ts';
import { mapImagePng, mapImageSvg } from '../../src/lib/maps/images.ts';
import { renderChoroplethSvg } from '../../src/lib/maps/draw.ts';
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

/**
 * A drawn map, read back: its box in the image (`x`, `y`; 0 for a standalone map), its viewBox
 * and every mark an SVG viewport would clip, in the map's own units: the bounds of each
 * province's path (all its points), each inset's frame and each islet's dot.
 */
function drawnMap(svg: string) {
  const open = svg.match(/<svg (?:x="([\d.]+)" y="([\d.]+)" )?[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*class="province-map"/);
  if (!open) throw new Error('no province map in the SVG');
  const [x, y, width, height] = open.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number];
  const map = svg.slice(open.index);
  const provinces = [...map.matchAll(/<path d="([^"]+)"[^>]*data-code="(\d+)"/g)].map(([, d, code]) => {
    const points = [...d!.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return { what: `province ${code}`, left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  });
  const insets = [...map.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" fill="#fff"/g)].map((m) => {
    const [left, top, w, h] = m.slice(1).map(Number) as [number, number, number, number];
    return { what: 'inset frame', left, top, right: left + w, bottom: top + h };
  });
  const dots = [...map.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/g)].map((m) => {
    const [cx, cy, r] = m.slice(1).map(Number) as [number, number, number];
    return { what: 'islet', left: cx - r, top: cy - r, right: cx + r, bottom: cy + r };
  });
  return { x, y, width, height, provinces, marks: [...provinces, ...insets, ...dots] };
}

/** Nothing of the country is clipped: every province, inset and islet lies inside the map's viewBox. */
function expectWholeCountry(svg: string): ReturnType<typeof drawnMap> {
  const map = drawnMap(svg);
  expect(map.provinces).toHaveLength(63);
  for (const mark of map.marks) {
    const where = `${mark.what} [${mark.left}, ${mark.top}, ${mark.right}, ${mark.bottom}] outside the map's 0 0 ${map.width} ${map.height}`;
    expect(mark.left, where).toBeGreaterThanOrEqual(0);
    expect(mark.top, where).toBeGreaterThanOrEqual(0);
    expect(mark.right, where).toBeLessThanOrEqual(map.width);
    expect(mark.bottom, where).toBeLessThanOrEqual(map.height);
  }
  return map;
}

describe('map images', () => {
  it('exist for at least one layer', () => expect(layers.length).toBeGreaterThan(0));

  it('drawn on the thread\'s reused canvas, a map image is the image drawn first', async () => {
    const [layer, other] = [layers[0]!, layers.at(-1)!];
    const first = PNG.sync.read(await mapImagePng(shapes, layer, 'vi', 'square', host)).data;
    await mapImagePng(shapes, other, 'en', 'square', host);
    expect(PNG.sync.read(await mapImagePng(shapes, layer, 'vi', 'square', host)).data.equals(first)).toBe(true);
  });
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
          expect(all).toContain(spaced(t(lang, 'map.image.credit')));
          // The licence on one line with the name it belongs to ("… geoBoundaries (CC BY" / "4.0)" before).
          expect(texts.some((text) => spaced(text).includes('geoBoundaries (CC BY 4.0)')), texts.join(' | ')).toBe(true);
          expect(all).toContain(`${lang === 'vi' ? 'Nguồn:' : 'Source:'} `);
          expect(all).toContain(`· ${host}`);
          // Every island inset is drawn inside the action-safe area.
          const action = safeBox(width, height, 0.9);
          for (const [, x, y] of svg.matchAll(/<svg x="([\d.]+)" y="([\d.]+)"/g)) {
            expect(Number(x)).toBeGreaterThanOrEqual(action.left);
            expect(Number(y)).toBeGreaterThanOrEqual(action.top);
          }
          // The whole country is drawn: no province (the southern cape included), inset or islet
          // is cut off by the map's own box, and that box lies inside the action-safe area.
          const map = expectWholeCountry(svg);
          expect(map.x + map.width).toBeLessThanOrEqual(action.right);
          expect(map.y + map.height).toBeLessThanOrEqual(action.bottom);
          // No word (island names, legend) covers land or an inset: each province's bounds and each
          // inset's frame, in the image's pixels.
          for (const mark of map.marks.filter((mark) => mark.what !== 'islet')) {
            const drawn = { left: map.x + mark.left, top: map.y + mark.top, right: map.x + mark.right, bottom: map.y + mark.bottom };
            for (const box of boxes) {
              const covers = box.left < drawn.right && drawn.left < box.right && box.top < drawn.bottom && drawn.top < box.bottom;
              expect(covers, `"${box.text}" covers ${mark.what}`).toBe(false);
            }
          }
          // The country is as tall as the room its words leave: from the map's top to the sources'
          // line where they run under it (a square post), else to the title-safe bottom (a side
          // layout). A square post's mainland was 58 % of it, squeezed beside its names and legend.
          const sourceLine = boxes.find((box) => /^(Nguồn|Source)/u.test(box.text))!;
          const underMap = sourceLine.left < map.x + map.width && sourceLine.right > map.x;
          const room = (underMap ? sourceLine.top : safeBox(width, height, 0.8).bottom) - map.y;
          const mainland = Math.max(...map.provinces.map((p) => p.bottom)) - Math.min(...map.provinces.map((p) => p.top));
          expect(mainland / room).toBeGreaterThanOrEqual(0.8);
        });
      }
    }
    it(`${layer.id}: credits the source of the newest figure first, as the charts do`, () => {
      const newest = [...layer.records].sort((a, b) => b.date.localeCompare(a.date))[0]!;
      const footer = spaced(svgTextBoxes(mapImageSvg(shapes, layer, 'vi', 'card', host)).map((box) => box.text).join(' '));
      const credited = footer.match(/Nguồn: ([^,·]+?)(?: và \d+ nguồn khác)?(?:,| ·)/u)?.[1];
      expect(credited).toBe(newest.source.name.replace(/\s*\([^)]*\)\s*$/u, ''));
    });
    // The map page's figure (MapFigure.astro) is clipped by its own viewBox the same way.
    it(`${layer.id}: the page map shows the whole country`, () => {
      for (const lang of ['vi', 'en'] as const) expectWholeCountry(renderChoroplethSvg(shapes, layer, { width: 600, height: 900, lang, title: 'map', description: '' }));
    });
  }
});

import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadProvinceShapes, MAP_FILE, mapLayers, mapRecords } from '../../src/lib/maps/data.ts';
import {
  binLabel,
  binOf,
  mapBins,
  MIN_PROVINCES_FOR_MAP,
  parseProvinceShapes,
  renderChoroplethSvg,
  renderLocatorSvg,
  type MapRecord,
  type ProvinceShape,
} from '../../src/lib/maps/draw.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { figuresFromSnapshots, type SnapshotEntry } from '../../src/lib/stats/load.ts';

const regions = loadRegions();
const shapes = loadProvinceShapes();
const committed = figuresFromSnapshots(
  readdirSync('content/stats').map((file) => ({ id: file.replace(/\.json$/, ''), data: JSON.parse(readFileSync(`content/stats/${file}`, 'utf8')) }) as SnapshotEntry),
);

/** Synthetic records (test data, not published figures). */
const record = (provinceCode: string, value: number, over: Partial<MapRecord> = {}): MapRecord => ({
  provinceCode, value, decimals: null, qualifier: 'exact', date: '2020-08-20', basis: 'population', source: { name: 'TEST FIXTURE', url: null }, ...over,
});

interface SvgNode { [key: string]: unknown }
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['path', 'g', 'circle', 'rect', 'tspan'].includes(name) });

/** Every province drawing of a parsed SVG (main-map paths and inset groups), with its attributes. */
function provinceNodes(svg: string): { main: SvgNode[]; insets: SvgNode[]; root: SvgNode } {
  const root = parser.parse(svg).svg as SvgNode;
  const groups = root['g'] as SvgNode[];
  const main = (groups.find((g) => g['class'] === 'map-provinces')!['path'] as SvgNode[]) ?? [];
  const insets = groups.filter((g) => g['class'] === 'map-inset').flatMap((g) => (g['g'] as SvgNode[]) ?? []);
  return { main, insets, root };
}

/** Every x,y pair of an SVG path's data. */
const pointsOf = (d: string) => [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

/** WCAG relative luminance of `#rrggbb` or `rgb(r, g, b)`. */
function luminance(colour: string): number {
  const channels = colour.startsWith('#') ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) : colour.match(/\d+/g)!.map(Number);
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('province boundaries', () => {
  it('holds the 63 provinces of the regions reference, the island groups with Đà Nẵng and Khánh Hòa', () => {
    expect(shapes.map((s) => s.code).sort()).toEqual(regions.provinces.map((p) => p.code).sort());
    const owners = Object.fromEntries(shapes.filter((s) => s.islands).map((s) => [s.islands!.group, s.code]));
    expect(owners).toEqual({ 'hoang-sa': '48', 'truong-sa': '56' });
  });
  it('refuses a boundary file whose codes do not match the reference, naming file and field', () => {
    const text = readFileSync(MAP_FILE, 'utf8').replace('"code":"96"', '"code":"X9"');
    expect(() => parseProvinceShapes(text, regions.provinces, MAP_FILE)).toThrow(/provinces-2020\.topo\.json, objects\.provinces\.geometries\[\d+\]\.properties\.code: unknown province code "X9"/);
    expect(() => parseProvinceShapes('{', regions.provinces, MAP_FILE)).toThrow(/provinces-2020\.topo\.json, \(file\): not JSON/);
  });
});

describe('colour classes', () => {
  const arbitraryRecord = fc.record({
    value: fc.double({ min: 0, max: 100, noNaN: true }),
    qualifier: fc.constantFrom('exact', 'about', 'less_than', 'more_than' as const),
  });
  it('give every figure one class that holds every value the figure allows, bounds included', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { minLength: 1, maxLength: 63 }), (drawn) => {
        const records = drawn.map((r, i) => record(String(i), r.value, { qualifier: r.qualifier }));
        const bins = mapBins(records);
        expect(bins[0]!.from).toBe(0);
        expect(bins.at(-1)!.to).toBeNull();
        for (let i = 1; i < bins.length; i++) expect(bins[i]!.from).toBe(bins[i - 1]!.to);
        for (const r of records) {
          const bin = binOf(r, bins);
          expect(bin).toBeDefined();
          const low = r.qualifier === 'less_than' ? 0 : r.value;
          const high = r.qualifier === 'more_than' ? Infinity : r.value;
          expect(low).toBeGreaterThanOrEqual(bin.from);
          if (bin.to !== null) expect(r.qualifier === 'less_than' ? high <= bin.to : high < bin.to).toBe(true);
        }
      }),
    );
  });
  it('darken steadily from the lowest to the highest class (readable in grey), and never look like the no-figure hatch', () => {
    const bins = mapBins([record('01', 3), record('02', 15), record('03', 27), record('04', 38), record('05', 49)]);
    expect(bins.length).toBeGreaterThanOrEqual(4);
    const lights = bins.map((b) => luminance(b.colour));
    for (let i = 1; i < lights.length; i++) expect(lights[i]!).toBeLessThan(lights[i - 1]!);
    // The hatch is white: the lightest class stays clearly darker than white.
    expect(lights[0]!).toBeLessThan(0.85);
  });
  it('are named in Vietnamese and English number format', () => {
    const bins = mapBins([record('01', 8, { qualifier: 'less_than' }), record('02', 16.5), record('03', 43.7)]);
    expect(bins.map((b) => binLabel(b, 'vi'))).toEqual(['dưới 8 %', '8 % – dưới 10 %', '10 % – dưới 20 %', '20 % – dưới 30 %', '30 % – dưới 40 %', 'từ 40 % trở lên'].map((label) => label.replaceAll(' %', '\u00a0%')));
    const half = mapBins([record('01', 12.5, { qualifier: 'less_than' }), record('02', 30)]);
    expect(binLabel(half[0]!, 'vi')).toBe('dưới 12,5\u00a0%');
    expect(binLabel(half[0]!, 'en')).toBe('under 12.5%');
  });
});

describe('the choropleth SVG', () => {
  const layer = mapLayers(committed)[0]!;
  const svg = renderChoroplethSvg(shapes, layer, { width: 600, height: 900, lang: 'vi', title: 'Tiêu đề', description: 'Mô tả' });
  const { main, insets, root } = provinceNodes(svg);
  const byCode = new Map(layer.records.map((r) => [r.provinceCode, r]));

  it('draws each of the 63 provinces once on the main map, named as in the reference', () => {
    expect(main).toHaveLength(63);
    expect(new Set(main.map((p) => p['data-code']))).toEqual(new Set(regions.provinces.map((p) => p.code)));
    for (const path of main) expect(path['data-name']).toBe(regions.byCode(String(path['data-code']))!.name);
    expect(insets.map((g) => g['data-code']).sort()).toEqual(['48', '56']);
  });
  it('hatches and names every province without a figure, and colours every other one in the class holding its figure', () => {
    const bins = mapBins(layer.records);
    expect(layer.records.length).toBeGreaterThan(0);
    for (const path of [...main, ...insets]) {
      const figure = byCode.get(String(path['data-code']));
      if (!figure) {
        expect(path['fill']).toMatch(/^url\(#.+-hatch\)$/);
        expect(path['data-bin']).toBe('none');
        expect(path['title']).toMatch(/: chưa có số liệu$/);
      } else {
        const bin = bins[Number(path['data-bin'])]!;
        expect(path['fill']).toBe(bin.colour);
        expect(binOf(figure, bins)).toBe(bin);
      }
    }
    expect(main.filter((p) => p['data-bin'] === 'none')).toHaveLength(63 - layer.records.length);
  });
  it('has the size asked for, a title and a description', () => {
    expect(root['viewBox']).toBe('0 0 600 900');
    expect((root['title'] as SvgNode)['#text']).toBe('Tiêu đề');
    expect((root['desc'] as SvgNode)['#text']).toBe('Mô tả');
  });
  it.each([
    [600, 900],
    [1920, 1080],
    [1080, 1080],
    [1200, 630],
    [360, 540],
  ])('at %i×%i keeps every province inside the frame and the insets off the mainland', (width, height) => {
    const drawn = provinceNodes(renderChoroplethSvg(shapes, layer, { width, height, lang: 'en', title: 't', description: 'd' }));
    const boxes = (drawn.root['g'] as SvgNode[]).filter((g) => g['class'] === 'map-inset').map((g) => (g['rect'] as SvgNode[])[0]!);
    expect(boxes).toHaveLength(2);
    for (const path of drawn.main) {
      for (const [x, y] of pointsOf(String(path['d']))) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height);
        for (const box of boxes) {
          const inside = x > Number(box['x']) && x < Number(box['x']) + Number(box['width']) && y > Number(box['y']) && y < Number(box['y']) + Number(box['height']);
          expect(inside, `${String(path['data-name'])} at ${x},${y} under an inset`).toBe(false);
        }
      }
    }
    for (const box of boxes) expect(Number(box['x']) + Number(box['width'])).toBeLessThanOrEqual(width);
  });
  it('escapes names and titles', () => {
    const hostile: ProvinceShape[] = shapes.map((s) => (s.code === '96' ? { ...s, name: 'Cà Mau <script>&"' } : s));
    const text = renderChoroplethSvg(hostile, { id: 'x"><b', records: [record('96', 16.08)] }, { width: 300, height: 450, lang: 'vi', title: '</title><script>', description: 'a & b' });
    expect(text).not.toContain('<script>');
    const parsed = provinceNodes(text);
    // The parser decodes entities: the name comes back exactly as given.
    expect(parsed.main.find((p) => p['data-code'] === '96')!['data-name']).toBe('Cà Mau <script>&"');
    expect(text).toContain('<title id="x&quot;&gt;&lt;b-title">&lt;/title&gt;&lt;script&gt;</title>');
  });
});

describe('boundary detail at the drawn scale', () => {
  const options = { width: 600, height: 900, lang: 'vi' as const, title: 'Bản đồ', description: 'Thử' };
  const layer = { id: 'detail', records: shapes.slice(0, 40).map((shape, i) => record(shape.code, (i * 7) % 100)) };
  const drawn = renderChoroplethSvg(shapes, layer, options);
  // Copies of the shapes are unknown to the simplifier: the same map at the file's full detail.
  const full = renderChoroplethSvg(shapes.map((shape) => ({ ...shape })), layer, options);
  const points = (svg: string) => new Map(provinceNodes(svg).main.map((path) => [String(path['data-code']), pointsOf(String(path['d']))]));

  it('draws about half the points of the full boundaries, and every province keeps a shape', () => {
    const total = (svg: string) => [...points(svg).values()].reduce((sum, list) => sum + list.length, 0);
    expect(total(drawn)).toBeLessThan(0.6 * total(full));
    for (const [code, list] of points(drawn)) expect(list.length, code).toBeGreaterThanOrEqual(4);
  });

  it('keeps one common border between neighbours (simplified on shared arcs: no gap opens)', () => {
    const touching = (map: Map<string, (readonly [number, number])[]>) => {
      const owners = new Map<string, Set<string>>();
      for (const [code, list] of map) for (const [x, y] of list) owners.set(`${x},${y}`, (owners.get(`${x},${y}`) ?? new Set()).add(code));
      const shared = new Map<string, number>();
      for (const codes of owners.values()) {
        const sorted = [...codes].sort();
        for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) shared.set(`${sorted[i]}|${sorted[j]}`, (shared.get(`${sorted[i]}|${sorted[j]}`) ?? 0) + 1);
      }
      return new Set([...shared].filter(([, count]) => count >= 2).map(([pair]) => pair));
    };
    const before = touching(points(full));
    expect(before.size).toBeGreaterThan(100);
    expect([...before].filter((pair) => !touching(points(drawn)).has(pair))).toEqual([]);
  });

  it('moves no border visibly: rasterised, the two maps differ in under 1 % of their pixels', async () => {
    const pixels = (svg: string) => sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
    const [a, b] = await Promise.all([pixels(drawn), pixels(full)]);
    expect(a.length).toBe(b.length);
    let differing = 0;
    for (let i = 0; i < a.length; i += 3) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 96) differing += 1;
    expect(differing / (a.length / 3)).toBeLessThan(0.01);
  });
});

describe('the locator', () => {
  it('outlines one province and leaves the others plain', () => {
    const { main } = provinceNodes(renderLocatorSvg(shapes, '96', { width: 160, height: 240, lang: 'vi', title: 'Cà Mau' }));
    expect(main).toHaveLength(63);
    const fills = new Set(main.filter((p) => p['data-code'] !== '96').map((p) => p['fill']));
    expect(fills.size).toBe(1);
    expect(main.find((p) => p['data-code'] === '96')!['fill']).not.toBe([...fills][0]);
  });
});

describe('map records from the statistics', () => {
  it('take the latest figure of each province on one measure and basis, bounds kept', () => {
    const records = mapRecords(committed, 'downloads', 'population');
    expect(records.length).toBeGreaterThanOrEqual(MIN_PROVINCES_FOR_MAP);
    expect(new Set(records.map((r) => r.provinceCode)).size).toBe(records.length);
    expect(records.every((r) => r.basis === 'population' && regions.byCode(r.provinceCode)?.level === 'province')).toBe(true);
    for (const r of records) {
      const later = committed.filter((f) => f.place.code === r.provinceCode && f.kind === 'rate' && f.measure === 'downloads' && f.basis === 'population' && f.value !== null && f.date > r.date);
      expect(later).toEqual([]);
    }
    expect(records.some((r) => r.qualifier === 'less_than')).toBe(true);
  });
  it('make one map per measure and stated basis with enough provinces, never one for an unstated basis', () => {
    const layers = mapLayers(committed);
    expect(layers[0]!.id).toBe('ban-do-tai-dan-so');
    for (const layer of layers) {
      expect(layer.basis).not.toBe('not_stated');
      expect(layer.records.length).toBeGreaterThanOrEqual(MIN_PROVINCES_FOR_MAP);
      expect(layer.records.every((r) => r.basis === layer.basis)).toBe(true);
    }
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
  });
});

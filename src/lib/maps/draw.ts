import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { schemeBlues } from 'd3-scale-chromatic';
import type { Feature, MultiPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/** The boundary file's topology: province objects with their code and name. */
type ProvinceTopology = Topology<Objects<{ code?: unknown; name?: unknown }>>;
import { t, type Lang } from '../../i18n/index.ts';
import type { Measure, RateBasis } from '../../content/snapshot.ts';
import { formatDate, formatPercent } from '../core/format.ts';
import { shortRegionName } from '../../content/regions.ts';
import { valueWords } from '../stats/words.ts';
import { escapeMarkup } from '../core/escape.ts';
import type { Box } from '../images/formats.ts';

/**
 * The province map (choropleth and locator), drawn at build time as plain SVG. Pure: the
 * boundaries come in parsed (`parseProvinceShapes`), the figures as `MapRecord`s, and the
 * output is a string. Projections and paths are d3-geo's; nothing here projects by hand.
 */

/** How the source worded a rate (`exact` = the number as printed). */
export type MapQualifier = 'exact' | 'about' | 'more_than' | 'less_than';

/** The latest rate of one province on one basis, as the map and its table show it. */
export interface MapRecord {
  provinceCode: string;
  /** Percent of `basis`. */
  value: number;
  /** Decimals the source printed (`44,70 %` → 2); null = as many as the value needs. */
  decimals: number | null;
  qualifier: MapQualifier;
  /** ISO date the figure refers to. */
  date: string;
  basis: RateBasis;
  source: { name: string; url: string | null };
}

/** One map: one measure on one stated basis, the latest figure of each province. */
export interface MapLayer {
  /** `ban-do-tai-dan-so`: the embed address `/nhung/<id>/`. */
  id: string;
  measure: Measure;
  basis: RateBasis;
  records: MapRecord[];
  /** The map in sentences a newsreader can read (`mapSummary`): its text alternative too. */
  summary: Record<Lang, string>;
}

/** Fewer provinces than this on a basis make a list, not a map: the charts already show them. */
export const MIN_PROVINCES_FOR_MAP = 8;

// ─── boundaries ─────────────────────────────────────────────────────────────

export type IslandGroup = 'hoang-sa' | 'truong-sa';

/** A province's polygons, its offshore archipelago (if any) kept apart for the inset. */
export interface ProvinceShape {
  code: string;
  /** Short name (`Hà Nội`), as in the regions reference. */
  name: string;
  mainland: MultiPolygon;
  islands: { group: IslandGroup; shape: MultiPolygon } | null;
}

/**
 * Where the two archipelagos lie (lon/lat boxes). Everything else, Phú Quốc or Côn Đảo
 * included, stays at its place on the main map; these two are drawn in insets, as official
 * Vietnamese maps do, so the mainland can fill the frame.
 */
const ISLAND_GROUPS: Record<IslandGroup, { west: number; east: number; south: number; north: number }> = {
  'hoang-sa': { west: 110, east: 114, south: 15, north: 18 },
  'truong-sa': { west: 111, east: 118, south: 6, north: 12.5 },
};

function groupOf(polygon: Position[][]): IslandGroup | undefined {
  const ring = polygon[0]!;
  const lon = ring.reduce((sum, p) => sum + p[0]!, 0) / ring.length;
  const lat = ring.reduce((sum, p) => sum + p[1]!, 0) / ring.length;
  return (Object.keys(ISLAND_GROUPS) as IslandGroup[]).find((group) => {
    const box = ISLAND_GROUPS[group];
    return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
  });
}

/**
 * Parses `content/map/provinces-2020.topo.json` and checks it against the province codes of the
 * regions reference: one clear line naming the file and field on any mismatch.
 */
export function parseProvinceShapes(topoJson: string, provinces: readonly { code: string; name: string }[], file: string): ProvinceShape[] {
  const fail = (where: string, message: string): never => {
    throw new Error(`${file}, ${where}: ${message}`);
  };
  let topology: ProvinceTopology;
  try {
    topology = JSON.parse(topoJson) as ProvinceTopology;
  } catch (error) {
    return fail('(file)', `not JSON (${(error as Error).message})`);
  }
  const object = topology.objects?.['provinces'] as GeometryCollection<{ code?: unknown; name?: unknown }> | undefined;
  if (object?.type !== 'GeometryCollection') return fail('objects.provinces', 'missing or not a GeometryCollection');
  const expected = new Map(provinces.map((p) => [p.code, p.name]));
  const seen = new Set<string>();
  const shapes = object.geometries.map((geometry, index) => {
    const where = `objects.provinces.geometries[${index}]`;
    const properties: { code?: unknown; name?: unknown } = geometry.properties ?? {};
    const code = properties.code;
    if (typeof code !== 'string' || !expected.has(code)) return fail(`${where}.properties.code`, `unknown province code ${JSON.stringify(code)}`);
    if (seen.has(code)) return fail(`${where}.properties.code`, `duplicate province code ${code}`);
    seen.add(code);
    const name = properties.name;
    if (typeof name !== 'string' || shortRegionName(name) !== expected.get(code)) {
      return fail(`${where}.properties.name`, `${JSON.stringify(name)} is not province ${code} (${expected.get(code)})`);
    }
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return fail(`${where}.type`, `${geometry.type} is not a polygon`);
    const { mainland, islands } = splitOffshore(topology, geometry);
    if (mainland.coordinates.length === 0) return fail(where, `province ${code} has no polygon on the main map`);
    if (islands === undefined) return fail(where, `province ${code} holds both island groups`);
    return { code, name: expected.get(code)!, mainland, islands };
  });
  const missing = [...expected.keys()].filter((code) => !seen.has(code));
  if (missing.length > 0) fail('objects.provinces', `no boundary for province(s) ${missing.join(', ')}`);
  // Weighted once (Visvalingam, on the shared arcs), so each drawing can drop what its scale cannot show.
  simplifiable.set(shapes, { topology: presimplify(topology, sphericalTriangleArea), geometries: object.geometries });
  return shapes;
}

/** A province's polygons, the two archipelagos apart (`islands` undefined: it holds both, which no province does). */
function splitOffshore(topology: ProvinceTopology, geometry: GeometryCollection['geometries'][number]): Pick<ProvinceShape, 'mainland'> & { islands: ProvinceShape['islands'] | undefined } {
  const geo = (feature(topology, geometry) as Feature).geometry as MultiPolygon | { type: 'Polygon'; coordinates: Position[][] };
  const polygons = geo.type === 'Polygon' ? [geo.coordinates] : geo.coordinates;
  const mainland: Position[][][] = [];
  const offshore = new Map<IslandGroup, Position[][][]>();
  for (const polygon of polygons) {
    const group = groupOf(polygon);
    if (group) offshore.set(group, [...(offshore.get(group) ?? []), polygon]);
    else mainland.push(polygon);
  }
  const [islands] = [...offshore.entries()].map(([group, coordinates]) => ({ group, shape: { type: 'MultiPolygon' as const, coordinates } }));
  return { mainland: { type: 'MultiPolygon' as const, coordinates: mainland }, islands: offshore.size > 1 ? undefined : (islands ?? null) };
}

/**
 * Boundary detail a drawing leaves out: a point whose triangle with its neighbours covers less
 * than this many square pixels at the drawn scale (a square pixel: the least the eye can tell
 * apart). About half the points of the page map (600×900) go, no border moves visibly, and a TV
 * image, drawn larger, keeps more.
 */
export const BOUNDARY_DETAIL_PX2 = 1;

const simplifiable = new WeakMap<readonly ProvinceShape[], { topology: ProvinceTopology; geometries: GeometryCollection['geometries'] }>();
const simplified = new WeakMap<readonly ProvinceShape[], Map<number, Map<string, MultiPolygon>>>();

/**
 * The mainland of each province at a projection's scale (pixels per radian), simplified on the
 * topology's shared arcs: neighbours keep one common border, so no gap or overlap opens between
 * them. Shapes not parsed here are drawn as they are.
 */
export function mainlandsAtScale(shapes: readonly ProvinceShape[], scale: number): Map<string, MultiPolygon> {
  const source = simplifiable.get(shapes);
  if (!source) return new Map(shapes.map((shape) => [shape.code, shape.mainland]));
  const byScale = simplified.get(shapes) ?? new Map<number, Map<string, MultiPolygon>>();
  simplified.set(shapes, byScale);
  const known = byScale.get(scale);
  if (known) return known;
  const topology = simplify(source.topology, BOUNDARY_DETAIL_PX2 / scale ** 2);
  const mainlands = new Map(source.geometries.map((geometry) => [String((geometry.properties as { code: string }).code), splitOffshore(topology, geometry).mainland]));
  byScale.set(scale, mainlands);
  return mainlands;
}

// ─── colour bins ────────────────────────────────────────────────────────────

/** A colour class: `from` ≤ value < `to` (`to` null = no upper end). */
export interface Bin {
  from: number;
  to: number | null;
  colour: string;
}

/**
 * Binned classes for a layer's rates, in steps of 10 points (20 when that makes more than six),
 * on a single-hue sequential scale (ColorBrewer Blues: lightness falls monotonically, so it
 * reads in grey and for colour-blind readers). Bounds stay bounds: "dưới 14 %" can only be
 * placed in a class that holds all of 0–14, so the lowest class reaches up to the largest
 * upper bound, and the highest class starts at the smallest lower bound ("hơn …").
 */
export function mapBins(records: readonly MapRecord[]): Bin[] {
  const upper = records.filter((r) => r.qualifier === 'less_than').map((r) => r.value);
  const lower = records.filter((r) => r.qualifier === 'more_than').map((r) => r.value);
  const points = records.filter((r) => r.qualifier === 'exact' || r.qualifier === 'about').map((r) => r.value);
  const low = upper.length > 0 ? Math.max(...upper) : 0;
  const high = lower.length > 0 ? Math.min(...lower) : undefined;
  // "hơn 5%" and "dưới 14%" overlap: no split of the scale can hold both, so one class holds all.
  if (high !== undefined && high <= low) return [{ from: 0, to: null, colour: schemeBlues[3]![2]! }];
  const top = Math.max(low, ...points, ...lower);
  const edgesFor = (step: number): number[] => {
    const edges = [0];
    if (low > 0) edges.push(low);
    for (let edge = Math.floor(low / step + 1) * step; edge <= top && (high === undefined || edge < high); edge += step) edges.push(edge);
    if (high !== undefined && high > low) edges.push(high);
    return edges;
  };
  let edges = edgesFor(10);
  if (edges.length > 6) edges = edgesFor(20);
  const colours = schemeBlues[Math.max(3, edges.length + 1)]!.slice(-edges.length);
  return edges.map((from, index) => ({ from, to: edges[index + 1] ?? null, colour: colours[index]! }));
}

/** The class of a record: the one that holds every value the record allows. */
export function binOf(record: MapRecord, bins: readonly Bin[]): Bin {
  const holds = (bin: Bin, value: number) => value >= bin.from && (bin.to === null || value < bin.to);
  switch (record.qualifier) {
    case 'less_than':
      return bins.find((bin) => bin.from === 0 && (bin.to === null || record.value <= bin.to))!;
    case 'more_than':
      return bins.find((bin) => record.value >= bin.from && bin.to === null)!;
    default:
      return bins.find((bin) => holds(bin, record.value))!;
  }
}

/** A class as the legend says it: `dưới 14%`, `14% – dưới 20%`, `từ 40%`. */
export function binLabel(bin: Bin, lang: Lang): string {
  const from = formatPercent(bin.from, lang);
  if (bin.to === null) return t(lang, 'map.bin.from').replace('{from}', from);
  const to = formatPercent(bin.to, lang);
  if (bin.from === 0) return t(lang, 'map.bin.under').replace('{to}', to);
  return t(lang, 'map.bin.range').replace('{from}', from).replace('{to}', to);
}

/** A rate as printed, with its qualifier in words (`dưới 8%`, `khoảng 5,06%`). */
export function recordValue(record: MapRecord, lang: Lang): string {
  return valueWords({ ...record, kind: 'rate', printedIn: 'units' }, lang);
}

/** Earliest and latest date of a layer's figures (the map mixes dates; it says so). */
export function dateSpan(records: readonly MapRecord[]): { from: string; to: string } | undefined {
  if (records.length === 0) return undefined;
  const dates = records.map((r) => r.date).sort();
  return { from: dates[0]!, to: dates.at(-1)! };
}

// ─── drawing ────────────────────────────────────────────────────────────────

export interface MapSize {
  width: number;
  height: number;
}

/** Where country and insets sit across a frame wider than they need (images put words beside them). */
export type MapAlign = 'left' | 'centre' | 'right';

interface Frame {
  main: GeoProjection;
  /** Whether the insets are named inside (not on small locators nor on images, which name them beside). */
  labels: boolean;
  insets: { group: IslandGroup; x: number; y: number; width: number; height: number; projection: GeoProjection }[];
}

const mainlandOf = (shapes: readonly ProvinceShape[]): GeoPermissibleObjects => ({
  type: 'GeometryCollection',
  geometries: shapes.map((s) => s.mainland),
});

/** Top latitude of each inset: Hoàng Sa level with Đà Nẵng, Trường Sa with southern Khánh Hòa. */
const INSET_ROWS: Record<IslandGroup, number> = { 'hoang-sa': 17.8, 'truong-sa': 11.6 };

/**
 * Lays out a frame: the mainland as tall as the frame allows, the two archipelagos in insets
 * east of the coast at their own (larger) scale, shrinking the mainland when the insets would
 * not fit beside it; on a wide frame, country and insets are placed together (`align`).
 */
function layout(shapes: readonly ProvinceShape[], size: MapSize, labels: boolean, align: MapAlign = 'centre'): Frame {
  // Fitting the projections walks every boundary point: every province page's locator (and each
  // map image of one size) would fit the same frame again. Frames are only read after this.
  const frames = laidOut.get(shapes) ?? new Map<string, Frame>();
  laidOut.set(shapes, frames);
  const key = `${size.width}x${size.height}${labels ? ' labels' : ''} ${align}`;
  const known = frames.get(key);
  if (known) return known;
  const frame = fitFrame(shapes, size, labels, align);
  frames.set(key, frame);
  return frame;
}
const laidOut = new WeakMap<readonly ProvinceShape[], Map<string, Frame>>();

function fitFrame(shapes: readonly ProvinceShape[], size: MapSize, labels: boolean, align: MapAlign): Frame {
  const pad = Math.round(Math.min(size.width, size.height) * 0.02);
  const mainland = mainlandOf(shapes);
  const groups = (Object.keys(INSET_ROWS) as IslandGroup[]).filter((group) => shapes.some((s) => s.islands?.group === group));
  let extent: [[number, number], [number, number]] = [[pad, pad], [size.width - pad, size.height - pad]];
  for (let attempt = 0; ; attempt++) {
    const main = geoMercator().fitExtent(extent, mainland);
    const [[left, top], [right, bottom]] = geoPath(main).bounds(mainland);
    const insetWidth = (bottom - top) * 0.2;
    const insetHeight = (bottom - top) * (labels ? 0.19 : 0.12);
    const placed = groups.map((group) => {
      const y = Math.max(pad, main([108, INSET_ROWS[group]])![1]);
      // The coast's easternmost point level with the inset: the inset starts just east of it.
      let coast = left;
      for (const shape of shapes) {
        for (const polygon of shape.mainland.coordinates) {
          for (const point of polygon[0]!) {
            const [px, py] = main(point as [number, number])!;
            if (py >= y && py <= y + insetHeight && px > coast) coast = px;
          }
        }
      }
      return { group, x: coast + insetWidth * 0.08, y };
    });
    const groupRight = Math.max(right, ...placed.map((inset) => inset.x + insetWidth));
    // Too wide is the group's own width, not where it lies: fitExtent centres a tall mainland in
    // a wide extent, so its left edge may be well east of the pad. The group only ever shrinks
    // (a scale above 1 would push the mainland's south below the frame) and is then centred.
    const available = size.width - 2 * pad;
    const overflow = groupRight - left - available;
    if (overflow > 0.5 && attempt < 4) {
      const scale = available / (groupRight - left);
      extent = [[pad, pad], [pad + (right - left) * scale, pad + (bottom - top) * scale]];
      continue;
    }
    const shift = align === 'left' ? pad - left : align === 'right' ? size.width - pad - groupRight : (size.width - pad - groupRight - (left - pad)) / 2;
    main.translate([main.translate()[0] + shift, main.translate()[1]]);
    const insets = placed.map(({ group, x, y }) => {
      const members = shapes.flatMap((s) => (s.islands?.group === group ? [s.islands.shape] : []));
      const box = { x: x + shift, y, width: insetWidth, height: insetHeight };
      const projection = geoMercator().fitExtent(
        [[box.x + box.width * 0.15, box.y + box.height * (labels ? 0.5 : 0.15)], [box.x + box.width * 0.85, box.y + box.height * 0.9]],
        { type: 'GeometryCollection', geometries: members },
      );
      return { group, ...box, projection };
    });
    return { main, insets, labels };
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
const FONT = 'Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** What to draw for each province: fill, and the text of its native tooltip. */
interface Paint {
  fill(code: string): string;
  title(code: string): string | undefined;
  /** `data-*` attributes beyond code and name. */
  data?(code: string): Record<string, string>;
  /** Extra stroke for the highlighted province of a locator. */
  highlight?: string;
}

function drawProvinces(shapes: readonly ProvinceShape[], frame: Frame, paint: Paint, lang: Lang, size: MapSize, digits: number): string {
  const mainPath = geoPath(frame.main).digits(digits);
  const stroke = Math.max(0.3, size.height / 1600);
  /** Fill, outline, `data-*` and tooltip of a province; `inner` is its drawing. */
  const province = (shape: ProvinceShape, element: 'path' | 'g', drawing: string) => {
    const title = paint.title(shape.code);
    const highlighted = paint.highlight === shape.code;
    const data = Object.entries(paint.data?.(shape.code) ?? {})
      .map(([key, value]) => ` data-${key}="${escapeMarkup(value)}"`)
      .join('');
    return (
      `<${element} ${element === 'path' ? `d="${drawing}" ` : 'data-inset="true" '}fill="${escapeMarkup(paint.fill(shape.code))}"` +
      ` stroke="${highlighted ? '#000' : '#fff'}" stroke-width="${round(highlighted ? stroke * 3 : stroke)}"` +
      ` data-code="${escapeMarkup(shape.code)}" data-name="${escapeMarkup(shape.name)}"${data}>` +
      (title ? `<title>${escapeMarkup(title)}</title>` : '') +
      (element === 'g' ? drawing : '') +
      `</${element}>`
    );
  };
  // The highlighted province last, so its outline is not covered by a neighbour's.
  const ordered = [...shapes].sort((a, b) => Number(a.code === paint.highlight) - Number(b.code === paint.highlight));
  const mainlands = mainlandsAtScale(shapes, frame.main.scale());
  const mainland = ordered.map((shape) => province(shape, 'path', mainPath(mainlands.get(shape.code)!) ?? '')).join('');
  const fontSize = round(Math.max(9, size.height * 0.022));
  const insets = frame.insets
    .map((inset) => {
      const path = geoPath(inset.projection);
      const owner = shapes.find((s) => s.islands?.group === inset.group)!;
      const label = t(lang, inset.group === 'hoang-sa' ? 'map.hoangSa' : 'map.truongSa');
      // Islets of a few hundred metres are below a pixel at any frame size: each is a dot at its place.
      const radius = round(Math.max(1.5, fontSize * 0.3));
      const dots = owner.islands!.shape.coordinates
        .map((polygon) => path.centroid({ type: 'Polygon', coordinates: polygon }))
        .map(([cx, cy]) => `<circle cx="${round(cx)}" cy="${round(cy)}" r="${radius}" stroke="#333" stroke-width="${round(stroke * 1.5)}"/>`)
        .join('');
      const centre = round(inset.x + inset.width / 2);
      return (
        `<g class="map-inset" data-group="${inset.group}">` +
        `<rect x="${round(inset.x)}" y="${round(inset.y)}" width="${round(inset.width)}" height="${round(inset.height)}" fill="#fff" stroke="#6b6b6b" stroke-width="${round(stroke * 1.5)}"/>` +
        (frame.labels
          ? `<text x="${centre}" y="${round(inset.y + fontSize * 1.25)}" font-size="${fontSize}" font-family="${FONT}" text-anchor="middle" fill="#222">` +
            [...label.split('\n'), `(${owner.name})`].map((line, index) => `<tspan x="${centre}"${index > 0 ? ` dy="${round(fontSize * 1.15)}"` : ''}>${escapeMarkup(line)}</tspan>`).join('') +
            `</text>`
          : '') +
        province(owner, 'g', dots) +
        `</g>`
      );
    })
    .join('');
  return `<g class="map-provinces">${mainland}</g>${insets}`;
}

function svgDocument(size: MapSize, idPrefix: string, title: string, description: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"` +
    ` role="img" aria-labelledby="${escapeMarkup(idPrefix)}-title ${escapeMarkup(idPrefix)}-desc" class="province-map">` +
    `<title id="${escapeMarkup(idPrefix)}-title">${escapeMarkup(title)}</title><desc id="${escapeMarkup(idPrefix)}-desc">${escapeMarkup(description)}</desc>` +
    body +
    `</svg>`
  );
}

/** The hatch of provinces without a figure: grey lines on white, unlike any colour class. */
export const NO_FIGURE_HATCH = { background: '#ffffff', line: '#7a7a7a' };

/** SVG `<pattern>` of the no-figure hatch (ids are per map: several maps share a page). */
export function hatchPattern(id: string, scale = 1): string {
  const s = round(6 * scale);
  return (
    `<pattern id="${escapeMarkup(id)}" patternUnits="userSpaceOnUse" width="${s}" height="${s}" patternTransform="rotate(45)">` +
    `<rect width="${s}" height="${s}" fill="${NO_FIGURE_HATCH.background}"/>` +
    `<line x1="0" y1="0" x2="0" y2="${s}" stroke="${NO_FIGURE_HATCH.line}" stroke-width="${round(1.6 * scale)}"/></pattern>`
  );
}

/**
 * The choropleth of one layer as a standalone SVG of the given size: every province filled with
 * its class colour, or hatched when it has no figure on the layer's basis; each path carries
 * `data-code`, `data-name`, `data-bin` (class index or `none`) and a `<title>` tooltip.
 */
export function renderChoroplethSvg(
  shapes: readonly ProvinceShape[],
  layer: Pick<MapLayer, 'id' | 'records'>,
  options: MapSize & { lang: Lang; title: string; description: string; insetLabels?: boolean; align?: MapAlign },
): string {
  const bins = mapBins(layer.records);
  const byCode = new Map(layer.records.map((r) => [r.provinceCode, r]));
  const hatchId = `${layer.id}-hatch`;
  const frame = layout(shapes, options, options.insetLabels ?? true, options.align);
  const noFigure = t(options.lang, 'map.noFigure');
  const paint: Paint = {
    fill: (code) => {
      const record = byCode.get(code);
      return record ? binOf(record, bins).colour : `url(#${hatchId})`;
    },
    title: (code) => {
      const record = byCode.get(code);
      const name = shapes.find((s) => s.code === code)!.name;
      return record ? `${name}: ${recordValue(record, options.lang)} (${formatDate(record.date, options.lang)})` : `${name}: ${noFigure}`;
    },
    data: (code) => {
      const record = byCode.get(code);
      return { bin: record ? String(bins.indexOf(binOf(record, bins))) : 'none' };
    },
  };
  // Whole pixels: the boundaries are about a pixel apart at 600×900 already, and a decimal made the
  // map page's three maps 105 kB gzipped instead of 72 kB (neighbours share their rounded points).
  const drawn = drawProvinces(shapes, frame, paint, options.lang, options, 0);
  return svgDocument(options, layer.id, options.title, options.description, `<defs>${hatchPattern(hatchId, Math.max(1, options.height / 900))}</defs>${drawn}`);
}

/**
 * What a choropleth drawn without inset labels (`insetLabels: false`) covers, in its own pixels:
 * each island inset with its group's province (images name them outside the inset at their own
 * legal type size) and each province's mainland bounds (`land`: where no word may go).
 */
export function choroplethFrame(
  shapes: readonly ProvinceShape[],
  size: MapSize,
  align: MapAlign,
): { insets: { group: IslandGroup; province: string; x: number; y: number; width: number; height: number }[]; land: Box[] } {
  const frame = layout(shapes, size, false, align);
  const path = geoPath(frame.main);
  return {
    insets: frame.insets.map(({ group, x, y, width, height }) => ({ group, province: shapes.find((s) => s.islands?.group === group)!.name, x, y, width, height })),
    // Unsimplified bounds: never smaller than the drawn (simplified) outline's.
    land: shapes.map((shape) => {
      const [[left, top], [right, bottom]] = path.bounds(shape.mainland);
      return { left, top, right, bottom };
    }),
  };
}

/** A small map of the country with one province outlined and filled (province pages). */
export function renderLocatorSvg(shapes: readonly ProvinceShape[], code: string, options: MapSize & { lang: Lang; title: string }): string {
  const frame = layout(shapes, options, false);
  const paint: Paint = { fill: (c) => (c === code ? '#08519c' : '#d9d9d9'), title: () => undefined, highlight: code };
  return svgDocument(options, `locator-${code}`, options.title, options.title, drawProvinces(shapes, frame, paint, options.lang, options, 0));
}

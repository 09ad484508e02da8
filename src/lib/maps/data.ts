import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURES, RATE_BASES, type Measure, type RateBasis } from '../../content/snapshot.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { basisSlugs, measureSlugs } from '../charts/model/from-figures.ts';
import type { Figure } from '../stats/figures.ts';
import { latestByPlace } from '../stats/model.ts';
import { placesSummary } from '../stats/summaries.ts';
import { basisName, measureName } from '../stats/words.ts';
import { fill } from '../stats/chart-text.ts';
import { MIN_PROVINCES_FOR_MAP, parseProvinceShapes, type MapLayer, type MapRecord, type ProvinceShape } from './draw.ts';
import { loadRegions } from '../../content/regions.ts';

/** Where the boundaries live (copied from the shared data folder; see its README). */
export const MAP_FILE = 'content/map/provinces-2020.topo.json';

const shapesCache = new Map<string, ProvinceShape[]>();

/** The 63 province shapes, checked against the regions reference; read once per project root. */
export function loadProvinceShapes(root: string = process.cwd()): ProvinceShape[] {
  const cached = shapesCache.get(root);
  if (cached) return cached;
  const shapes = parseProvinceShapes(readFileSync(join(root, MAP_FILE), 'utf8'), loadRegions(root).provinces, MAP_FILE);
  shapesCache.set(root, shapes);
  return shapes;
}

/** The figures a map draws: the latest rate of each province on one measure and basis ("dưới 8 %" included). */
function mapFigures(figures: readonly Figure[], measure: Measure, basis: RateBasis): (Figure & { value: number })[] {
  return [...latestByPlace(figures, { kind: 'rate', measure, basis, level: 'province', upperBounds: true }).values()];
}

/**
 * What a map shows, read aloud: "Từ ngày 11/8/2020 đến ngày 31/5/2021, 12 tỉnh, thành phố có số
 * liệu …; cao nhất …" only among figures the model lets us compare, the others with their dates.
 */
export function mapSummary(figures: readonly Figure[], measure: Measure, basis: RateBasis, lang: Lang): string {
  return placesSummary(mapFigures(figures, measure, basis), t(lang, 'summary.places.provinces'), lang);
}

/** THE adapter from the figure model to map records: the latest rate of each province on one measure and basis. */
export function mapRecords(figures: readonly Figure[], measure: Measure, basis: RateBasis): MapRecord[] {
  return mapFigures(figures, measure, basis).map((figure) => ({
    provinceCode: figure.place.code,
    value: figure.value,
    decimals: figure.decimals,
    qualifier: figure.qualifier,
    date: figure.date,
    basis,
    source: { name: figure.source.name, url: figure.source.url },
  }));
}

/**
 * Every map the data supports: one per measure × stated basis with figures for at least
 * `MIN_PROVINCES_FOR_MAP` provinces (a rate without a stated basis is never mapped), the
 * population basis of downloads first, then by number of provinces.
 */
export function mapLayers(figures: readonly Figure[]): MapLayer[] {
  const layers: MapLayer[] = [];
  for (const measure of MEASURES) {
    for (const basis of RATE_BASES) {
      if (basis === 'not_stated') continue;
      const records = mapRecords(figures, measure, basis);
      if (records.length < MIN_PROVINCES_FOR_MAP) continue;
      layers.push({ id: `ban-do-${measureSlugs[measure]}-${basisSlugs[basis]}`, measure, basis, records, summary: { vi: mapSummary(figures, measure, basis, 'vi'), en: mapSummary(figures, measure, basis, 'en') } });
    }
  }
  const lead = (layer: MapLayer) => Number(!(layer.measure === 'downloads' && layer.basis === 'population'));
  return layers.sort((a, b) => lead(a) - lead(b) || b.records.length - a.records.length);
}

/** "Tỷ lệ lượt tải theo tỉnh, thành phố (% dân số)": what a map shows, its basis always named. */
export function mapTitle(layer: Pick<MapLayer, 'measure' | 'basis'>, lang: Lang): string {
  return fill(t(lang, 'map.title'), { measure: measureName(layer.measure, lang), basis: basisName(layer.basis, lang) });
}


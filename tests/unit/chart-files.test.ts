import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, chartCsv, chartJson } from '../../src/lib/chart-files.ts';
import { csvCell } from '../../src/lib/escape.ts';
import { latestRatesChart, type Figure } from '../../src/lib/chart-spec.ts';

/** Synthetic figures with hostile text (test data, not published figures). */
const f = (over: Partial<Figure>): Figure => ({
  regionCode: '96', regionName: 'Cà Mau', level: 'province', date: '2020-09-07', kind: 'rate', measure: 'downloads',
  basis: 'population', value: 16.08, qualifier: null, method: 'all_installs', rank: 59, rankOf: 63,
  source: { name: '=HYPERLINK("http://evil.test","x")', title: '-2+3, "quoted"', url: '/van-ban/5355-ubnd-kgvx-2020/' }, ...over,
});
const spec = latestRatesChart({ id: 'csv', measure: 'downloads', basis: 'population', title: { vi: 'Tỷ lệ', en: 'Rate' }, figures: [f({}), f({ regionCode: '84', regionName: '@Trà Vinh', value: 5.06 })] })!;

describe('CSV for spreadsheets', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = chartCsv(spec, 'https://bluezone.example');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${BOM}chart_id,series_vi,series_en,region_code,region_name,date,kind,measure,basis,value,qualifier,rank,rank_of,source_name,source_title,source_url`);
  });
  it('neutralises formula cells and keeps the numbers intact', () => {
    const rows: Record<string, string>[] = parse(chartCsv(spec, 'https://bluezone.example'), { columns: true, bom: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.source_name).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(rows[0]!.source_title).toBe(`'-2+3, "quoted"`);
    expect(rows[1]!.region_name).toBe(`'@Trà Vinh`);
    expect(rows.map((r) => Number(r.value))).toEqual([16.08, 5.06]);
    expect(rows[0]!.source_url).toBe('https://bluezone.example/van-ban/5355-ubnd-kgvx-2020/');
  });
  it('never lets any text start a formula (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text);
        const parsed = parse(`${cell}\n`, { relax_quotes: false })[0]?.[0] ?? '';
        expect(/^[=+\-@\t\r]/.test(parsed)).toBe(false);
      }),
    );
  });
});

describe('JSON for graphics systems', () => {
  it('carries every drawn number with its source', () => {
    const json = chartJson(spec, 'https://bluezone.example') as { rows: { value: number; source: { url: string } }[]; asOf: string };
    expect(json.rows.map((r) => r.value)).toEqual([16.08, 5.06]);
    expect(json.asOf).toBe('2020-09-07');
    expect(json.rows[0]!.source.url).toBe('https://bluezone.example/van-ban/5355-ubnd-kgvx-2020/');
  });
});

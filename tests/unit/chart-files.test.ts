import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, chartCsv, chartJson } from '../../src/lib/charts/publish/files.ts';
import { csvCell } from '../../src/lib/core/escape.ts';
import { latestRatesChart } from '../../src/lib/charts/model/from-figures.ts';
import type { Figure } from '../../src/lib/stats/figures.ts';
import { testFigure } from './figure-fixtures.ts';

/** Synthetic figures with hostile text (test data, not published figures). */
const f = (over: Partial<Figure>): Figure =>
  testFigure({ source: { name: '=HYPERLINK("http://evil.test","x")', title: '-2+3, "quoted"', url: '/van-ban/5355-ubnd-kgvx-2020/' }, ...over });
const spec = latestRatesChart('csv', [f({}), f({ place: { code: '84', name: '@Trà Vinh', level: 'province' }, value: 5.06, qualifier: 'about' })], 'downloads', 'population')!;

describe('CSV for spreadsheets', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = chartCsv(spec, 'https://bluezone.example');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${BOM}chart_id,series_vi,series_en,region_code,region_name,date,kind,measure,basis,value,qualifier,printed_in,as_published_vi,as_published_en,rank,rank_of,source_name,source_title,source_url`);
  });
  it('neutralises formula cells and keeps the numbers intact', () => {
    const rows: Record<string, string>[] = parse(chartCsv(spec, 'https://bluezone.example'), { columns: true, bom: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.source_name).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(rows[0]!.source_title).toBe(`'-2+3, "quoted"`);
    expect(rows[1]!.region_name).toBe(`'@Trà Vinh`);
    expect(rows.map((r) => Number(r.value))).toEqual([16.08, 5.06]);
    // The qualifier travels with the number, in the data and in the published wording.
    expect(rows[1]!.qualifier).toBe('about');
    expect(rows[1]!.as_published_vi!.startsWith('khoảng')).toBe(true);
    expect(rows[1]!.as_published_en!.startsWith('about')).toBe(true);
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

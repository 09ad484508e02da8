import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCharts, figuresFrom } from '../../src/lib/chart-series.ts';
import { chartRows, latestRatesChart, timelineChart, countingChange, niceCeiling, type Figure } from '../../src/lib/chart-spec.ts';
import { chartBundle } from '../../src/lib/chart-catalogue.ts';
import { loadRegions } from '../../src/lib/regions.ts';
import { observations, type SnapshotEntry } from '../../src/lib/stats.ts';
import { snapshotSchemaWith } from '../../src/schemas/snapshot.ts';
import { statementTargetSchema } from '../../src/schemas/statement-target.ts';
import { letter } from './directive-fixtures.ts';

const regions = loadRegions();
const schema = snapshotSchemaWith(regions);
/** The committed snapshots (getCollection() is empty under Vitest, so they are read here). */
const snapshots: SnapshotEntry[] = readdirSync('content/stats')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -5), data: schema.parse(JSON.parse(readFileSync(join('content/stats', f), 'utf8'))) }));
const statementTargets = readdirSync('content/targets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ data: statementTargetSchema.parse(JSON.parse(readFileSync(join('content/targets', f), 'utf8'))) }));

const source = { name: 'TEST FIXTURE', title: null, url: 'https://example.test/' };
/** A synthetic figure (test data, not published figures). */
function figure(over: Partial<Figure>): Figure {
  return {
    regionCode: '96',
    regionName: 'Cà Mau',
    level: 'province',
    date: '2020-09-07',
    kind: 'rate',
    measure: 'downloads',
    basis: 'population',
    value: 16.08,
    qualifier: null,
    method: 'all_installs',
    rank: 59,
    rankOf: 63,
    source,
    ...over,
  };
}

describe('summary sentences, written from the numbers', () => {
  it('reads like the letters in both languages, with rank and target', () => {
    const spec = timelineChart({
      id: 'test',
      title: { vi: 'Cà Mau', en: 'Cà Mau' },
      regionCode: '96',
      unit: 'percent',
      figures: [figure({ date: '2020-08-27', value: 10.21, rank: null, rankOf: null }), figure({})],
      targets: [{ value: 50, unit: 'percent', from: '2020-09-08', deadline: null, label: { vi: 'tối thiểu 50%', en: 'at least 50%' }, source }],
    })!;
    expect(spec.summary.vi).toBe('Cà Mau: 16,08% (% dân số) ngày 07/09/2020, xếp thứ 59/63. Mục tiêu: tối thiểu 50%.');
    expect(spec.summary.en).toBe('Cà Mau: 16.08% (% of population) on 7 September 2020, rank 59 of 63. Target: at least 50%.');
  });

  it('names highest and lowest of a bar chart with their own dates', () => {
    const spec = latestRatesChart({
      id: 'bars',
      measure: 'downloads',
      basis: 'population',
      title: { vi: 't', en: 't' },
      figures: [figure({}), figure({ regionCode: '84', regionName: 'Trà Vinh', date: '2020-08-12', value: 5.06, qualifier: 'about', rank: 62 })],
    })!;
    expect(spec.summary.vi).toContain('Cao nhất: Cà Mau 16,08% (07/09/2020); thấp nhất: Trà Vinh khoảng 5,06% (12/08/2020)');
    expect(spec.summary.en).toContain('lowest: Trà Vinh about 5.06% (12 August 2020)');
  });

  it('marks lower bounds in words', () => {
    const spec = timelineChart({
      id: 'n',
      title: { vi: 'n', en: 'n' },
      regionCode: 'VN',
      unit: 'count',
      figures: [figure({ regionCode: 'VN', regionName: 'Việt Nam', level: 'country', kind: 'count', basis: null, value: 20_000_000, qualifier: 'more_than', date: '2020-08-20', rank: null, rankOf: null })],
    })!;
    expect(spec.summary.vi).toBe('Cả nước: hơn 20.000.000 (lượt tải) ngày 20/08/2020.');
    expect(spec.summary.en).toBe('Whole country: more than 20,000,000 (downloads) on 20 August 2020.');
  });
});

describe('specs never mix what must stay apart', () => {
  it('keeps one basis per bar chart and drops upper bounds', () => {
    const figures = figuresFrom(observations(snapshots));
    expect(figures.length).toBeGreaterThan(20);
    expect(figures.some((f) => f.qualifier === ('less_than' as never))).toBe(false);
    const spec = latestRatesChart({ id: 'b', measure: 'downloads', basis: 'population', title: { vi: 't', en: 't' }, figures })!;
    for (const row of chartRows(spec)) {
      expect(row.basis).toBe('population');
      expect(row.measure).toBe('downloads');
    }
  });

  it('splits a series at the counting change of 29/06/2021', () => {
    const spec = timelineChart({
      id: 'break',
      title: { vi: 't', en: 't' },
      regionCode: 'VN',
      unit: 'count',
      figures: [
        figure({ regionCode: 'VN', kind: 'count', basis: null, value: 38_000_000, date: '2021-06-26' }),
        figure({ regionCode: 'VN', kind: 'count', basis: null, value: 1_000_000, date: '2021-07-05', method: 'active_3g4g_subscribers' }),
      ],
      methodChanges: [countingChange],
    })!;
    expect(spec.series).toHaveLength(2);
    expect(spec.series.map((s) => s.method)).toEqual(['all_installs', 'active_3g4g_subscribers']);
    expect(spec.breaks.map((b) => b.date)).toEqual(['2021-06-29']);
  });

  it('rounds count axes up to a labelled tick', () => {
    expect(niceCeiling(50_000_000)).toBe(50_000_000);
    expect(niceCeiling(37_900_000)).toBe(40_000_000);
    expect(niceCeiling(0)).toBe(1);
  });
});

describe('the site’s charts from the committed data', () => {
  const directives = [
    { data: letter() },
    { data: letter({ slug: '5355-ubnd-kgvx-2020', number: '5355', province: '96', date: '2020-09-08', targets: [{ percent: 50, comparator: 'at-least', basis: 'smartphone_users', region: { scope: 'province', province: '96' }, deadline: null }] }) },
  ];
  const charts = buildCharts({ snapshots, directives, statementTargets, regions });

  it('has the national series with the statement targets, a latest-rate chart per basis and target charts', () => {
    expect(charts.length).toBeGreaterThan(5);
    const national = charts.find((c) => c.id === 'luot-tai-toan-quoc');
    expect(national?.kind).toBe('timeline');
    if (national?.kind !== 'timeline') throw new Error('no national chart');
    expect(national.targets.map((t) => t.value)).toEqual([50_000_000, 45_000_000, 30_000_000]);
    expect(national.breaks.map((b) => b.date)).toEqual(['2021-06-29']);
    expect(national.events.map((e) => e.date)).toEqual(['2020-04-18']);
    expect(charts.some((c) => c.id === 'ty-le-tai-dan-so')).toBe(true);
    expect(charts.some((c) => c.id === 'muc-tieu-1119-ubnd-kgvx-2020')).toBe(true);
    const caMau = charts.find((c) => c.id === 'muc-tieu-5355-ubnd-kgvx-2020')!;
    expect(caMau.summary.vi).toContain('16,08%');
    expect(caMau.summary.vi).toContain('59/63');
  });

  it('gives every chart a source for every drawn number and both summaries', () => {
    for (const chart of charts) {
      expect(chart.summary.vi.length).toBeGreaterThan(10);
      expect(chart.summary.en.length).toBeGreaterThan(10);
      for (const row of chartRows(chart)) expect(row.source.url ?? row.source.name).toBeTruthy();
    }
  });

  it('keeps dated versions built only from figures up to their date', () => {
    const bundle = chartBundle({ snapshots, directives, statementTargets, regions });
    const national = bundle.charts.find((c) => c.spec.id === 'luot-tai-toan-quoc')!;
    expect(national.versions.length).toBeGreaterThan(5);
    for (const version of national.versions) {
      for (const row of chartRows(version.spec)) expect(row.date <= version.asOf).toBe(true);
    }
    expect(national.versions.at(-1)!.spec).toEqual(national.spec);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { axisTitle, barTooltip, chartConfig, dateValue, monthTicks, pointTooltip, type PointDatum } from '../../src/lib/charts/draw/config.ts';
import type { TimelineChartSpec } from '../../src/lib/charts/model/spec.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { buildCharts, latestRatesChart } from '../../src/lib/charts/model/from-figures.ts';
import type { SnapshotEntry } from '../../src/lib/stats/load.ts';
import { snapshotSchemaWith, type Snapshot } from '../../src/content/snapshot.ts';
import { testFigure } from './figure-fixtures.ts';

const regions = loadRegions();
const schema = snapshotSchemaWith(regions);
/** Synthetic figures for the honesty rules (test data, not published figures). */
const traVinh = { code: '84', name: 'Trà Vinh', level: 'province' as const };
const f = (over: Parameters<typeof testFigure>[0]) => testFigure({ place: traVinh, date: '2020-08-12', value: 5.06, rank: 62, ...over });
const look = { lang: 'vi' as const, fontFamily: 'sans-serif', scale: 1, padding: { top: 0, right: 0, bottom: 0, left: 0 }, responsive: false };
type Scales = Record<string, { min?: number; max?: number; beginAtZero?: boolean; type?: string }>;
const scales = (config: ChartConfiguration) => config.options!.scales as Scales;
const snap = (id: string, asOf: string, rows: Snapshot['rows']): SnapshotEntry => ({
  id: `${asOf}-${id}`,
  data: schema.parse({ asOf, source: { id, name: 'TEST FIXTURE', url: 'https://example.test/' }, measure: 'downloads', rows }),
});
const caMau = { code: '96', name: 'Cà Mau', level: 'province' as const };
const country = { code: 'VN', name: 'Việt Nam', level: 'country' as const };
const built = buildCharts({
  snapshots: [
    snap('a', '2020-08-09', [{ region: country, installs: 13_500_000, installsPrintedIn: 'millions' }]),
    snap('b', '2020-08-20', [{ region: country, installs: 20_000_000, installsQualifier: 'more_than', installsPrintedIn: 'millions' }]),
    snap('c', '2020-08-27', [{ region: caMau, ratePercent: 10.21, rateBasis: 'population' }]),
    snap('d', '2020-09-07', [{ region: caMau, ratePercent: 16.08, rateBasis: 'not_stated' }]),
    snap('e', '2020-09-30', [{ region: caMau, ratePercent: 12, rateBasis: 'population' }]),
  ],
  directives: [],
  statementTargets: [{ data: { installs: 50_000_000, label: '50 triệu', labelEn: '50 million', stated: '2020-08-10', deadline: null, source: { name: 'TEST FIXTURE', title: 'Test', url: 'https://example.test/' } } }],
  regions,
});

const bars = latestRatesChart(
  'bars',
  [f({}), f({ place: { code: '48', name: 'Đà Nẵng', level: 'province' }, value: 44.57, date: '2021-06-19', rank: 1 }), f({ place: { code: '91', name: 'Kiên Giang', level: 'province' }, basis: 'adults_15_60', value: 13 })],
  'downloads',
  'population',
)!;
const rates = built.find((c) => c.id === 'chuoi-ca-mau-dan-so') as TimelineChartSpec;
const counts = built.find((c) => c.id === 'luot-tai-toan-quoc') as TimelineChartSpec;

describe('honest axes', () => {
  it('starts bars at zero on a 0–100 percent axis', () => {
    const x = scales(chartConfig(bars, look)).x!;
    expect(x.min).toBe(0);
    expect(x.max).toBe(100);
    expect(x.beginAtZero).toBe(true);
  });
  it('runs rate timelines 0–100 and count timelines from zero', () => {
    expect(scales(chartConfig(rates, look)).y).toMatchObject({ min: 0, max: 100 });
    expect(scales(chartConfig(counts, look)).y).toMatchObject({ min: 0, max: 50_000_000 });
  });
  it('puts time on a proportional (linear) axis', () => {
    const x = scales(chartConfig(rates, look)).x!;
    expect(x.type).toBe('linear');
    expect(x.min!).toBeLessThan(dateValue('2020-08-27'));
    expect(monthTicks(dateValue('2020-08-02'), dateValue('2020-11-02'), 12)).toHaveLength(3);
  });
});

describe('datasets never mix and never bridge gaps', () => {
  it('draws one bar chart per basis: other bases are left out', () => {
    expect(bars.bars.map((b) => b.regionName)).toEqual(['Đà Nẵng', 'Trà Vinh']);
  });
  it('gives each basis its own chart, with spanGaps off', () => {
    const config = chartConfig(rates, look);
    const datasets = config.data.datasets as Array<{ label: string; spanGaps: boolean; data: PointDatum[] }>;
    expect(datasets.every((d) => d.spanGaps === false)).toBe(true);
    expect(datasets.map((d) => d.data.map((p) => p.y))).toEqual([[10.21, 12]]);
    // The 16,08 % of unstated basis is not on this chart (it has a page table row, not a line here).
    expect(built.filter((c) => c.kind === 'timeline' && c.regionCode === '96').every((c) => chartConfig(c, look).data.datasets.length === 1)).toBe(true);
  });
  it('marks lower bounds and draws targets as dashed levels', () => {
    const config = chartConfig(counts, look);
    const [series, target] = config.data.datasets as Array<{ pointStyle: unknown; borderDash?: number[]; data: PointDatum[] }>;
    expect(series!.pointStyle).toEqual(['circle', 'triangle']);
    // A dash pattern: at least one dash and one gap, both visible.
    expect(target!.borderDash?.length).toBeGreaterThanOrEqual(2);
    expect(target!.borderDash!.every((length) => length > 0)).toBe(true);
    expect(target!.data.map((p) => p.y)).toEqual([50_000_000, 50_000_000]);
  });
});

describe('tooltips carry the same numbers as the spec', () => {
  it('words bar tooltips with basis, date and rank', () => {
    expect(barTooltip(bars, 1, 'vi')).toBe('5,06\u00a0% (% dân số), 12/8/2020 · xếp thứ 62/63');
    expect(barTooltip(bars, 0, 'en')).toBe('44.57% (% of population), 19 June 2021 · rank 1 of 63');
  });
  it('words lower bounds in timeline tooltips', () => {
    const datum: PointDatum = { x: dateValue('2020-08-20'), y: 20_000_000, q: 'more_than', p: 'millions', dc: null, d: '2020-08-20' };
    expect(pointTooltip('Cả nước: lượt tải', datum, counts, 'vi')).toBe('Cả nước: lượt tải: hơn 20 triệu');
  });
});

describe('axis titles on phones', () => {
  it('break a long basis into lines that fit a narrow drawing, losing no word', () => {
    const text = '% of smartphones (devices or subscriptions, as the source counts them)';
    const lines = axisTitle(text, { compact: true });
    expect(Array.isArray(lines) && lines.length).toBeGreaterThan(1);
    expect((lines as string[]).every((line) => line.length <= 36)).toBe(true);
    expect((lines as string[]).join(' ')).toBe(text);
    expect(axisTitle(text, { compact: false })).toBe(text);
  });
});

describe('daily figures', () => {
  // 400 days of national counts (synthetic), one of them a lower bound ("hơn") mid-way.
  const day = (n: number) => new Date(Date.parse('2020-08-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  const daily = buildCharts({
    snapshots: Array.from({ length: 400 }, (_, n) => snap(`d${n}`, day(n), [{ region: country, installs: 1_000_000 + n * 50_000, ...(n === 200 ? { installsQualifier: 'more_than' as const } : {}), installsPrintedIn: 'units' }])),
    directives: [],
    statementTargets: [],
    regions,
  }).find((c) => c.id === 'luot-tai-toan-quoc') as TimelineChartSpec;

  it('draw a line, keeping markers only on the last figure and on every qualified one', () => {
    const line = chartConfig(daily, look).data.datasets[0] as ChartDataset<'line', PointDatum[]>;
    const radius = line.pointRadius as number[];
    expect(radius).toHaveLength(400);
    const marked = radius.flatMap((r, i) => (r > 0 ? [i] : []));
    expect(marked).toEqual([200, 399]);
    expect((line.pointStyle as string[])[200]).toBe('triangle');
  });

  it('a few figures keep a marker each', () => {
    const line = chartConfig(counts, look).data.datasets[0] as ChartDataset<'line', PointDatum[]>;
    expect((line.pointRadius as number[]).every((r) => r > 0)).toBe(true);
  });
});

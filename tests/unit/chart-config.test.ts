import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import { barTooltip, chartConfig, dateValue, monthTicks, pointTooltip, type PointDatum } from '../../src/lib/chart-config.ts';
import { latestRatesChart, timelineChart, countingChange, type Figure, type TimelineChartSpec } from '../../src/lib/chart-spec.ts';

const source = { name: 'TEST FIXTURE', title: null, url: 'https://example.test/' };
/** Synthetic figures for the honesty rules (test data, not published figures). */
const f = (over: Partial<Figure>): Figure => ({
  regionCode: '84', regionName: 'Trà Vinh', level: 'province', date: '2020-08-12', kind: 'rate', measure: 'downloads',
  basis: 'population', value: 5.06, qualifier: null, method: 'all_installs', rank: 62, rankOf: 63, source, ...over,
});
const look = { lang: 'vi' as const, fontFamily: 'sans-serif', scale: 1, padding: { top: 0, right: 0, bottom: 0, left: 0 }, responsive: false };
type Scales = Record<string, { min?: number; max?: number; beginAtZero?: boolean; type?: string }>;
const scales = (config: ChartConfiguration) => config.options!.scales as Scales;

const bars = latestRatesChart({
  id: 'bars', measure: 'downloads', basis: 'population', title: { vi: 't', en: 't' },
  figures: [f({}), f({ regionCode: '48', regionName: 'Đà Nẵng', value: 44.57, date: '2021-06-19', rank: 1 }), f({ regionCode: '91', regionName: 'Kiên Giang', basis: 'adults_15_60', value: 13 })],
})!;
const rates = timelineChart({
  id: 'rates', title: { vi: 't', en: 't' }, regionCode: '96', unit: 'percent',
  figures: [f({ basis: 'population', date: '2020-08-27', value: 10.21 }), f({ basis: 'not_stated', date: '2020-09-07', value: 16.08 }), f({ basis: 'population', date: '2020-09-30', value: 12 })],
})!;
const counts = timelineChart({
  id: 'counts', title: { vi: 't', en: 't' }, regionCode: 'VN', unit: 'count',
  figures: [f({ kind: 'count', basis: null, value: 13_500_000, date: '2020-08-09' }), f({ kind: 'count', basis: null, value: 20_000_000, qualifier: 'more_than', date: '2020-08-20' })],
  targets: [{ value: 50_000_000, unit: 'count', from: '2020-08-10', deadline: null, label: { vi: '50 triệu', en: '50 million' }, source }],
  methodChanges: [countingChange],
})! as TimelineChartSpec;

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
  it('gives each basis its own line, with spanGaps off', () => {
    const config = chartConfig(rates, look);
    const datasets = config.data.datasets as Array<{ label: string; spanGaps: boolean; data: PointDatum[] }>;
    expect(datasets).toHaveLength(2);
    expect(datasets.every((d) => d.spanGaps === false)).toBe(true);
    expect(datasets.map((d) => d.data.map((p) => p.y))).toEqual([[10.21, 12], [16.08]]);
  });
  it('marks lower bounds and draws targets as dashed levels', () => {
    const config = chartConfig(counts, look);
    const [series, target] = config.data.datasets as Array<{ pointStyle: unknown; borderDash?: number[]; data: PointDatum[] }>;
    expect(series!.pointStyle).toEqual(['circle', 'triangle']);
    expect(target!.borderDash).toBeDefined();
    expect(target!.data.map((p) => p.y)).toEqual([50_000_000, 50_000_000]);
  });
});

describe('tooltips carry the same numbers as the spec', () => {
  it('words bar tooltips with basis, date and rank', () => {
    expect(barTooltip(bars, 1, 'vi')).toBe('5,06% (% dân số), 12/08/2020 · xếp thứ 62/63');
    expect(barTooltip(bars, 0, 'en')).toBe('44.57% (% of population), 19 June 2021 · rank 1 of 63');
  });
  it('words lower bounds in timeline tooltips', () => {
    const datum: PointDatum = { x: dateValue('2020-08-20'), y: 20_000_000, q: 'more_than', d: '2020-08-20' };
    expect(pointTooltip('Cả nước: lượt tải', datum, counts, 'vi')).toBe('Cả nước: lượt tải: hơn 20.000.000');
  });
});

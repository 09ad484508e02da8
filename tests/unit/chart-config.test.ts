import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { Chart } from '../../src/lib/charts/draw/parts.ts';
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
  // 400 days of national counts (synthetic), one of them a lower bound ("hơn") and one rounded ("khoảng").
  const day = (n: number) => new Date(Date.parse('2020-08-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  const qualifierOn = { 100: 'about', 200: 'more_than' } as Record<number, 'about' | 'more_than'>;
  const daily = buildCharts({
    snapshots: Array.from({ length: 400 }, (_, n) => snap(`d${n}`, day(n), [{ region: country, installs: 1_000_000 + n * 50_000, ...(qualifierOn[n] ? { installsQualifier: qualifierOn[n] } : {}), installsPrintedIn: 'units' }])),
    directives: [],
    statementTargets: [],
    regions,
  }).find((c) => c.id === 'luot-tai-toan-quoc') as TimelineChartSpec;

  /**
   * Draws a chart on a canvas and returns what its figure lines drew: every filled shape (a marker
   * is filled; a line is only stroked) as the figure nearest its centre, its shape and fill; and
   * every stroke as the figures it runs between and whether it was dashed.
   */
  function drawFigures(spec: TimelineChartSpec) {
    const ctx = createCanvas(720, 470).getContext('2d');
    let path: { x: number; y: number }[] = [];
    let arcs = 0;
    const shapes: { x: number; y: number; shape: 'circle' | 'triangle'; fill: string }[] = [];
    const strokes: { from: number; to: number; dashed: boolean }[] = [];
    const record = <K extends 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'fill' | 'stroke'>(name: K, before: (...args: number[]) => void) => {
      const original = (ctx[name] as (...args: unknown[]) => void).bind(ctx);
      Object.defineProperty(ctx, name, { configurable: true, value: (...args: number[]) => (before(...args), original(...args)) });
    };
    let inFigures = false;
    record('beginPath', () => ((path = []), (arcs = 0)));
    record('moveTo', (x, y) => path.push({ x: x!, y: y! }));
    record('lineTo', (x, y) => path.push({ x: x!, y: y! }));
    record('arc', (x, y) => (path.push({ x: x!, y: y! }), arcs++));
    record('fill', () => {
      if (!inFigures || path.length === 0) return;
      const x = path.reduce((sum, p) => sum + p.x, 0) / path.length;
      const y = path.reduce((sum, p) => sum + p.y, 0) / path.length;
      shapes.push({ x, y, shape: arcs > 0 ? 'circle' : 'triangle', fill: String(ctx.fillStyle) });
    });
    const lines: { path: { x: number; y: number }[]; dashed: boolean }[] = [];
    record('stroke', () => {
      if (inFigures && arcs === 0 && path.length > 1) lines.push({ path: [...path], dashed: ctx.getLineDash().length > 0 });
    });
    const config = chartConfig(spec, look) as ChartConfiguration<'line'>;
    config.plugins = [{ id: 'figures', beforeDatasetsDraw: () => void (inFigures = true), afterDatasetsDraw: () => void (inFigures = false) }, ...(config.plugins ?? [])];
    const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config);
    const points = chart.getDatasetMeta(0).data.map((point) => ({ x: point.x, y: point.y }));
    chart.destroy();
    const nearest = (at: { x: number; y: number }) => {
      const distance = (p: { x: number; y: number }) => Math.hypot(p.x - at.x, p.y - at.y);
      return points.reduce((best, p, i) => (distance(p) < distance(points[best]!) ? i : best), 0);
    };
    // A triangle's centre sits a little off its figure: still nearest to it.
    const markers = shapes.map((s) => ({ index: nearest(s), shape: s.shape, hollow: s.fill.toLowerCase() === '#ffffff' }));
    // Strokes of the figure line only (the target lines are their own datasets, not on its points).
    for (const line of lines) {
      const on = line.path.map(nearest);
      if (line.path.every((p, i) => Math.hypot(p.x - points[on[i]!]!.x, p.y - points[on[i]!]!.y) < 0.5)) strokes.push({ from: on[0]!, to: on.at(-1)!, dashed: line.dashed });
    }
    return { markers, strokes };
  }
  const drawnMarkers = (spec: TimelineChartSpec) => drawFigures(spec).markers;

  it('draw a line, keeping markers only on the last figure and on every qualified one: hollow for "khoảng", a triangle for "hơn"', () => {
    expect(drawnMarkers(daily).sort((a, b) => a.index - b.index)).toEqual([
      { index: 100, shape: 'circle', hollow: true },
      { index: 200, shape: 'triangle', hollow: false },
      { index: 399, shape: 'circle', hollow: false },
    ]);
  });

  it('a few figures keep a marker each', () => {
    const line = chartConfig(counts, look).data.datasets[0] as ChartDataset<'line', PointDatum[]>;
    expect((line.pointRadius as number[]).every((r) => r > 0)).toBe(true);
    expect(drawnMarkers(counts).map((m) => m.index).sort()).toEqual(counts.series[0]!.points.map((_, i) => i));
  });

  it('draw a stretch of more than GAP_DAYS without figures dashed, and every other stretch solid', () => {
    // 20 figures of Cà Mau's rate: days 0–9, then none for 30 days, then days 40–49.
    const gapped = buildCharts({
      snapshots: [...Array.from({ length: 10 }, (_, n) => n), ...Array.from({ length: 10 }, (_, n) => 40 + n)].map((n) => snap(`g${n}`, day(n), [{ region: caMau, ratePercent: 10 + n / 10, rateBasis: 'population' }])),
      directives: [],
      statementTargets: [],
      regions,
    }).find((c) => c.kind === 'timeline' && c.regionCode === '96') as TimelineChartSpec;
    expect(gapped.series[0]!.points).toHaveLength(20);
    const { strokes } = drawFigures(gapped);
    expect(strokes.filter((s) => s.dashed)).toEqual([{ from: 9, to: 10, dashed: true }]);
    // The solid strokes together run through every other figure.
    const solid = strokes.filter((s) => !s.dashed);
    expect(solid.length).toBeGreaterThan(0);
    expect(solid.map((s) => [s.from, s.to])).toEqual(expect.arrayContaining([[0, 9], [10, 19]]));
    // Daily figures without a gap: no dashed stretch at all.
    expect(drawFigures(daily).strokes.every((s) => !s.dashed)).toBe(true);
  });
});

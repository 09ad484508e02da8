import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '../../src/lib/regions.ts';
import { snapshotSchemaWith, type Snapshot } from '../../src/schemas/snapshot.ts';
import {
  checkStatedRate,
  daysBetween,
  gapToTarget,
  latestByRegion,
  nationalDownloads,
  observations,
  populationLookup,
  rankDescending,
  rateFromCounts,
  series,
  seriesKeysOf,
  snapshotsNewestFirst,
  type SnapshotEntry,
} from '../../src/lib/stats.ts';

const regions = loadRegions();
const schema = snapshotSchemaWith(regions);
const committed: SnapshotEntry[] = readdirSync('content/stats')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -5), data: schema.parse(JSON.parse(readFileSync(join('content/stats', f), 'utf8'))) }));
const all = observations(committed);

const row = (code: string, name: string, level: 'country' | 'province' | 'district', extra: object) => ({ region: { code, name, level }, ...extra });
function snap(id: string, asOf: string, rows: object[], measure: Snapshot['measure'] = 'downloads'): SnapshotEntry {
  return { id, data: schema.parse({ asOf, source: { id: id.split('-').slice(3).join('-') || 'feed', name: 'Test feed', url: 'https://example.org/' }, measure, rows }) };
}

describe('rates from counts', () => {
  it('computes the letters’ rates and flags a mismatch over 0,1 point', () => {
    expect(checkStatedRate(37.86, 72014, 190232).mismatch).toBe(false);
    expect(checkStatedRate(37.35, 72014, 192789).mismatch).toBe(false);
    const wrong = checkStatedRate(37.86, 72014, 192789);
    expect(wrong.mismatch).toBe(true);
    expect(wrong.difference).toBeCloseTo(0.506, 2);
    expect(() => rateFromCounts(1, 0)).toThrow(RangeError);
    expect(() => rateFromCounts(-1, 10)).toThrow(RangeError);
  });

  it('property: a rate rounded to 2 decimals never mismatches; one moved by more than 0,1 never matches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (denominator, raw) => {
        const installs = raw % (denominator + 1);
        const rate = rateFromCounts(installs, denominator);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(100);
        expect(checkStatedRate(Math.round(rate * 100) / 100, installs, denominator).mismatch).toBe(false);
        expect(checkStatedRate(rate + 0.1001, installs, denominator).mismatch).toBe(true);
        expect(checkStatedRate(rate - 0.1001, installs, denominator).mismatch).toBe(true);
      }),
    );
  });

  it('property: the rate grows with installs and shrinks with the denominator', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (a, b, d) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rateFromCounts(low, d)).toBeLessThanOrEqual(rateFromCounts(high, d));
        expect(rateFromCounts(high, d + 1)).toBeLessThanOrEqual(rateFromCounts(high, d));
      }),
    );
  });
});

describe('series', () => {
  it('the national download series runs from August 2020 to June 2021, oldest first, bounds kept', () => {
    const segments = nationalDownloads(all);
    expect(segments).toHaveLength(1);
    const points = segments[0]!.points;
    expect(points.length).toBeGreaterThanOrEqual(10);
    expect(points[0]).toMatchObject({ asOf: '2020-08-02', value: 1851827, qualifier: undefined });
    expect(points.at(-1)!.asOf.startsWith('2021-06')).toBe(true);
    expect(points.find((p) => p.asOf === '2020-08-20')).toMatchObject({ value: 20_000_000, qualifier: 'more_than' });
    const dates = points.map((p) => p.asOf);
    expect([...dates].sort()).toEqual(dates);
  });

  it('never mixes bases or measures: Cẩm Phả has one series per basis, Kiên Giang’s 13% is only on adults 15–60', () => {
    const keys = seriesKeysOf(all, '195');
    expect(keys).toEqual(
      expect.arrayContaining([
        { regionCode: '195', measure: 'registered_with_phone', kind: 'rate', basis: 'population' },
        { regionCode: '195', measure: 'registered_with_phone', kind: 'rate', basis: 'smartphones' },
        { regionCode: '195', measure: 'registered_with_phone', kind: 'installs' },
      ]),
    );
    expect(keys).toHaveLength(3);
    // The two Cẩm Phả rows repeat one count: the installs series has it once.
    expect(series(all, { regionCode: '195', measure: 'registered_with_phone', kind: 'installs' })[0]!.points).toHaveLength(1);
    expect(series(all, { regionCode: '91', measure: 'downloads', kind: 'rate', basis: 'population' })).toEqual([]);
    expect(series(all, { regionCode: '91', measure: 'downloads', kind: 'rate', basis: 'adults_15_60' })[0]!.points[0]!.value).toBe(13);
  });

  it('splits a series at the counting change of 29/06/2021', () => {
    const entries = [
      snap('2021-06-20-feed', '2021-06-20', [row('VN', 'Việt Nam', 'country', { installs: 100 })]),
      snap('2021-06-30-feed', '2021-06-30', [row('VN', 'Việt Nam', 'country', { installs: 50 })]),
      snap('2021-07-05-feed', '2021-07-05', [row('VN', 'Việt Nam', 'country', { installs: 60 })]),
    ];
    const segments = nationalDownloads(observations(entries));
    expect(segments.map((s) => [s.method, s.points.map((p) => p.value)])).toEqual([
      ['all_installs', [100]],
      ['active_3g4g_subscribers', [50, 60]],
    ]);
  });

  it('property: segments keep every matching point, in date order, and consecutive segments differ in method', () => {
    const day = fc.integer({ min: 0, max: 600 }).map((n) => new Date(Date.UTC(2020, 7, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 30 }), (dates) => {
        const entries = dates.map((d, i) => snap(`${d}-feed`, d, [row('VN', 'Việt Nam', 'country', { installs: i })]));
        const segments = nationalDownloads(observations(entries));
        const flat = segments.flatMap((s) => s.points.map((p) => p.asOf));
        expect(flat).toEqual([...dates].sort());
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.method).not.toBe(segments[i - 1]!.method);
        expect(segments.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('latest per region', () => {
  it('gives each province’s latest rate on one basis only', () => {
    const latest = latestByRegion(all, { measure: 'downloads', kind: 'rate', basis: 'population', level: 'province' });
    expect(latest.get('96')!.point).toMatchObject({ asOf: '2020-08-27', value: 10.21 });
    expect(latest.has('91')).toBe(false); // Kiên Giang's only rate is on adults 15–60
    const notStated = latestByRegion(all, { measure: 'downloads', kind: 'rate', basis: 'not_stated', level: 'province' });
    expect(notStated.get('96')!.point).toMatchObject({ asOf: '2020-09-07', value: 16.08, rank: 59, rankOf: 63 });
    for (const { observation } of latest.values()) expect(observation.row.region.level).toBe('province');
  });

  it('a later snapshot replaces an earlier one; a same-day tie goes to the later snapshot id', () => {
    const entries = [
      snap('2020-08-01-a', '2020-08-01', [row('96', 'Cà Mau', 'province', { ratePercent: 5, rateBasis: 'population' })]),
      snap('2020-08-03-a', '2020-08-03', [row('96', 'Cà Mau', 'province', { ratePercent: 7, rateBasis: 'population' })]),
      snap('2020-08-02-b', '2020-08-02', [row('96', 'Cà Mau', 'province', { ratePercent: 9, rateBasis: 'smartphones' })]),
    ];
    const latest = latestByRegion(observations(entries), { measure: 'downloads', kind: 'rate', basis: 'population' });
    expect(latest.get('96')!.point.value).toBe(7);
  });

  it('lists snapshots newest first', () => {
    const ordered = snapshotsNewestFirst(committed);
    expect(ordered[0]!.data.asOf >= ordered.at(-1)!.data.asOf).toBe(true);
  });

  it('finds the reference population for a population-based row without its own denominator', () => {
    expect(populationLookup(regions).populationOf('96')).toBe(1194476);
    expect(populationLookup(regions).populationOf('84')).toBeUndefined();
  });
});

describe('ranks', () => {
  it('ranks highest first with shared ranks for ties', () => {
    const ranked = rankDescending([{ v: 5 }, { v: 9 }, { v: 5 }, { v: 1 }], (x) => x.v);
    expect(ranked.map((r) => [r.item.v, r.rank])).toEqual([[9, 1], [5, 2], [5, 2], [1, 4]]);
  });

  it('property: ranks are between 1 and n, non-decreasing, and equal values share a rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 70 }), (values) => {
        const ranked = rankDescending(values, (v) => v);
        ranked.forEach((r, i) => {
          expect(r.rank).toBeGreaterThanOrEqual(1);
          expect(r.rank).toBeLessThanOrEqual(values.length);
          expect(r.rank).toBe(values.filter((v) => v > r.item).length + 1);
          if (i > 0) expect(r.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank);
        });
      }),
    );
  });
});

describe('targets', () => {
  const kienGiang = { value: 60, unit: 'percent' as const, basis: 'smartphones' as const, deadline: '2020-08-20' };

  it('measures the gap in points and the days left, on the same basis only', () => {
    const gap = gapToTarget({ asOf: '2020-08-16', value: 30, qualifier: undefined }, { kind: 'rate', basis: 'smartphones' }, kienGiang);
    expect(gap).toEqual({ comparable: true, gap: 30, reached: false, deadline: '2020-08-20', daysToDeadline: 4 });
    // Kiên Giang's published 13% is of adults 15–60: not comparable with a smartphone target.
    const other = gapToTarget({ asOf: '2020-08-16', value: 13, qualifier: undefined }, { kind: 'rate', basis: 'adults_15_60' }, kienGiang);
    expect(other).toMatchObject({ comparable: false, gap: undefined, reached: undefined, daysToDeadline: 4 });
    const notStated = gapToTarget({ asOf: '2020-09-07', value: 16.08, qualifier: undefined }, { kind: 'rate', basis: 'not_stated' }, { value: 50, unit: 'percent', basis: 'not_stated' });
    expect(notStated.comparable).toBe(false);
  });

  it('respects bounds: ">20 triệu" has reached 20 million but may or may not have reached 25 million', () => {
    const point = { asOf: '2020-08-20', value: 20_000_000, qualifier: 'more_than' as const };
    expect(gapToTarget(point, { kind: 'installs' }, { value: 20_000_000, unit: 'installs' }).reached).toBe(true);
    expect(gapToTarget(point, { kind: 'installs' }, { value: 25_000_000, unit: 'installs' }).reached).toBeUndefined();
    expect(gapToTarget({ ...point, qualifier: 'less_than' }, { kind: 'installs' }, { value: 25_000_000, unit: 'installs' }).reached).toBe(false);
    expect(gapToTarget({ ...point, qualifier: 'about' }, { kind: 'installs' }, { value: 50_000_000, unit: 'installs' })).toMatchObject({ gap: 30_000_000, reached: undefined });
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2020-08-16', '2020-08-20')).toBe(4);
    expect(daysBetween('2020-12-31', '2021-01-01')).toBe(1);
    expect(daysBetween('2020-09-20', '2020-09-19')).toBe(-1);
  });
});

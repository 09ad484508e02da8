import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type ChartSpec, chartRows } from '../../src/lib/charts/model/spec.ts';
import { numberSymbol } from '../../src/lib/directives/library.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { buildCharts, type ChartInputs } from '../../src/lib/charts/model/from-figures.ts';
import type { Figure } from '../../src/lib/stats/figures.ts';
import { figuresFromLetter, figuresFromSnapshots, newestSnapshotDate, type SnapshotEntry } from '../../src/lib/stats/load.ts';
import {
  COMPARISON_WINDOW_DAYS,
  comparable,
  comparableGroups,
  daysBetween,
  figureBasisOfTarget,
  isStatedBasis,
  latestRatesByProvince,
  latestStatedRate,
  newestDates,
  newestOfEachSeries,
  PAGE_TABLE_DATES,
  seriesKey,
} from '../../src/lib/stats/model.ts';
import { figureWords, valueWords } from '../../src/lib/stats/words.ts';
import { directiveSchema } from '../../src/content/directive.ts';
import { QUALIFIERS, RATE_BASES, snapshotSchemaWith, type Snapshot } from '../../src/content/snapshot.ts';
import { statementTargetSchema } from '../../src/content/statement-target.ts';

const regions = loadRegions();
const schema = snapshotSchemaWith(regions);
/** The committed content (getCollection() is empty under Vitest, so it is read here). */
const snapshots: SnapshotEntry[] = readdirSync('content/stats')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -5), data: schema.parse(JSON.parse(readFileSync(join('content/stats', f), 'utf8'))) }));
const directives = readdirSync('content/directives')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ data: directiveSchema.parse(parseYaml(readFileSync(join('content/directives', f), 'utf8').split(/^---$/m)[1]!)) }));
const statementTargets = readdirSync('content/targets')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ data: statementTargetSchema.parse(JSON.parse(readFileSync(join('content/targets', f), 'utf8'))) }));
const realInputs: ChartInputs = { snapshots, directives, statementTargets, regions };
const realFigures = figuresFromSnapshots(snapshots);
const realCharts = buildCharts(realInputs);

// — generated snapshots: a few places, days, bases and qualifiers, so every rule meets its edge cases —
const places = [
  { code: 'VN', name: 'Việt Nam', level: 'country' as const },
  { code: '91', name: 'Kiên Giang', level: 'province' as const },
  { code: '96', name: 'Cà Mau', level: 'province' as const },
  { code: '195', name: 'Cẩm Phả', level: 'district' as const },
];
const rowArb = fc
  .record({
    place: fc.constantFrom(...places),
    installs: fc.option(fc.integer({ min: 1, max: 40_000_000 }), { nil: undefined }),
    installsQualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: undefined }),
    millions: fc.boolean(),
    ratePercent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }).map((v) => Math.round(v * 100) / 100), { nil: undefined }),
    rateQualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: undefined }),
    rateBasis: fc.constantFrom(...RATE_BASES),
    measure: fc.constantFrom('downloads', 'registered_with_phone') as fc.Arbitrary<'downloads' | 'registered_with_phone'>,
  })
  .filter((r) => r.installs !== undefined || r.ratePercent !== undefined)
  .map((r) => ({
    region: r.place,
    measure: r.measure,
    ...(r.installs !== undefined ? { installs: r.installs, ...(r.installsQualifier ? { installsQualifier: r.installsQualifier } : {}), ...(r.millions ? { installsPrintedIn: 'millions' as const } : {}) } : {}),
    ...(r.ratePercent !== undefined ? { ratePercent: r.ratePercent, rateBasis: r.rateBasis, ...(r.rateQualifier ? { rateQualifier: r.rateQualifier } : {}) } : {}),
  }));
const snapshotsArb = fc
  .array(fc.record({ day: fc.integer({ min: 0, max: 300 }), rows: fc.array(rowArb, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 })
  .map((list) =>
    list.map(({ day, rows }, index): SnapshotEntry => {
      const asOf = new Date(Date.UTC(2020, 7, 1) + day * 86_400_000).toISOString().slice(0, 10);
      // Rows of one snapshot are unique per place × measure × basis (the schema's rule).
      const unique = [...new Map(rows.map((row) => [`${row.region.code}|${row.measure}|${'rateBasis' in row ? row.rateBasis : '-'}`, row])).values()];
      const data: Snapshot = { asOf, source: { id: `gen-${index}`, name: 'Generated', url: 'https://example.test/' }, measure: 'downloads', rows: unique };
      return { id: `${asOf}-gen-${index}`, data };
    }),
  );
const chartsOf = (generated: SnapshotEntry[]) => buildCharts({ ...realInputs, snapshots: generated });

/** The figure each drawn row comes from (throws when a row traces back to none). */
function traced(figures: Figure[], chart: ChartSpec) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  return chartRows(chart).map((row) => {
    const figure = byId.get(row.figure);
    if (!figure) throw new Error(`${chart.id}: a row traces back to no figure (${row.figure})`);
    return { row, figure };
  });
}

/** The bases a chart draws: one per chart, or none. */
function basesOf(chart: ChartSpec): Set<string> {
  return chart.kind === 'bar' ? new Set(chart.bars.map(() => chart.basis)) : new Set(chart.series.map((s) => `${s.kind}|${s.measure}|${s.basis ?? '-'}`));
}

describe('one chart, one basis', () => {
  it('holds for the real content', () => {
    for (const chart of realCharts) expect(basesOf(chart).size, chart.id).toBeLessThanOrEqual(1);
  });

  it('holds for generated snapshots, and every drawn number traces back to one figure with its date and qualifier', () => {
    fc.assert(
      fc.property(snapshotsArb, (generated) => {
        const figures = figuresFromSnapshots(generated);
        for (const chart of chartsOf(generated)) {
          expect(basesOf(chart).size, chart.id).toBeLessThanOrEqual(1);
          for (const { row, figure } of traced(figures, chart)) {
            expect([row.value, row.date, row.qualifier, row.basis]).toEqual([figure.value, figure.date, figure.qualifier, figure.basis]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps rates of an unstated basis out of every chart and every ranking', () => {
    fc.assert(
      fc.property(snapshotsArb, (generated) => {
        for (const chart of chartsOf(generated)) {
          const rows = chartRows(chart);
          if (chart.kind === 'bar') expect(isStatedBasis(chart.basis)).toBe(true);
          // A chart of an unstated basis draws that basis alone (a place's own series).
          if (rows.some((r) => r.basis === 'not_stated')) expect(rows.every((r) => r.basis === 'not_stated'), chart.id).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('draws a target only with figures on its own basis, and says so when the place has none', () => {
    const targetCharts = realCharts.filter((c) => c.id.startsWith('muc-tieu-'));
    expect(targetCharts.length).toBeGreaterThan(0);
    for (const chart of targetCharts) {
      if (chart.kind !== 'timeline') throw new Error('a target chart is a timeline');
      for (const series of chart.series) expect(series.basis, chart.id).toBe(figureBasisOfTarget('smartphone_users'));
      if (chart.series.length === 0) expect(chart.missing?.vi, chart.id).toContain('cơ sở');
    }
  });

  it('splits a place with two bases into one chart per basis (Cẩm Phả: population and smartphones)', () => {
    const campha = realCharts.filter((c) => c.regionCode === '195' && c.kind === 'timeline');
    for (const chart of campha) expect(basesOf(chart).size).toBe(1);
  });
});

describe('comparisons', () => {
  it('only between figures of one basis, at most the window apart', () => {
    const figureArb = fc.record({
      date: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2020, 7, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      basis: fc.constantFrom(...RATE_BASES),
      value: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(figureArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const figures = specs.map((s, i) => ({ ...realFigures.find((f) => f.kind === 'rate' && f.value !== null)!, ...s, id: `g${i}` }));
        for (const group of comparableGroups(figures)) {
          for (const a of group) {
            for (const b of group) {
              if (a === b) continue;
              expect(a.basis).toBe(b.basis);
              expect(isStatedBasis(a.basis)).toBe(true);
              expect(Math.abs(daysBetween(a.date, b.date))).toBeLessThanOrEqual(COMPARISON_WINDOW_DAYS);
              expect(comparable(a, b)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('bar summaries call "highest/lowest" only figures within the window; the others keep their own dates', () => {
    for (const chart of realCharts.filter((c) => c.kind === 'bar')) {
      if (chart.kind !== 'bar') continue;
      const dates = new Set(chart.bars.map((b) => b.point.date));
      if (dates.size > 1) expect(chart.summary.vi, chart.id).toMatch(/ngày riêng|Trong \d+ ngày/);
      // Every template placeholder is filled.
      expect(chart.summary.vi + chart.summary.en, chart.id).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('qualifiers and published rounding', () => {
  const words = { about: { vi: 'khoảng', en: 'about' }, more_than: { vi: 'hơn', en: 'more than' }, less_than: { vi: 'dưới', en: 'less than' } };

  it('every printed figure carries its qualifier, and a count printed in millions is never printed in full', () => {
    fc.assert(
      fc.property(snapshotsArb, (generated) => {
        for (const figure of figuresFromSnapshots(generated)) {
          for (const lang of ['vi', 'en'] as const) {
            const text = figureWords(figure, lang);
            if (figure.qualifier !== 'exact') expect(text.startsWith(words[figure.qualifier][lang]), text).toBe(true);
            if (figure.kind === 'count' && figure.printedIn === 'millions') {
              expect(text).toMatch(lang === 'vi' ? /triệu/ : /million/);
              expect(text).not.toContain(new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(figure.value!));
            }
            if (figure.kind === 'rate') expect(text).toMatch(/%|cơ sở tính chưa rõ|basis not stated/);
          }
        }
      }),
    );
  });

  it('qualifiers survive from the data into chart summaries and tables of the real content', () => {
    for (const chart of realCharts) {
      for (const { row, figure } of traced(realFigures, chart)) expect(valueWords(row, 'vi')).toBe(valueWords(figure, 'vi'));
    }
    const national = realCharts.find((c) => c.id === 'luot-tai-toan-quoc')!;
    const latest = realFigures.filter((f) => f.place.code === 'VN' && f.kind === 'count' && f.measure === 'downloads').at(-1)!;
    expect(national.summary.vi).toContain(valueWords(latest, 'vi'));
  });

  it('letters’ figures keep the letter’s "khoảng"', () => {
    const kg = directives.find((d) => d.data.slug === '1119-ubnd-kgvx-2020')!.data;
    const figures = figuresFromLetter({ ...kg, numberSymbol: numberSymbol(kg) }, regions);
    const count = figures.find((f) => f.kind === 'count')!;
    expect(count.qualifier).toBe('about');
    expect(figureWords(count, 'vi').startsWith('khoảng')).toBe(true);
  });
});

describe('latest figures', () => {
  it('latestRatesByProvince gives, per province, its newest rate on that basis only', () => {
    for (const basis of ['population', 'smartphones', 'adults_15_60'] as const) {
      for (const [code, figure] of latestRatesByProvince(realFigures, basis)) {
        expect(figure.basis).toBe(basis);
        const newer = realFigures.filter((f) => f.place.code === code && f.kind === 'rate' && f.measure === 'downloads' && f.basis === basis && f.value !== null && f.qualifier !== 'less_than' && f.date > figure.date);
        expect(newer).toEqual([]);
      }
    }
  });

  it('a place’s latest stated rate never has an unstated basis', () => {
    for (const code of ['96', '24', '91', '84']) {
      const figure = latestStatedRate(realFigures, code);
      if (figure) expect(isStatedBasis(figure.basis)).toBe(true);
    }
  });

  it('Bắc Giang: the count of 27/05/2021 is not paired with the rate of 17/05/2021', () => {
    const rates = realFigures.filter((f) => f.place.code === '24' && f.kind === 'rate' && f.value !== null);
    for (const rate of rates) {
      // A figure's id names the row it was read from, then its kind.
      const readFrom = (f: Figure) => f.id.slice(0, f.id.lastIndexOf(':'));
      const sameRow = realFigures.find((f) => f.kind === 'count' && readFrom(f) === readFrom(rate));
      if (sameRow) expect(sameRow.date).toBe(rate.date);
    }
    expect(rates.find((f) => f.value === 21.31)?.date).toBe('2021-05-17');
  });
});

describe('page tables stay small at scale', () => {
  it('a table lists every row of the newest dates, in order, and counts the rest', () => {
    fc.assert(
      fc.property(snapshotsArb, fc.integer({ min: 1, max: 6 }), (generated, dates) => {
        const figures = figuresFromSnapshots(generated);
        const { shown, omitted } = newestDates(figures, dates);
        const allDates = [...new Set(figures.map((f) => f.date))].sort();
        const newest = new Set(allDates.slice(-dates));
        expect(shown).toEqual(figures.filter((f) => newest.has(f.date)));
        expect(omitted).toBe(figures.length - shown.length);
        expect(new Set(shown.map((f) => f.date)).size).toBe(Math.min(dates, allDates.length));
      }),
    );
  });

  it('two years of daily figures list the newest month; the committed figures are all listed', () => {
    const days = Array.from({ length: 730 }, (_, i) => ({ date: new Date(Date.UTC(2020, 3, 18) + i * 86_400_000).toISOString().slice(0, 10), line: 'a' }));
    const both = days.flatMap((day) => [day, { ...day, line: 'b' }]);
    const { shown, omitted } = newestDates(both);
    expect(shown).toHaveLength(2 * PAGE_TABLE_DATES);
    expect(shown.at(-1)).toEqual(both.at(-1));
    expect(omitted).toBe(2 * (730 - PAGE_TABLE_DATES));
    expect(newestDates(realFigures.filter((f) => f.place.code === '96')).omitted).toBe(0);
  });

  it('a place in a list shows its newest figure of each series, bounds included', () => {
    fc.assert(
      fc.property(snapshotsArb, (generated) => {
        const figures = figuresFromSnapshots(generated).filter((f) => f.place.code === '195');
        const newest = newestOfEachSeries(figures);
        const numbered = figures.filter((f) => f.value !== null);
        expect(new Set(newest.map(seriesKey))).toEqual(new Set(numbered.map(seriesKey)));
        for (const figure of newest) expect(numbered.filter((f) => seriesKey(f) === seriesKey(figure) && f.date > figure.date)).toEqual([]);
      }),
    );
  });
});

describe('figures of a snapshot', () => {
  it('are made once per snapshot: every subset of the snapshots shares them, equal to a fresh copy’s', () => {
    const all = figuresFromSnapshots(snapshots);
    const later = snapshots.filter((entry) => entry.data.asOf >= '2021-01-01');
    const subset = figuresFromSnapshots(later);
    expect(subset.length).toBeGreaterThan(0);
    for (const figure of subset) expect(all).toContain(figure);
    const copies = later.map((entry) => structuredClone(entry));
    const fresh = figuresFromSnapshots(copies);
    expect(fresh).toEqual(subset);
    expect(fresh[0]).not.toBe(subset[0]);
  });

  it('are each named by the snapshot row they were read from (the id published with every drawn point): that row holds their place, kind and number', () => {
    fc.assert(
      fc.property(snapshotsArb, (generated) => {
        const entries = new Map(generated.map((entry) => [entry.id, entry]));
        const figures = figuresFromSnapshots(generated);
        expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
        for (const figure of figures) {
          const [, entryId, row, kind] = /^(.+)#(\d+):(count|rate)$/.exec(figure.id) ?? [];
          const read = entries.get(entryId!)?.data.rows[Number(row)];
          expect(read, figure.id).toBeDefined();
          expect(kind).toBe(figure.kind);
          expect(read!.region.code).toBe(figure.place.code);
          expect(figure.kind === 'count' ? read!.installs : (read!.ratePercent ?? null)).toBe(figure.value);
        }
      }),
    );
  });
});

describe('how old a page’s figures are', () => {
  /** The definition, scanned: the newest date among the snapshots with a row about the place (any place when none given). */
  const scanned = (entries: readonly SnapshotEntry[], code?: string) =>
    entries
      .filter((entry) => code === undefined || entry.data.rows.some((row) => row.region.code === code))
      .map((entry) => entry.data.asOf)
      .sort()
      .at(-1);
  it('gives each place the date of the newest snapshot that has a row about it, and the newest overall without a place', () => {
    const codes = [...places.map((place) => place.code), 'no-such-place'];
    fc.assert(
      fc.property(snapshotsArb, (generated) => {
        for (const code of [undefined, ...codes]) expect(newestSnapshotDate(generated, code)).toBe(scanned(generated, code));
      }),
    );
    for (const code of [undefined, ...new Set(snapshots.flatMap((entry) => entry.data.rows.map((row) => row.region.code)))]) expect(newestSnapshotDate(snapshots, code)).toBe(scanned(snapshots, code));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartBundle, figuresOfTheDay, RECENT_VERSIONS, type ChartVersion, type VersionStore } from '../../src/lib/charts/publish/catalogue.ts';
import { placePath } from '../../src/routing/routes.ts';
import { chartRows } from '../../src/lib/charts/model/spec.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { buildCharts, niceCeiling } from '../../src/lib/charts/model/from-figures.ts';
import { figuresFromSnapshots, type SnapshotEntry } from '../../src/lib/stats/load.ts';
import { latestByPlace } from '../../src/lib/stats/model.ts';
import { mapLayers, mapTitle } from '../../src/lib/maps/data.ts';
import { figureWords } from '../../src/lib/stats/words.ts';
import { snapshotSchemaWith, type Snapshot } from '../../src/content/snapshot.ts';
import { statementTargetSchema } from '../../src/content/statement-target.ts';
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
const directives = [
  { data: letter() },
  { data: letter({ slug: '5355-ubnd-kgvx-2020', number: '5355', province: '96', date: '2020-09-08', targets: [{ percent: 50, comparator: 'at-least', basis: 'smartphone_users', region: { scope: 'province', province: '96' }, deadline: null }] }) },
];

const caMau = { code: '96', name: 'Cà Mau', level: 'province' as const };
const traVinh = { code: '84', name: 'Trà Vinh', level: 'province' as const };
const country = { code: 'VN', name: 'Việt Nam', level: 'country' as const };
/** A test snapshot (synthetic figures, not published ones). */
function snap(id: string, asOf: string, rows: Snapshot['rows']): SnapshotEntry {
  return { id: `${asOf}-${id}`, data: schema.parse({ asOf, source: { id, name: 'TEST FIXTURE', url: 'https://example.test/' }, measure: 'downloads', rows }) };
}
const charts = (entries: SnapshotEntry[]) => buildCharts({ snapshots: entries, directives, statementTargets, regions });

describe('summary sentences, written from the numbers', () => {
  it('a place’s series: its newest figure with basis, date and rank, in both languages', () => {
    const spec = charts([
      snap('a', '2020-08-27', [{ region: caMau, ratePercent: 10.21, rateBasis: 'population' }]),
      snap('b', '2020-09-07', [{ region: caMau, ratePercent: 16.08, rateBasis: 'population', rank: 59, rankOf: 63 }]),
    ]).find((c) => c.id === 'chuoi-ca-mau-dan-so')!;
    // Eleven days apart on one basis: a change, both dates named; the difference of two rounded rates is "khoảng".
    expect(spec.summary.vi).toBe('Đến ngày 7/9/2020, tỷ lệ tải Bluezone của Cà Mau là 16,08\u00a0% dân số, xếp thứ 59/63, tăng khoảng 5,87 điểm phần trăm so với ngày 27/8/2020.');
    expect(spec.summary.en).toMatch(/^As of 7 September 2020, .*Cà Mau was 16\.08% of population, rank 59 of 63, up about 5\.87 percentage points from 27 August 2020\.$/);
    // More than CHANGE_WINDOW_DAYS apart: no "tăng", the older figure read with its own date.
    const far = charts([
      snap('a', '2020-06-27', [{ region: caMau, ratePercent: 10.21, rateBasis: 'population' }]),
      snap('b', '2020-09-07', [{ region: caMau, ratePercent: 16.08, rateBasis: 'population', rank: 59, rankOf: 63 }]),
    ]).find((c) => c.id === 'chuoi-ca-mau-dan-so')!;
    expect(far.summary.vi).toMatch(/^Đến ngày 7\/9\/2020, tỷ lệ tải Bluezone của Cà Mau là 16,08\u00a0% dân số, xếp thứ 59\/63\. .*ngày 27\/6\/2020.*10,21\u00a0% dân số/);
    expect(far.summary.vi).not.toMatch(/tăng|giảm/);
  });

  it('a bar chart compares only figures within the window; older ones keep their own dates', () => {
    const spec = charts([
      snap('a', '2020-08-12', [{ region: traVinh, ratePercent: 5.06, rateQualifier: 'about', rateBasis: 'population' }]),
      snap('b', '2020-09-07', [{ region: caMau, ratePercent: 16.08, rateBasis: 'population' }]),
    ]).find((c) => c.kind === 'bar')!;
    expect(spec.summary.vi).not.toMatch(/cao nhất|thấp nhất/);
    expect(spec.summary.vi).toContain('% dân số');
    expect(spec.summary.vi).toContain('Trà Vinh khoảng 5,06\u00a0% ngày 12/8/2020');
    expect(spec.summary.en).toContain('Trà Vinh about 5.06% on 12 August 2020');
  });

  it('keeps lower bounds and published rounding in words', () => {
    const spec = charts([snap('a', '2020-08-20', [{ region: country, installs: 20_000_000, installsQualifier: 'more_than', installsPrintedIn: 'millions' }])]).find((c) => c.id === 'luot-tai-toan-quoc')!;
    expect(spec.summary.vi).toContain('Đến ngày 20/8/2020, cả nước có hơn 20 triệu lượt tải Bluezone');
    expect(spec.summary.en).toContain('As of 20 August 2020, the whole country had more than 20 million Bluezone downloads');
  });
});

describe('specs never mix what must stay apart', () => {
  it('splits a series where a snapshot states another counting method, and only there', () => {
    const later = snap('b', '2021-07-05', [{ region: country, installs: 1_000_000 }]);
    const spec = charts([snap('a', '2021-06-26', [{ region: country, installs: 38_000_000 }]), { ...later, data: { ...later.data, method: 'active_3g4g_subscribers' } }]).find((c) => c.id === 'luot-tai-toan-quoc')!;
    if (spec.kind !== 'timeline') throw new Error('timeline expected');
    expect(spec.series.map((s) => s.method)).toEqual(['all_installs', 'active_3g4g_subscribers']);
    expect(spec.breaks.map((b) => b.date)).toEqual(['2021-07-05']);
    const same = charts([snap('a', '2021-06-26', [{ region: country, installs: 38_000_000 }]), later]).find((c) => c.id === 'luot-tai-toan-quoc')!;
    if (same.kind !== 'timeline') throw new Error('timeline expected');
    expect(same.breaks).toEqual([]);
    expect(same.series).toHaveLength(1);
  });

  it('draws a place with two bases as two charts', () => {
    const ids = charts([
      snap('a', '2020-08-27', [{ region: caMau, ratePercent: 10.21, rateBasis: 'population' }, { region: caMau, ratePercent: 12, rateBasis: 'not_stated' }]),
      snap('b', '2020-09-07', [{ region: caMau, ratePercent: 16.08, rateBasis: 'not_stated' }, { region: caMau, ratePercent: 11, rateBasis: 'population' }]),
    ]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['chuoi-ca-mau-dan-so', 'chuoi-ca-mau-chua-ro-co-so']));
  });

  it('rounds count axes up to a labelled tick', () => {
    expect(niceCeiling(50_000_000)).toBe(50_000_000);
    expect(niceCeiling(37_900_000)).toBe(40_000_000);
    expect(niceCeiling(0)).toBe(1);
  });
});

describe('the site’s charts from the committed data', () => {
  const real = charts(snapshots);

  it('has the national series with the statement targets, a latest-rate chart per stated basis and target charts', () => {
    const national = real.find((c) => c.id === 'luot-tai-toan-quoc');
    if (national?.kind !== 'timeline') throw new Error('no national chart');
    expect(national.targets.map((t) => t.value)).toEqual([50_000_000, 45_000_000, 30_000_000]);
    expect(national.events.map((e) => e.date)).toEqual(['2020-04-18']);
    expect(real.some((c) => c.id === 'ty-le-tai-dan-so')).toBe(true);
    expect(real.some((c) => c.id === 'ty-le-tai-chua-ro-co-so')).toBe(false);
    // Cà Mau has no figure on its target's basis (smartphones): the chart says so and draws none.
    const target = real.find((c) => c.id === 'muc-tieu-5355-ubnd-kgvx-2020')!;
    if (target.kind !== 'timeline') throw new Error('timeline expected');
    expect(target.series).toEqual([]);
    expect(target.summary.vi).not.toContain('16,08');
    expect(target.missing?.vi).toContain('Cà Mau');
  });

  it('gives every chart a source for every drawn number and both summaries', () => {
    for (const chart of real) {
      expect(chart.summary.vi.length).toBeGreaterThan(10);
      expect(chart.summary.en.length).toBeGreaterThan(10);
      for (const row of chartRows(chart)) expect(row.source.url ?? row.source.name).toBeTruthy();
    }
  });

  it('never nests parentheses, or puts two in a row, in a title, summary, axis, map title or figure, in either language', () => {
    // "(% of smartphones (devices or …))" read as a typo on every English image and page; so did
    // "49.26% of smartphones (devices or subscriptions, …) (accounts with a phone number)".
    const nested = /\([^()]*\(|\)\s*\(/u;
    const words = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(words) : value && typeof value === 'object' ? Object.values(value).flatMap(words) : [];
    const layers = mapLayers(figuresFromSnapshots(snapshots));
    expect(layers.length).toBeGreaterThan(0);
    const figures = figuresFromSnapshots(snapshots);
    expect(figures.some((figure) => figure.kind === 'rate' && figure.measure !== 'downloads' && figure.basis === 'smartphones')).toBe(true);
    const texts = [
      ...real.flatMap(words),
      ...layers.flatMap((layer) => [mapTitle(layer, 'vi'), mapTitle(layer, 'en')]),
      ...figures.flatMap((figure) => [figureWords(figure, 'vi'), figureWords(figure, 'en')]),
    ];
    expect(texts.filter((text) => nested.test(text))).toEqual([]);
  });

  it('keeps dated versions built only from figures up to their date', () => {
    const bundle = chartBundle({ snapshots, directives, statementTargets, regions });
    const national = bundle.charts.find((c) => c.spec.id === 'luot-tai-toan-quoc')!;
    expect(national.versions.length).toBeGreaterThan(5);
    for (const version of national.versions) {
      for (const row of chartRows(version.spec)) expect(row.date <= version.asOf).toBe(true);
    }
    expect(national.versions.at(-1)!.spec).toEqual(figuresOfTheDay(national.spec));
  });

  it('the latest rates chart shows every place’s newest rate on its basis, each with its own date', () => {
    const caMau = { code: '96', name: 'Cà Mau', level: 'province' as const };
    const entries = [
      ...snapshots,
      snap('later-1', '2021-07-01', [{ region: caMau, ratePercent: 41, rateBasis: 'population' }]),
      snap('later-2', '2021-07-09', [{ region: caMau, ratePercent: 45.5, rateBasis: 'population' }]),
    ];
    const bar = charts(entries).find((spec) => spec.id === 'ty-le-tai-dan-so');
    if (bar?.kind !== 'bar') throw new Error('no latest rates chart on the population basis');
    const newest = latestByPlace(figuresFromSnapshots(entries), { kind: 'rate', measure: 'downloads', basis: 'population' });
    expect(bar.bars.map((b) => b.regionCode).sort()).toEqual([...newest.keys()].sort());
    for (const b of bar.bars) expect(b.point.figure, b.regionCode).toBe(newest.get(b.regionCode)!.id);
    expect(bar.bars.find((b) => b.regionCode === '96')!.point).toMatchObject({ value: 45.5, date: '2021-07-09' });
  });

  it('every chart’s every dated version is the chart built afresh from the snapshots up to that day, cut to its figures of the day', () => {
    // Two places' daily figures on top of the real ones: versions at dates with and without the real snapshots.
    const day = (n: number) => new Date(Date.parse('2021-06-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
    const caMau = { code: '96', name: 'Cà Mau', level: 'province' as const };
    const camPha = { code: '195', name: 'Cẩm Phả', level: 'district' as const };
    const entries = [
      ...snapshots,
      ...Array.from({ length: 45 }, (_, n) =>
        snap(`daily-${n}`, day(n), [
          { region: caMau, ratePercent: 30 + n / 10, rateBasis: 'population' as const, installs: 400_000 + n * 500 },
          ...(n % 3 === 0 ? [{ region: camPha, ratePercent: 20 + n / 10, rateBasis: 'smartphones' as const }] : []),
        ]),
      ),
    ];
    const bundle = chartBundle({ snapshots: entries, directives, statementTargets, regions });
    const dates = [...new Set(bundle.charts.flatMap((chart) => chart.versions.map((version) => version.asOf)))];
    const afresh = new Map(dates.map((date) => [date, new Map(charts(entries.filter((entry) => entry.data.asOf <= date)).map((spec) => [spec.id, spec]))]));
    let compared = 0;
    for (const chart of bundle.charts) {
      for (const version of chart.versions) {
        const then = afresh.get(version.asOf)!.get(chart.spec.id);
        expect(then, `${chart.spec.id} on ${version.asOf}`).toBeDefined();
        expect(version.spec, `${chart.spec.id} on ${version.asOf}`).toEqual(figuresOfTheDay(then!));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(bundle.figures).toEqual(figuresFromSnapshots(entries));
  });
});

describe('every district of the reference gets its own chart ids and page', () => {
  const districts = regions.provinces.flatMap((p) => regions.districtsOf(p.code));
  const rows = districts.map((d) => ({ region: { code: d.code, name: d.name, level: 'district' as const }, ratePercent: 10, rateBasis: 'population' as const }));

  it('one chart per district, no id shared', () => {
    const specs = charts([snap('a', '2020-08-27', rows), snap('b', '2020-09-07', rows)]);
    const districtCharts = specs.filter((spec) => regions.byCode(spec.regionCode)?.level === 'district');
    expect(new Set(districtCharts.map((spec) => spec.regionCode)).size).toBe(new Set(districts.map((d) => d.code)).size);
    const ids = specs.map((spec) => spec.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('no page URL shared, in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const paths = [regions.country, ...regions.provinces, ...districts].map((r) => placePath(r, regions, lang));
      const codes = new Map<string, Set<string>>();
      [regions.country, ...regions.provinces, ...districts].forEach((r, i) => codes.set(paths[i]!, (codes.get(paths[i]!) ?? new Set()).add(r.code)));
      expect([...codes].filter(([, c]) => c.size > 1)).toEqual([]);
    }
  });

  it('a town and the district of the same name are told apart by their type; unshared names keep their URL', () => {
    const caoLanh = districts.filter((d) => d.parentCode === '87' && d.name === 'Cao Lãnh').map((d) => d.slug).sort();
    expect(caoLanh).toEqual(['huyen-cao-lanh', 'thanh-pho-cao-lanh']);
    expect(placePath(regions.byCode('195')!, regions, 'vi')).toBe('/so-lieu/quang-ninh/cam-pha/');
  });
});

describe('dated versions stay bounded and never change', () => {
  const day = (n: number) => new Date(Date.parse('2020-08-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  const daily = (days: number) => Array.from({ length: days }, (_, n) => snap(`d${n}`, day(n), [{ region: caMau, ratePercent: 10 + n / 10, rateBasis: 'population' }]));
  const bundleOf = (entries: SnapshotEntry[]) => chartBundle({ snapshots: entries, directives, statementTargets, regions });
  const caMauChart = (bundle: ReturnType<typeof bundleOf>) => bundle.charts.find((c) => c.spec.id === 'chuoi-ca-mau-dan-so')!;

  it('keeps the newest data dates and the first of each earlier month, each as it stood that day', () => {
    const entries = daily(120);
    const chart = caMauChart(bundleOf(entries));
    const asOfs = chart.versions.map((v) => v.asOf);
    const recent = entries.map((e) => e.data.asOf).slice(-RECENT_VERSIONS);
    expect(asOfs).toEqual(expect.arrayContaining(recent));
    const months = [...new Set(entries.map((e) => e.data.asOf.slice(0, 7)))];
    // A series is drawn from its second figure on, so its first month can have no version.
    for (const month of months.slice(1)) expect(asOfs).toContain(entries.map((e) => e.data.asOf).find((d) => d.startsWith(month)));
    expect(asOfs.length).toBeLessThanOrEqual(RECENT_VERSIONS + months.length);
    expect(asOfs.length).toBeLessThan(entries.length);
    expect(chart.versions.at(-1)!.spec).toEqual(figuresOfTheDay(chart.spec));
    const few = caMauChart(bundleOf(entries.slice(0, RECENT_VERSIONS)));
    expect(few.versions).toHaveLength(RECENT_VERSIONS - 1); // all but the first day (one figure draws no series)
    for (const version of chart.versions) {
      const then = caMauChart(bundleOf(entries.filter((e) => e.data.asOf <= version.asOf)));
      expect(version.spec).toEqual(figuresOfTheDay(then.spec));
    }
  });

  it('a version holds each line’s newest figure of its day, so the dated files grow with the days, not their square', () => {
    const chart = caMauChart(bundleOf(daily(400)));
    const latestRows = chartRows(chart.spec);
    const lines = chart.spec.kind === 'timeline' ? chart.spec.series.length : 0;
    expect(lines).toBeGreaterThan(0);
    for (const version of chart.versions) {
      const rows = chartRows(version.spec);
      expect(rows, version.asOf).toHaveLength(lines);
      // The figure of that day, the same row the latest file carries (snapshots never change).
      for (const row of rows) {
        expect(row.date).toBe(version.asOf);
        expect(latestRows).toContainEqual(row);
      }
    }
    expect(chart.versions.reduce((sum, version) => sum + chartRows(version.spec).length, 0)).toBeLessThanOrEqual(chart.versions.length * lines);
  });

  it('one more day changes no kept version and only lets daily ones older than the newest 31 slide out', () => {
    const before = caMauChart(bundleOf(daily(120)));
    const after = caMauChart(bundleOf(daily(121)));
    const afterByDate = new Map(after.versions.map((v) => [v.asOf, v.spec]));
    for (const version of before.versions) {
      const kept = afterByDate.get(version.asOf);
      if (kept) expect(kept).toEqual(version.spec);
      else expect(after.versions.filter((v) => v.asOf > version.asOf).length).toBeGreaterThanOrEqual(RECENT_VERSIONS);
    }
  });

  it('kept between builds, a version is reused while its inputs are unchanged and made again when an earlier snapshot changes', () => {
    const entries = daily(90);
    const saved = new Map<string, ChartVersion[]>();
    const hits: string[] = [];
    const made: string[] = [];
    const store: VersionStore = {
      get: (key) => {
        const versions = saved.get(key);
        if (versions) hits.push(key);
        // What the disk keeps: JSON.
        return versions && (JSON.parse(JSON.stringify(versions)) as ChartVersion[]);
      },
      set: (key, versions) => {
        made.push(key);
        saved.set(key, versions);
      },
    };
    const withStore = (list: SnapshotEntry[]) => chartBundle({ snapshots: list, directives, statementTargets, regions }, store);
    const versionsOf = (bundle: ReturnType<typeof bundleOf>) => bundle.charts.map((chart) => ({ id: chart.spec.id, versions: chart.versions }));
    expect(versionsOf(withStore(entries))).toEqual(versionsOf(bundleOf(entries)));
    expect(hits).toEqual([]);
    // The next build, one day more: every earlier version from the store, the same as made afresh.
    made.length = 0;
    const next = daily(91);
    const rebuilt = withStore(next);
    expect(versionsOf(rebuilt)).toEqual(versionsOf(bundleOf(next)));
    expect(made.map((key) => key.slice(0, 10))).toEqual([day(90)]);
    expect(hits.length).toBeGreaterThanOrEqual(caMauChart(rebuilt).versions.length - 1);
    // A correction to a kept day's snapshot changes the inputs of that day and every later one: nothing stale.
    hits.length = 0;
    const corrected = next.map((entry, i) => (i === 75 ? snap('d75', day(75), [{ region: caMau, ratePercent: 42, rateBasis: 'population' }]) : entry));
    expect(versionsOf(withStore(corrected))).toEqual(versionsOf(bundleOf(corrected)));
    expect(hits.every((key) => key.slice(0, 10) < day(75))).toBe(true);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '../../src/content/regions.ts';
import {
  CSV_COLUMNS,
  CSV_EXAMPLE,
  checkSnapshot,
  CSV_TEMPLATE,
  decideAppend,
  formatProblem,
  importCsv,
  importJson,
  jumpProblems,
  normaliseUrl,
  parseCount,
  parseDate,
  parseRate,
  plausibilityProblems,
  PLAUSIBLE,
  snapshotFileName,
  stableJson,
} from '../../src/lib/stats/import.ts';
import type { Snapshot } from '../../src/content/snapshot.ts';

const regions = loadRegions();
const today = '2026-11-24';
const source = { id: 'feed', name: 'Test feed', url: 'https://example.org/feed.csv' };
const header = CSV_COLUMNS.join(',');
const csv = (...lines: string[]) => [header, ...lines].join('\n') + '\n';
const run = (text: string | string[], extra: object = {}) => importCsv(Array.isArray(text) ? text : [text], { regions, today, source, ...extra });

describe('number cells', () => {
  it('reads counts plain or grouped in thousands, and rejects the rest', () => {
    expect(parseCount('145800')).toEqual({ ok: true, value: 145800 });
    expect(parseCount('145.800')).toEqual({ ok: true, value: 145800 });
    expect(parseCount('1,851,827')).toEqual({ ok: true, value: 1851827 });
    expect(parseCount(' 72 014 ')).toEqual({ ok: true, value: 72014 });
    expect(parseCount('')).toEqual({ ok: true, value: undefined });
    for (const bad of ['-5', '1.5', '12,34', '1.234,567', 'abc', '1e6', '1.234.5678']) expect(parseCount(bad).ok, bad).toBe(false);
  });

  it('reads rates with a decimal comma or point, optional %, 0–100', () => {
    expect(parseRate('16,08')).toEqual({ ok: true, value: 16.08 });
    expect(parseRate('16.08')).toEqual({ ok: true, value: 16.08 });
    expect(parseRate('5,06%')).toEqual({ ok: true, value: 5.06 });
    expect(parseRate('100')).toEqual({ ok: true, value: 100 });
    expect(parseRate('')).toEqual({ ok: true, value: undefined });
    for (const bad of ['100,01', '-1', '1.000,5', 'năm', '16,08,1']) expect(parseRate(bad).ok, bad).toBe(false);
  });

  it('reads ISO and dd/mm/yyyy dates, rejects impossible ones', () => {
    expect(parseDate('2020-09-07')).toBe('2020-09-07');
    expect(parseDate('7/9/2020')).toBe('2020-09-07');
    expect(parseDate('2021-02-30')).toBeUndefined();
    expect(parseDate('31/02/2021')).toBeUndefined();
    expect(parseDate('hôm qua')).toBeUndefined();
  });

  it('property: any whole number round-trips through every thousands format', () => {
    fc.assert(
      fc.property(fc.nat(Number.MAX_SAFE_INTEGER), fc.constantFrom('vi-VN', 'en-US', 'fr-FR', 'none'), (n, locale) => {
        const text = locale === 'none' ? String(n) : new Intl.NumberFormat(locale).format(n);
        expect(parseCount(text)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('property: any rate 0–100 round-trips with a comma or a point; anything above 100 is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.boolean(), (hundredths, comma) => {
        const text = (hundredths / 100).toFixed(2);
        expect(parseRate(comma ? text.replace('.', ',') : text)).toEqual({ ok: true, value: hundredths / 100 });
      }),
    );
    fc.assert(fc.property(fc.double({ min: 100.001, max: 1e9, noNaN: true }), (v) => {
      expect(parseRate(v.toFixed(3)).ok).toBe(false);
    }));
  });

  it('property: arbitrary text never throws; it parses or reports', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const count = parseCount(text);
        const rate = parseRate(text);
        if (count.ok && count.value !== undefined) expect(Number.isSafeInteger(count.value) && count.value >= 0).toBe(true);
        if (rate.ok && rate.value !== undefined) expect(rate.value >= 0 && rate.value <= 100).toBe(true);
      }),
    );
  });
});

describe('CSV import', () => {
  it('ships a header-only template with the documented columns', () => {
    expect(CSV_TEMPLATE).toBe('as_of,region_code,region_name,level,installs,population,adults_15_60,smartphones,rate_percent,rate_basis,rank,rank_of\r\n');
  });

  it('the filled example shown on /du-lieu/ imports and matches the letter’s snapshot', async () => {
    const result = await run(CSV_EXAMPLE);
    expect(result.problems).toEqual([]);
    const letter = JSON.parse(readFileSync('content/stats/2021-01-31-588-tbtt-vhtt-2021.json', 'utf8'));
    const strip = (rows: { note?: string }[]) => rows.map(({ note: _note, ...rest }) => rest);
    expect(result.snapshots[0]!.rows).toEqual(strip(letter.rows));
  });

  it('turns the reporting template into one snapshot per date, names from the reference, empty basis = not stated', async () => {
    const result = await run('\uFEFF' + csv('2021-01-31,195,Cẩm Phả,district,72014,190232,,,"37,86",population,2,', '2021-01-31,195,,district,72014,,,192789,37.35,smartphones,5,', '2020-09-07,96,,province,,,,,"16,08",,59,63'));
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(3);
    expect(result.snapshots.map((s) => [s.asOf, s.rows.length, s.method])).toEqual([
      ['2020-09-07', 1, 'all_installs'],
      ['2021-01-31', 2, 'all_installs'],
    ]);
    expect(result.snapshots[0]!.rows[0]).toEqual({ region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 16.08, rateBasis: 'not_stated', rank: 59, rankOf: 63 });
    expect(result.snapshots[1]!.rows[1]).toMatchObject({ region: { name: 'Cẩm Phả' }, smartphones: 192789, ratePercent: 37.35 });
    expect(snapshotFileName(result.snapshots[0]!)).toBe('2020-09-07-feed.json');
  });

  it('reports every problem with its line, row and field, and returns no snapshot', async () => {
    const result = await run(
      csv(
        '2020-08-20,01,Hà Nội,province,2397000,,,,"29,8",population,2,63',
        '2099-01-01,999,X,province,-1,,,,101,foo,,',
        '2020-08-20,01,,province,1,,,,30,population,,',
        '2020-08-20,22,Quảng Ninh,province,500,100,,,,,,',
        'yesterday,22,,district,,,,,,,,',
        '2020-08-20,22',
      ),
    );
    expect(result.snapshots).toEqual([]);
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        'line 3 (row 2), as_of: 2099-01-01 is in the future (today is 2026-11-24)',
        'line 3 (row 2), region_code: unknown region code "999"',
        'line 3 (row 2), installs: must not be negative ("-1")',
        'line 3 (row 2), rate_percent: a rate cannot exceed 100% ("101")',
        expect.stringMatching(/^line 3 \(row 2\), rate_basis: /),
        'line 4 (row 3), region_code: duplicate of row 1 (same as_of, region and rate_basis)',
        'line 5 (row 4), installs: 500 is more than population 100',
        expect.stringMatching(/^line 6 \(row 5\), as_of: not a date/),
        'line 6 (row 5), level: 22 is a province, not a district',
        'line 7 (row 6), (row): has 2 cells, the header has 12',
      ]),
    );
  });

  it('tells a province from the district whose code has the same digits (60 Bình Thuận, 060 Pác Nặm)', async () => {
    const result = await run(csv('2020-08-20,60,Bình Thuận,province,1000,,,,,,,', '2020-08-20,060,Pác Nặm,district,100,,,,,,,'));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.snapshots[0]!.rows.map((row) => row.region.code)).toEqual(['60', '060']);
  });

  it('rejects a wrong header, an empty file, a file with only a header, and broken quoting', async () => {
    expect((await run('date,code\n2020-08-20,01\n')).problems.map(formatProblem)).toEqual(expect.arrayContaining(['line 1, as_of: column missing from the header', 'line 1, date: unknown column']));
    expect((await run('')).problems.map(formatProblem)).toEqual(['line 1, (file): empty file: expected the header row']);
    expect((await run(csv())).problems.map(formatProblem)).toEqual(['line 2, (file): no data rows']);
    const broken = await run(csv('2020-08-20,01,"Hà Nội,province,1,,,,,,,'));
    expect(broken.problems[0]!.field).toBe('(file)');
    expect(broken.snapshots).toEqual([]);
  });

  it('streams: chunk boundaries anywhere (even inside a multi-byte letter) give the same result', async () => {
    const text = '\uFEFF' + csv('2021-01-31,195,Cẩm Phả,district,72014,190232,,,"37,86",population,2,', '2020-08-12,84,Trà Vinh,province,,,,,"5,06",population,62,63');
    const bytes = new TextEncoder().encode(text);
    const whole = await run(text);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        const result = await importCsv(chunks, { regions, today, source });
        expect(result).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });

  it('property: generated valid rows always import; one corrupted cell is always reported on its line', async () => {
    const provinces = regions.provinces;
    const validRow = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      province: fc.integer({ min: 0, max: provinces.length - 1 }),
      population: fc.integer({ min: 1, max: 10_000_000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(validRow, { minLength: 1, maxLength: 20, selector: (r) => `${r.day}|${r.province}` }), fc.nat(), async (rows, pick) => {
        const lines = rows.map((r) => {
          const date = new Date(Date.UTC(2020, 3, 18) + r.day * 86_400_000).toISOString().slice(0, 10);
          const installs = Math.floor(r.population * r.share);
          const rate = ((installs / r.population) * 100).toFixed(2).replace('.', ',');
          return `${date},${provinces[r.province]!.code},,province,${installs},${r.population},,,"${rate}",population,,`;
        });
        const good = await run(csv(...lines));
        expect(good.problems).toEqual([]);
        expect(good.snapshots.reduce((n, s) => n + s.rows.length, 0)).toBe(rows.length);
        const victim = pick % lines.length;
        const broken = [...lines];
        broken[victim] = broken[victim]!.replace(/,province,\d+,/, ',province,-7,');
        const bad = await run(csv(...broken));
        expect(bad.snapshots).toEqual([]);
        expect(bad.problems).toContainEqual({ line: victim + 2, row: victim + 1, field: 'installs', message: 'must not be negative ("-7")' });
      }),
      { numRuns: 40 },
    );
  });

  it('accepts every district of the reference, including one-character names (Quận 1 is "1")', async () => {
    const districts = regions.provinces.flatMap((p) => regions.districtsOf(p.code));
    expect(districts.length).toBeGreaterThan(700);
    const lines = districts.map((d) => `2021-01-31,${d.code},${d.name},district,1,,,,,,,`);
    const result = await run(csv(...lines));
    expect(result.problems).toEqual([]);
    expect(checkSnapshot(result.snapshots[0]!, regions)).toEqual([]);
  });

  it('validates only (no snapshots kept) when collect is off, as the benchmark does', async () => {
    const result = await run(csv('2020-09-07,96,,province,,,,,"16,08",,59,63'), { collect: false });
    expect(result).toMatchObject({ problems: [], rows: 1, snapshots: [] });
  });
});

describe('JSON import', () => {
  const snapshot = { asOf: '2020-09-07', source, measure: 'downloads', rows: [{ region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 16.08, rateBasis: 'not_stated' }] };
  const configured = { id: 'configured', name: 'Configured source', url: 'https://example.org/configured.json' };
  const importOne = (text: string, maxRows?: number) => importJson(text, { regions, source: configured, ...(maxRows ? { maxRows } : {}) });

  it('accepts a snapshot or a list of snapshots, with the configured source whatever the feed says', () => {
    const one = importOne(JSON.stringify({ ...snapshot, source: { id: 'evil', name: '<b>x</b>', url: 'https://evil.example/' } }));
    expect(one.snapshots).toHaveLength(1);
    expect(one.snapshots[0]!.source).toEqual(configured);
    expect(importOne(JSON.stringify([snapshot, { ...snapshot, asOf: '2020-09-08' }])).snapshots).toHaveLength(2);
  });

  it('names the row and field of each problem; JSON that is not the snapshot shape is "unrecognised"', () => {
    const bad = { ...snapshot, rows: [snapshot.rows[0], { region: { code: '999', name: 'X', level: 'district' }, installs: -3 }] };
    const result = importOne(JSON.stringify(bad));
    expect(result.unrecognised).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual(expect.arrayContaining(['row 2, installs: must not be negative', 'row 2, region.code: unknown region code 999']));
    expect(importOne('{"asOf": ').unrecognised).toMatch(/^invalid JSON/);
    for (const other of ['[]', '{"error": "quota"}', '"<html>"', '[{"asOf": "2020-09-07"}]']) expect(importOne(other).unrecognised, other).toMatch(/not in the snapshot shape/);
  });

  it('refuses more rows than the cap', () => {
    expect(importOne(JSON.stringify([snapshot, { ...snapshot, asOf: '2020-09-08' }]), 1).problems.map(formatProblem)).toEqual(['file, rows: 2 rows in all, more than 1']);
  });
});

const vietNam = { code: 'VN', name: 'Việt Nam', level: 'country' } as const;
const make = (asOf: string, value: number, extra: Partial<Snapshot> = {}): Snapshot => ({
  asOf,
  source,
  measure: 'downloads',
  rows: [{ region: vietNam, installs: value }],
  ...extra,
});

describe('append-only decisions', () => {
  it('new when newer, "same" when the data is already there (whenever it was read), rejected when older or changed', () => {
    const existing = [make('2020-08-11', 15_700_000, { source: { ...source, retrievedAt: '2020-08-12T01:00:00Z' } })];
    expect(decideAppend(make('2020-08-20', 20_000_000), existing)).toEqual({ kind: 'new' });
    expect(decideAppend(make('2020-08-11', 15_700_000, { source: { ...source, retrievedAt: '2026-11-24T00:00:00Z' } }), existing)).toEqual({ kind: 'same' });
    expect(decideAppend(make('2020-08-11', 15_800_000), existing)).toMatchObject({ kind: 'rejected', problem: { field: 'as_of', message: expect.stringMatching(/^a second snapshot for 2020-08-11 from source "feed"/) } });
    expect(decideAppend(make('2020-08-01', 1), existing)).toMatchObject({ kind: 'rejected', problem: { message: expect.stringMatching(/is older than/) } });
    expect(decideAppend(make('2020-08-01', 1), [{ ...existing[0]!, source: { ...source, id: 'other' } }])).toEqual({ kind: 'new' });
  });

  it('"same" whatever the row order or the spelling of the address', () => {
    const rows = [
      { region: vietNam, installs: 15_700_000 },
      { region: { code: '48', name: 'Đà Nẵng', level: 'province' as const }, ratePercent: 34.13, rateBasis: 'smartphones' as const },
    ];
    const committed = make('2020-08-11', 0, { rows, source: { ...source, url: 'https://example.org/feed.csv' } });
    const refetched = make('2020-08-11', 0, { rows: [...rows].reverse(), source: { ...source, url: 'HTTPS://Example.ORG:443/data/../feed.csv#top' } });
    expect(decideAppend(refetched, [committed])).toEqual({ kind: 'same' });
    expect(normaliseUrl('HTTPS://Example.ORG:443/data/../feed.csv#top')).toBe('https://example.org/feed.csv');
  });

  it('compares data regardless of key order', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });
});

describe('plausibility bounds', () => {
  const context = { today, regions };
  it('no date before launch or after today', () => {
    expect(plausibilityProblems(make(PLAUSIBLE.earliest, 1), context)).toEqual([]);
    expect(plausibilityProblems(make('2020-04-17', 1), context).map(formatProblem)).toEqual([`file, asOf: 2020-04-17 is before Bluezone's launch (${PLAUSIBLE.earliest})`]);
    expect(plausibilityProblems(make('2026-11-25', 1), context).map(formatProblem)).toEqual(['file, asOf: 2026-11-25 is in the future (today is 2026-11-24)']);
  });

  it('no count above the population of the place where it is known', () => {
    const hanoi = regions.byCode('01')!;
    const population = regions.provinces.find((p) => p.code === '01')!.population2019!.count;
    const row = (installs: number) => ({ region: { code: '01', name: hanoi.name, level: 'province' as const }, installs });
    expect(plausibilityProblems(make('2021-05-24', 0, { rows: [row(population)] }), context)).toEqual([]);
    expect(plausibilityProblems(make('2021-05-24', 0, { rows: [row(population + 1)] }), context).map((p) => p.field)).toEqual(['installs']);
    // A province without a confirmed population in the reference: nothing to compare with.
    const unknown = regions.provinces.find((p) => p.population2019 === null)!;
    expect(plausibilityProblems(make('2021-05-24', 0, { rows: [{ region: { code: unknown.code, name: unknown.name, level: 'province' }, installs: 10 ** 9 }] }), context)).toEqual([]);
  });

  it('no rate above 100 % (the schema)', () => {
    const rate = (ratePercent: number) => make('2021-05-24', 0, { rows: [{ region: vietNam, ratePercent, rateBasis: 'population' }] });
    expect(checkSnapshot(rate(100), regions)).toEqual([]);
    expect(checkSnapshot(rate(100.01), regions).map((p) => p.field)).toEqual(['ratePercent']);
  });

  it(`refuses a change of more than ×${PLAUSIBLE.jumpFactor} between consecutive figures of one series, unless the later snapshot says why`, () => {
    const entries = (...list: Snapshot[]) => list.map((snapshot) => ({ snapshot }));
    const base = make('2020-08-02', 1_000_000);
    expect(jumpProblems(entries(base, make('2020-08-09', 1_000_000 * PLAUSIBLE.jumpFactor)))).toEqual([]);
    const up = jumpProblems(entries(make('2020-08-09', 1_000_000 * PLAUSIBLE.jumpFactor + 1), base));
    expect(up.map((j) => [j.earlier.snapshot.asOf, j.later.snapshot.asOf, j.problem.field])).toEqual([['2020-08-02', '2020-08-09', 'installs']]);
    expect(jumpProblems(entries(base, make('2020-08-09', 99_999)))).toHaveLength(1); // down as well
    expect(jumpProblems(entries(base, make('2020-08-09', 99_999, { jumpReason: 'TEST FIXTURE: reason given' })))).toEqual([]);
    // Other measures and the counting change are other series.
    expect(jumpProblems(entries(base, make('2020-08-09', 99_999, { measure: 'active' })))).toEqual([]);
    expect(jumpProblems(entries(base, make('2021-06-29', 99_999_999, { method: 'active_3g4g_subscribers' })))).toEqual([]);
  });

  it('the committed snapshots are within every bound', () => {
    const committed = readdirSync('content/stats').map((file) => ({ file, snapshot: JSON.parse(readFileSync(join('content/stats', file), 'utf8')) as Snapshot }));
    expect(committed.flatMap((c) => plausibilityProblems(c.snapshot, context))).toEqual([]);
    expect(jumpProblems(committed)).toEqual([]);
  });
});

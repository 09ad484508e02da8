import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '../../src/content/regions.ts';
import { snapshotSchema, snapshotSchemaWith, levelOfCode, rowKey } from '../../src/content/snapshot.ts';

const regions = loadRegions();
const schema = snapshotSchemaWith(regions);
const dir = 'content/stats';
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const entries = files.map((file) => ({ id: file.replace(/\.json$/, ''), data: schema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));

/** A minimal valid snapshot to mutate in tests. */
function base(): any {
  return {
    asOf: '2020-09-07',
    source: { id: '5355-ubnd-kgvx-2020', name: 'UBND tỉnh Cà Mau', document: '5355-ubnd-kgvx-2020' },
    measure: 'downloads',
    rows: [{ region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 16.08, rateBasis: 'not_stated', rank: 59, rankOf: 63 }],
  };
}
function issues(value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the committed snapshots', () => {
  it('exist and all parse against the regions reference', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(entries.length).toBe(files.length);
  });

  it('are named <asOf>-<source id>… and unique per source and date', () => {
    const seen = new Set<string>();
    for (const { id, data } of entries) {
      expect(id.startsWith(`${data.asOf}-${data.source.id}`), id).toBe(true);
      const key = `${data.source.id}|${data.asOf}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('carry every figure quoted in the letters, each citing its letter', () => {
    const find = (doc: string) => entries.find((e) => e.data.source.document === doc)?.data;
    const kg = find('1119-ubnd-kgvx-2020')!;
    expect(kg.asOf).toBe('2020-08-16');
    expect(kg.rows).toContainEqual(expect.objectContaining({ installs: 145800, ratePercent: 13, rateBasis: 'adults_15_60' }));
    expect(kg.rows).toContainEqual(expect.objectContaining({ region: expect.objectContaining({ code: 'VN' }), ratePercent: 19 }));
    const tv = find('stttt-bcvtcntt-tra-vinh-2020-08-13')!;
    expect(tv.asOf).toBe('2020-08-12');
    expect(tv.rows[0]).toMatchObject({ ratePercent: 5.06, rateBasis: 'population', rank: 62, rankOf: 63 });
    const cm = find('5355-ubnd-kgvx-2020')!;
    expect(cm.rows[0]).toMatchObject({ ratePercent: 16.08, rateBasis: 'not_stated', rank: 59, rankOf: 63 });
    const cp = find('588-tbtt-vhtt-2021')!;
    expect(cp.measure).toBe('registered_with_phone');
    expect(cp.rows).toEqual([
      expect.objectContaining({ region: { code: '195', name: 'Cẩm Phả', level: 'district' }, installs: 72014, population: 190232, ratePercent: 37.86, rateBasis: 'population', rank: 2 }),
      expect.objectContaining({ installs: 72014, smartphones: 192789, ratePercent: 37.35, rateBasis: 'smartphones', rank: 5 }),
    ]);
  });

  it('every stated rate agrees with its exact counts within 0,1 point (rounded counts such as "2,8 triệu" cannot be checked that finely)', () => {
    const population = new Map(regions.provinces.flatMap((p) => (p.population2019 ? [[p.code, p.population2019.count] as const] : [])));
    const checked = entries.flatMap(({ id, data }) =>
      data.rows.flatMap((row) => {
        // Only exact values can be checked: a bound or an approximation has nothing exact to agree with.
        if (row.ratePercent === undefined || row.installs === undefined || row.rateQualifier || row.installsQualifier) return [];
        const denominator =
          row.rateBasis === 'population' ? (row.population ?? population.get(row.region.code)) : row.rateBasis === 'adults_15_60' ? row.adults15to60 : row.rateBasis === 'smartphones' ? row.smartphones : undefined;
        return denominator === undefined ? [] : [{ id, row, installs: row.installs, computed: (row.installs / denominator) * 100 }];
      }),
    );
    expect(checked.length).toBeGreaterThan(5);
    for (const { id, row, installs, computed } of checked) {
      const difference = Math.abs(row.ratePercent! - computed);
      // A count printed rounded (in millions, or to thousands) is within its own rounding: half a unit of its last digit.
      const rounded = row.installsPrintedIn === 'millions' || installs % 1000 === 0;
      const unit = rounded ? 10 ** Math.floor(Math.log10(installs) - 1) : 0;
      const slack = (unit / 2 / (installs / (computed / 100))) * 100 + 0.1 + 1e-9;
      expect(difference, `${id} ${row.region.name}: ${row.ratePercent} vs ${computed}`).toBeLessThanOrEqual(slack);
    }
  });

  it('cite letters by their slug in the directives library', () => {
    const letters = entries.filter((e) => e.data.source.document !== undefined);
    expect(letters.length).toBeGreaterThanOrEqual(4);
    for (const { data } of letters) expect(existsSync(join('content/directives', `${data.source.document}.mdx`)), data.source.document).toBe(true);
  });

  it('use names exactly as in the regions reference', () => {
    for (const { data } of entries) for (const row of data.rows) expect(row.region.name).toBe(regions.byCode(row.region.code)!.name);
  });
});

describe('snapshot schema', () => {
  it('accepts the minimal snapshot', () => {
    expect(issues(base())).toEqual([]);
  });

  it('keeps a rate without basis only as "not_stated": a missing basis is an error', () => {
    const s = base();
    delete s.rows[0].rateBasis;
    expect(issues(s)).toEqual([expect.stringMatching(/^rows\.0\.rateBasis: .*not_stated/)]);
  });

  it('rejects rates over 100, negative or fractional counts, installs above a denominator, bad rank', () => {
    const s = base();
    s.rows[0] = { region: { code: '195', name: 'Cẩm Phả', level: 'district' }, installs: 200000, population: 190232, ratePercent: 100.5, rateBasis: 'population', rank: 70, rankOf: 63 };
    const found = issues(s);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rows\.0\.ratePercent: .*100/),
        expect.stringMatching(/^rows\.0\.installs: installs 200000 exceed population 190232/),
        expect.stringMatching(/^rows\.0\.rank: /),
      ]),
    );
    s.rows[0] = { region: { code: '96', name: 'Cà Mau', level: 'province' }, installs: -1 };
    expect(issues(s)).toEqual([expect.stringMatching(/^rows\.0\.installs: must not be negative/)]);
    s.rows[0].installs = 1.5;
    expect(issues(s)).toEqual([expect.stringMatching(/^rows\.0\.installs: must be a whole number/)]);
  });

  it('skips the denominator check only for a lower bound ("more_than")', () => {
    const s = base();
    s.rows[0] = { region: { code: '96', name: 'Cà Mau', level: 'province' }, installs: 10, installsQualifier: 'more_than', population: 5 };
    expect(issues(s)).toEqual([]);
  });

  it('rejects unknown region codes, mismatched levels and names', () => {
    const s = base();
    s.rows[0].region = { code: '97', name: 'Cà Mau', level: 'province' };
    expect(issues(s)).toEqual([expect.stringMatching(/^rows\.0\.region\.code: unknown region code 97/)]);
    s.rows[0].region = { code: '96', name: 'Cà Mau', level: 'district' };
    expect(issues(s)).toEqual(expect.arrayContaining([expect.stringMatching(/^rows\.0\.region\.level: /)]));
    s.rows[0].region = { code: '96', name: 'Bạc Liêu', level: 'province' };
    expect(issues(s)).toEqual([expect.stringMatching(/^rows\.0\.region\.name: 96 is "Cà Mau"/)]);
    s.rows[0].region = { code: '96', name: 'Tỉnh Cà Mau', level: 'province' };
    expect(issues(s)).toEqual([]);
  });

  it('rejects duplicate rows (same region, measure and basis) but not the same region on another basis', () => {
    const s = base();
    s.rows.push({ ...s.rows[0] });
    expect(issues(s)).toEqual([expect.stringMatching(/^rows\.1\.region: duplicate of row 0/)]);
    s.rows[1] = { ...s.rows[0], rateBasis: 'population' };
    expect(issues(s)).toEqual([]);
    s.rows[1] = { ...s.rows[0], measure: 'active' };
    expect(issues(s)).toEqual([]);
  });

  it('takes the counting method from the snapshot, never from its date (no source dates a change)', () => {
    const s = base();
    s.method = 'active_3g4g_subscribers';
    expect(issues(s)).toEqual([]);
    s.asOf = '2021-07-01';
    delete s.method;
    expect(issues(s)).toEqual([]);
  });

  it('rejects impossible dates, a source with neither url nor document, and unknown fields', () => {
    const s = base();
    s.asOf = '2021-02-30';
    expect(issues(s)[0]).toMatch(/^asOf: /);
    const t = base();
    delete t.source.document;
    expect(issues(t)).toEqual([expect.stringMatching(/^source\.url: a source needs a url, a document/)]);
    const u = base();
    u.rows[0].installz = 5;
    expect(issues(u)[0]).toMatch(/installz/);
  });

  it('qualifiers need their value, and a row needs a figure', () => {
    const s = base();
    s.rows[0] = { region: { code: '96', name: 'Cà Mau', level: 'province' }, installsQualifier: 'about' };
    expect(issues(s)).toEqual(expect.arrayContaining([expect.stringMatching(/^rows\.0\.installsQualifier: /), expect.stringMatching(/^rows\.0\.installs: a row needs/)]));
  });

  it('checks code shape without the reference too', () => {
    expect(levelOfCode('VN')).toBe('country');
    expect(levelOfCode('01')).toBe('province');
    expect(levelOfCode('195')).toBe('district');
    expect(levelOfCode('1950')).toBeUndefined();
    const s = base();
    s.rows[0].region.code = 'XX';
    expect(snapshotSchema.safeParse(s).success).toBe(false);
    expect(rowKey(base().rows[0], 'downloads')).toBe('96|downloads|not_stated');
  });
});

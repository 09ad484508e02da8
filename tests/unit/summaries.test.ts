import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/lib/stats/figures.ts';
import { CHANGE_WINDOW_DAYS, daysBetween } from '../../src/lib/stats/model.ts';
import { changeWords, figureSentence, placesSummary, seriesSentence } from '../../src/lib/stats/summaries.ts';

/** A synthetic figure (not a published one). */
function fig(over: Partial<Figure>): Figure {
  return {
    id: `${over.date ?? 'x'}:${over.value}`,
    place: { code: 'VN', name: 'Việt Nam', level: 'country' },
    date: '2021-06-19',
    kind: 'count',
    measure: 'downloads',
    basis: null,
    value: 37_900_000,
    qualifier: 'exact',
    printedIn: 'millions',
    decimals: null,
    method: 'all_installs',
    rank: null,
    rankOf: null,
    group: null,
    source: { name: 'TEST', title: null, url: null },
    ...over,
  };
}
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('sentences a newsreader can read aloud', () => {
  it('reads the newest count with its date, place and the change from a figure days before', () => {
    const before = fig({ date: '2021-06-17', value: 37_793_000, printedIn: 'units' });
    const text = seriesSentence([before, fig({})] as (Figure & { value: number })[], 'vi');
    expect(text).toMatch(/^Đến ngày 19\/6\/2021, cả nước có 37,9 triệu lượt tải Bluezone, tăng khoảng 0,107 triệu so với ngày 17\/6\/2021\.$/);
    expect(seriesSentence([before, fig({})] as (Figure & { value: number })[], 'en')).toBe('As of 19 June 2021, the whole country had 37.9 million Bluezone downloads, up about 0.107 million from 17 June 2021.');
  });

  it('states an exact difference only between two exact counts', () => {
    const bg = { code: '24', name: 'Bắc Giang', level: 'province' as const };
    const text = figureSentence(fig({ place: bg, date: '2021-05-31', value: 480_306, printedIn: 'units' }), 'vi', fig({ place: bg, date: '2021-05-27', value: 433_001, printedIn: 'units' }));
    expect(text).toContain('Bắc Giang có 480.306 lượt tải Bluezone, tăng 47.305 so với ngày 27/5/2021');
    expect(text).not.toContain('khoảng');
  });

  it('never subtracts a bound: "hơn 38 triệu" and the figure before are each read with their own date', () => {
    const text = figureSentence(fig({ date: '2021-06-26', value: 38_000_000, qualifier: 'more_than' }), 'vi', fig({}));
    expect(text).toContain('hơn 38 triệu lượt tải');
    expect(text).not.toMatch(/tăng|giảm/);
    expect(text).toContain('ngày 19/6/2021, là 37,9 triệu lượt tải');
  });

  it('reads a rate with its basis and its rank, and a change in percentage points', () => {
    const bn = { code: '27', name: 'Bắc Ninh', level: 'province' as const };
    const rate = (date: string, value: number) => fig({ place: bn, date, value, kind: 'rate', basis: 'population', printedIn: 'units', decimals: 2 });
    const text = figureSentence({ ...rate('2021-06-26', 44.77), rank: 1, rankOf: null }, 'vi', rate('2021-06-19', 44.61));
    expect(text).toBe('Đến ngày 26/6/2021, tỷ lệ tải Bluezone của Bắc Ninh là 44,77\u00a0% dân số, xếp thứ 1, tăng khoảng 0,16 điểm phần trăm so với ngày 19/6/2021.');
  });

  it('any two figures of one place: a change only within the change window, on one basis and method, and "khoảng" unless both are exact counts', () => {
    const arb = fc.record({
      a: fc.integer({ min: 1, max: 60_000_000 }),
      b: fc.integer({ min: 1, max: 60_000_000 }),
      gap: fc.integer({ min: 0, max: 90 }),
      qa: fc.constantFrom('exact', 'about', 'more_than', 'less_than' as const),
      qb: fc.constantFrom('exact', 'about', 'more_than', 'less_than' as const),
      pa: fc.constantFrom('units', 'millions' as const),
      pb: fc.constantFrom('units', 'millions' as const),
      sameMethod: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ a, b, gap, qa, qb, pa, pb, sameMethod }) => {
        const before = fig({ date: '2021-05-01', value: a, qualifier: qa, printedIn: pa });
        const after = fig({ date: shift('2021-05-01', gap), value: b, qualifier: qb, printedIn: pb, method: sameMethod ? 'all_installs' : 'active_3g4g_subscribers' });
        const words = changeWords(before, after, 'vi');
        const allowed = daysBetween(before.date, after.date) <= CHANGE_WINDOW_DAYS && sameMethod && ![qa, qb].some((q) => q === 'more_than' || q === 'less_than');
        expect(words !== null).toBe(allowed);
        if (words && a !== b) expect(words.includes('khoảng')).toBe(!(qa === 'exact' && qb === 'exact' && pa === 'units' && pb === 'units'));
      }),
      { numRuns: 1000 },
    );
  });

  it('many places: "cao nhất" only within the newest comparable group; a bound is never the lowest', () => {
    const place = (code: string, name: string) => ({ code, name, level: 'province' as const });
    const rate = (p: ReturnType<typeof place>, date: string, value: number, qualifier: Figure['qualifier'] = 'exact') =>
      fig({ place: p, date, value, qualifier, kind: 'rate', basis: 'population', printedIn: 'units', decimals: null });
    const figures = [
      rate(place('48', 'Đà Nẵng'), '2021-05-24', 43.7),
      rate(place('01', 'Hà Nội'), '2021-05-24', 38.6),
      rate(place('02', 'Hà Giang'), '2021-05-20', 8, 'less_than'),
      rate(place('84', 'Trà Vinh'), '2020-08-12', 5.06, 'about'),
    ];
    const text = placesSummary(figures, 'tỉnh', 'vi');
    expect(text).toContain('4 tỉnh có số liệu tỷ lệ tải Bluezone (% dân số), từ ngày 12/8/2020 đến ngày 24/5/2021');
    expect(text).toContain('cao nhất là Đà Nẵng với 43,7\u00a0%');
    expect(text).not.toContain('thấp nhất');
    expect(text).toContain('Trà Vinh khoảng 5,06\u00a0% ngày 12/8/2020');
    const noBound = placesSummary(figures.filter((f) => f.qualifier !== 'less_than'), 'tỉnh', 'vi');
    expect(noBound).toContain('thấp nhất là Hà Nội với 38,6\u00a0%');
    expect(noBound).not.toMatch(/(cao|thấp) nhất là Trà Vinh/);
  });
});

describe('the national change a newsreader says', () => {
  it('reads "tăng khoảng 7,… triệu so với ngày 28/4/2021" across the 52 days between two reports, and never across another place', () => {
    const country = { code: 'VN', name: 'Việt Nam', level: 'country' as const };
    const before = fig({ place: country, date: '2021-04-28', value: 30_500_000, qualifier: 'about', printedIn: 'millions' });
    const after = fig({ place: country, date: '2021-06-19', value: 37_900_000, qualifier: 'about', printedIn: 'millions' });
    expect(figureSentence(after, 'vi', before)).toContain('tăng khoảng 7,4 triệu so với ngày 28/4/2021');
    const elsewhere = fig({ place: { code: '01', name: 'Hà Nội', level: 'province' as const }, date: '2021-06-12', value: 3_000_000, printedIn: 'millions' });
    expect(changeWords(elsewhere, after, 'vi')).toBeNull();
  });
});

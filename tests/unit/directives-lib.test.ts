import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCitationGraph,
  campaignTimeline,
  citationText,
  describeStatistic,
  describeTarget,
  directiveFacets,
  directiveRecord,
  directiveSlug,
  directivesForLevel,
  directivesForProvince,
  directivesForYear,
  libraryProblems,
  numberSymbol,
  sortNewestFirst,
} from '../../src/lib/directives/library.ts';
import { filterPath } from '../../src/routing/routes.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { entry, letter, library } from './directive-fixtures.ts';

const regions = loadRegions();
const site = 'https://bluezone.example';
const slugs = (list: { data: { slug: string } }[]) => list.map((e) => e.data.slug);

describe('directiveSlug', () => {
  it('derives the slugs of the six letters', () => {
    expect(directiveSlug({ number: '1119', symbol: 'UBND-KGVX', place: 'Kiên Giang', date: '2020-08-19' })).toBe('1119-ubnd-kgvx-2020');
    expect(directiveSlug({ number: '901', symbol: 'CV/TĐTN-BTG', place: 'Rạch Giá', date: '2020-08-21' })).toBe('901-cv-tdtn-btg-2020');
    expect(directiveSlug({ number: '524', symbol: 'MTTQ-BTT', place: 'Cà Mau', date: '2020-09-10' })).toBe('524-mttq-btt-2020');
    expect(directiveSlug({ number: '5355', symbol: 'UBND-KGVX', place: 'Cà Mau', date: '2020-09-08' })).toBe('5355-ubnd-kgvx-2020');
    expect(directiveSlug({ number: '588', symbol: 'TBTT-VHTT', place: 'Cẩm Phả', date: '2021-02-03' })).toBe('588-tbtt-vhtt-2021');
    expect(directiveSlug({ number: null, symbol: 'STTTT-BCVTCNTT', place: 'Trà Vinh', date: '2020-08-13' })).toBe(
      'stttt-bcvtcntt-tra-vinh-2020-08-13',
    );
  });

  it('every fixture letter pins the slug the rule derives', () => {
    for (const { data } of library()) expect(data.slug).toBe(directiveSlug(data));
  });

  it('is URL-safe, starts with the number when there is one, and never pretends to be a number otherwise', () => {
    const symbol = fc.stringMatching(/^[A-ZĐ]{2,6}(?:[-/][A-ZĐ]{2,8}){0,2}$/);
    const date = fc.date({ min: new Date('2019-01-01'), max: new Date('2022-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const place = fc.constantFrom('Trà Vinh', 'Cà Mau', 'Đà Nẵng', 'Rạch Giá');
    fc.assert(
      fc.property(fc.option(fc.stringMatching(/^[1-9]\d{0,4}$/), { nil: null }), symbol, place, date, (number, sym, pl, d) => {
        const slug = directiveSlug({ number, symbol: sym, place: pl, date: d });
        expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        if (number === null) expect(slug).toMatch(/^[a-z]/);
        else expect(slug.startsWith(`${number}-`)).toBe(true);
      }),
    );
  });

  it('shows a blank number as printed, not as an invented one', () => {
    expect(numberSymbol({ number: null, symbol: 'STTTT-BCVTCNTT' })).toBe('…/STTTT-BCVTCNTT');
    expect(numberSymbol({ number: '901', symbol: 'CV/TĐTN-BTG', separator: '-' })).toBe('901-CV/TĐTN-BTG');
    expect(numberSymbol({ number: '1119', symbol: 'UBND-KGVX' })).toBe('1119/UBND-KGVX');
  });
});

describe('sorting and filters', () => {
  it('lists newest first', () => {
    const sorted = sortNewestFirst(library());
    expect(sorted.length).toBe(6);
    expect(slugs(sorted)).toEqual([
      '588-tbtt-vhtt-2021',
      '524-mttq-btt-2020',
      '5355-ubnd-kgvx-2020',
      '901-cv-tdtn-btg-2020',
      '1119-ubnd-kgvx-2020',
      'stttt-bcvtcntt-tra-vinh-2020-08-13',
    ]);
  });

  it('breaks ties on the same day in Vietnamese dictionary order of the issuer', () => {
    const a = entry(letter({ slug: 'a', issuer: 'Ủy ban nhân dân tỉnh Cà Mau' }));
    const b = entry(letter({ slug: 'b', issuer: 'Đoàn Thanh niên' }));
    const c = entry(letter({ slug: 'c', issuer: 'Doanh nghiệp' }));
    expect(slugs(sortNewestFirst([a, b, c]))).toEqual(['c', 'b', 'a']); // D < Đ < U
  });

  it('filters by province, level and year', () => {
    const all = library();
    expect(slugs(directivesForProvince(all, '91'))).toEqual(['901-cv-tdtn-btg-2020', '1119-ubnd-kgvx-2020']);
    expect(slugs(directivesForProvince(all, '01'))).toEqual([]);
    expect(slugs(directivesForLevel(all, 'province'))).toEqual(['5355-ubnd-kgvx-2020', '1119-ubnd-kgvx-2020']);
    expect(slugs(directivesForYear(all, 2021))).toEqual(['588-tbtt-vhtt-2021']);
    expect(directivesForYear(all, 2020)).toHaveLength(5);
  });

  it('offers only filter values that select letters, with counts and slugs from the regions list', () => {
    const facets = directiveFacets(library(), regions);
    expect(facets.provinces.map((f) => [f.value.name, f.value.slug, f.count])).toEqual([
      ['Cà Mau', 'ca-mau', 2],
      ['Kiên Giang', 'kien-giang', 2],
      ['Quảng Ninh', 'quang-ninh', 1],
      ['Trà Vinh', 'tra-vinh', 1],
    ]);
    expect(facets.levels.map((f) => f.value)).toEqual(['province', 'department', 'district', 'front', 'youth-union']);
    expect(facets.years).toEqual([{ value: 2021, count: 1 }, { value: 2020, count: 5 }]);
    expect(filterPath('province', 'kien-giang', 'vi')).toBe('/van-ban/tinh/kien-giang/');
    expect(filterPath('level', 'youth-union', 'en')).toBe('/en/directives/level/youth-union/');
  });
});

describe('citations graph', () => {
  const graph = buildCitationGraph(library());

  it('links a cited letter that is in the library and records who cites it', () => {
    expect(graph.cites('901-cv-tdtn-btg-2020').map((c) => c.target?.data.slug ?? null)).toEqual(['1119-ubnd-kgvx-2020', null]);
    expect(slugs(graph.citedBy('1119-ubnd-kgvx-2020'))).toEqual(['901-cv-tdtn-btg-2020']);
  });

  it('follows sameAs for a misprinted number (3555 printed for 5355)', () => {
    const cited = graph.cites('524-mttq-btt-2020');
    expect(cited.map((c) => c.target?.data.slug ?? null)).toEqual([null, '5355-ubnd-kgvx-2020', null]);
    expect(slugs(graph.citedBy('5355-ubnd-kgvx-2020'))).toEqual(['524-mttq-btt-2020']);
  });

  it('lists letters referred to but missing, once each, oldest first, with every citing letter', () => {
    expect(graph.missing.map((m) => [numberSymbol(m.cited), slugs(m.citedBy)])).toEqual([
      ['2841/BTTTT-THH', ['1119-ubnd-kgvx-2020', 'stttt-bcvtcntt-tra-vinh-2020-08-13']],
      ['3065/UBND-CNXD', ['stttt-bcvtcntt-tra-vinh-2020-08-13']],
      ['4865/UBND-KGVX', ['524-mttq-btt-2020', '5355-ubnd-kgvx-2020']],
      ['888-CV/TĐTN-BTG', ['901-cv-tdtn-btg-2020']],
      ['1166/STTTT-CNTTBCVT', ['524-mttq-btt-2020', '5355-ubnd-kgvx-2020']],
    ]);
  });

  it('turns a missing letter into a link once its file is added', () => {
    const added = letter({ slug: '2841-btttt-thh-2020', number: '2841', symbol: 'BTTTT-THH', date: '2020-08-01', level: 'central', cites: [] });
    const next = buildCitationGraph([...library(), entry(added)]);
    expect(next.missing.map((m) => m.key)).not.toContain('2841-btttt-thh-2020');
    expect(slugs(next.citedBy('2841-btttt-thh-2020'))).toEqual(['1119-ubnd-kgvx-2020', 'stttt-bcvtcntt-tra-vinh-2020-08-13']);
  });

  it('reports library-wide problems naming the file and field', () => {
    const all = library();
    const duplicate = entry(letter({ slug: '1119-ubnd-kgvx-2020' }));
    const dangling = entry(letter({ slug: 'x-2020', cites: [{ ...all[2]!.data.cites[1]!, sameAs: 'nope-2020' }] }));
    const problems = libraryProblems([...all, duplicate, dangling], (e) => `content/directives/${e === duplicate ? 'copy' : e.data.slug}.mdx`);
    expect(problems).toEqual([
      'content/directives/copy.mdx: slug "1119-ubnd-kgvx-2020" is also used by content/directives/1119-ubnd-kgvx-2020.mdx',
      'content/directives/copy.mdx: field slug is "1119-ubnd-kgvx-2020" but the file is named copy.mdx; name it 1119-ubnd-kgvx-2020.mdx',
      'content/directives/x-2020.mdx: field cites.0.sameAs names "nope-2020", which is not in the library',
    ]);
    expect(libraryProblems(all, (e) => `content/directives/${e.data.slug}.mdx`)).toEqual([]);
  });
});

describe('timeline', () => {
  it('puts every letter, deadline, target and figure in date order', () => {
    const events = campaignTimeline(library());
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(events.filter((e) => e.kind === 'issued')).toHaveLength(6);
    expect(events.at(0)).toMatchObject({ kind: 'statistic', date: '2020-08-12' }); // Trà Vinh 5,06%
    expect(events.at(-1)).toMatchObject({ kind: 'issued', date: '2021-02-03' });
    const kienGiangTargets = events.filter((e) => e.kind === 'target');
    // The 60% target, set by 1119 and restated by 901, falls due on 20/08/2020 for both.
    expect(kienGiangTargets.map((e) => [e.date, e.entry.data.slug])).toEqual([
      ['2020-08-20', '1119-ubnd-kgvx-2020'],
      ['2020-08-20', '901-cv-tdtn-btg-2020'],
    ]);
  });

  it('orders a same-day figure before the letter quoting it, and the letter before what falls due', () => {
    const day = campaignTimeline(library()).filter((e) => e.date === '2020-09-07' || e.date === '2020-09-08');
    expect(day.map((e) => e.kind)).toEqual(['statistic', 'issued']);
  });
});

describe('texts', () => {
  const bySlug = (slug: string) => library().find((e) => e.data.slug === slug)!.data;
  const kg = bySlug('1119-ubnd-kgvx-2020');
  const cm = bySlug('5355-ubnd-kgvx-2020');
  const tv = bySlug('stttt-bcvtcntt-tra-vinh-2020-08-13');
  const cp = bySlug('588-tbtt-vhtt-2021');

  it('states every figure with its basis, region and date, in both languages', () => {
    expect(describeStatistic(kg.statistics[0]!, regions, 'vi')).toBe('13\u00a0% dân số 15–60 tuổi (khoảng 145.800 lượt tải), Kiên Giang, đến ngày 16/8/2020');
    expect(describeStatistic(kg.statistics[0]!, regions, 'en')).toBe('13% of people aged 15–60 (about 145,800 downloads), Kiên Giang, as of 16 August 2020');
    expect(describeStatistic(kg.statistics[1]!, regions, 'vi')).toBe('19\u00a0% (cơ sở tính chưa rõ), cả nước, đến ngày 16/8/2020');
    expect(describeStatistic(tv.statistics[0]!, regions, 'vi')).toBe('khoảng 5,06\u00a0% dân số, Trà Vinh, đến ngày 12/8/2020; xếp hạng 62/63 trong các tỉnh, thành');
    expect(describeStatistic(cp.statistics[0]!, regions, 'vi')).toBe(
      '37,86\u00a0% dân số (72.014/190.232 tài khoản có số điện thoại), Cẩm Phả (Quảng Ninh), đến ngày 31/1/2021; xếp hạng 2 trong tỉnh',
    );
    expect(describeStatistic(cm.statistics[0]!, regions, 'en')).toBe(
      '16.08% (basis not stated), Cà Mau, as of 7 September 2020; rank 59/63 among provinces',
    );
  });

  it('states targets with whom they count and by when', () => {
    expect(describeTarget(kg.targets[0]!, regions, 'vi')).toBe('tối thiểu 60\u00a0% người dùng điện thoại thông minh, Kiên Giang, đến ngày 20/8/2020');
    expect(describeTarget(kg.targets[0]!, regions, 'en')).toBe('at least 60% of smartphone users, Kiên Giang, by 20 August 2020');
  });

  it('builds a plain-text citation with the permanent URL in full', () => {
    const real = 'https://bluezone.camau.gov.vn';
    expect(citationText(kg, 'vi', real)).toBe(
      'Ủy ban nhân dân tỉnh Kiên Giang, văn bản số 1119/UBND-KGVX, Kiên Giang, ngày 19/8/2020, V/v đẩy mạnh triển khai ứng dụng, cài đặt ứng dụng Bluezone. https://bluezone.camau.gov.vn/van-ban/1119-ubnd-kgvx-2020/',
    );
    expect(citationText(tv, 'en', real)).toMatch(/unnumbered letter …\/STTTT-BCVTCNTT, Trà Vinh, 13 August 2020, .* https:\/\/bluezone\.camau\.gov\.vn\/en\/directives\/stttt-bcvtcntt-tra-vinh-2020-08-13\/$/);
    expect(citationText(kg, 'vi', 'http://localhost:4321')).toMatch(/ Bluezone\. http:\/\/localhost:4321\/van-ban\/1119-ubnd-kgvx-2020\/$/);
  });

  it('gives machine-readable records with resolved citations and absolute URLs', () => {
    const all = library();
    const graph = buildCitationGraph(all);
    const record = directiveRecord(all.find((e) => e.data.slug === '524-mttq-btt-2020')!, graph, regions, site);
    expect(record.url).toBe('https://bluezone.example/van-ban/524-mttq-btt-2020/');
    expect(record.province).toEqual({ code: '96', name: 'Cà Mau', slug: 'ca-mau' });
    expect(record.cites.map((c) => [c.number_symbol, c.in_library, c.slug])).toEqual([
      ['4865/UBND-KGVX', false, null],
      ['3555/UBND-KGVX', true, '5355-ubnd-kgvx-2020'],
      ['1166/STTTT-CNTTBCVT', false, null],
    ]);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});

describe('filter pages at scale', () => {
  it('cut a province, level or year into pages of 50 with their own addresses and twins; every letter once', async () => {
    const { filterRoutes } = await import('../../src/components/directives/FilterPages.ts');
    const many = Array.from({ length: 120 }, (_, i) => entry(letter({ slug: `${1000 + i}-ubnd-kgvx-2020`, number: String(1000 + i), date: `2020-0${1 + (i % 9)}-1${i % 10}` })));
    type Route = ReturnType<typeof filterRoutes>[number];
    const routes = filterRoutes(many as never, loadRegions(), 'province', 'vi') as Route[];
    expect(routes.map((route) => route.params.path)).toEqual(['kien-giang', 'kien-giang/trang/2', 'kien-giang/trang/3']);
    for (const { props } of routes) {
      expect(props.entries.length).toBeLessThanOrEqual(50);
      expect(props.total).toBe(120);
      expect(props.page.base).toBe('/van-ban/tinh/kien-giang/');
    }
    expect(routes.map(({ props }) => props.twinPath)).toEqual(['/en/directives/province/kien-giang/', '/en/directives/province/kien-giang/page/2/', '/en/directives/province/kien-giang/page/3/']);
    const listed = routes.flatMap(({ props }) => props.entries.map((e) => e.data.slug));
    expect(new Set(listed).size).toBe(120);
    expect(listed).toHaveLength(120);
    const years = filterRoutes(many as never, loadRegions(), 'year', 'en') as Route[];
    expect(years.map((route) => route.params.path)).toEqual(['2020', '2020/page/2', '2020/page/3']);
  });
});

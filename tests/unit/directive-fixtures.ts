import { directiveSchema, type Directive } from '../../src/content/directive.ts';
import type { DirectiveEntry } from '../../src/lib/directives/library.ts';

/**
 * Test inputs for the directives schema and library. `getCollection()` is empty under Vitest,
 * so these mirror the metadata of real letters in `content/directives/` (trimmed to what the
 * tests need); the build-level test checks the real files.
 */

/** Raw frontmatter (as YAML would give it) of a valid letter: 1119/UBND-KGVX. */
export function rawLetter(): Record<string, unknown> {
  return {
    slug: '1119-ubnd-kgvx-2020',
    number: '1119',
    symbol: 'UBND-KGVX',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuerEn: "People's Committee of Kiên Giang province",
    level: 'province',
    place: 'Kiên Giang',
    date: '2020-08-19',
    province: '91',
    subject: 'V/v đẩy mạnh triển khai ứng dụng, cài đặt ứng dụng Bluezone.',
    recipients: ['Chủ tịch UBND các huyện, thành phố'],
    signer: { name: 'Lâm Minh Thành', capacity: 'KT. CHỦ TỊCH', title: 'Phó Chủ tịch', titleEn: 'Vice-Chairman' },
    cites: [
      { number: '2841', symbol: 'BTTTT-THH', separator: '/', date: '2020-08-01', issuer: 'Bộ Thông tin và Truyền thông', issuerEn: 'Ministry of Information and Communications' },
    ],
    deadlines: [{ date: '2020-08-24', task: 'Sở TT&TT báo cáo UBND tỉnh.', taskEn: 'The department reports.' }],
    targets: [
      { percent: 60, comparator: 'at-least', basis: 'smartphone_users', region: { scope: 'province', province: '91' }, deadline: '2020-08-20' },
    ],
    statistics: [
      { percent: 13, count: 145800, countQualifier: 'about', basis: 'adults_15_60', region: { scope: 'province', province: '91' }, date: '2020-08-16' },
      { percent: 19, basis: 'not_stated', region: { scope: 'national' }, date: '2020-08-16' },
    ],
    title_en: 'Letter 1119/UBND-KGVX: step up the installation of Bluezone',
    summary_en: 'Kiên Giang orders every agency to install Bluezone; target at least 60% of smartphone users by 20 August 2020.',
  };
}

/** A parsed letter with overrides: the schema fills defaults exactly as in a build. */
export function letter(overrides: Partial<Directive> = {}): Directive {
  return { ...directiveSchema.parse(rawLetter()), ...overrides };
}

/** A collection-like entry whose id is its slug, as the glob loader makes it. */
export function entry(data: Directive): DirectiveEntry {
  return { id: data.slug, data };
}

const signer = { name: 'X', capacity: null, title: null, titleEn: null };

/** The six letters of the library, reduced to what the graph, sort, filters and timeline use. */
export function library(): DirectiveEntry[] {
  const letters: Directive[] = [
    letter(),
    letter({
      slug: '901-cv-tdtn-btg-2020', number: '901', symbol: 'CV/TĐTN-BTG', separator: '-', issuer: 'Ban Chấp hành Đoàn tỉnh Kiên Giang',
      level: 'youth-union', place: 'Rạch Giá', date: '2020-08-21', signer, deadlines: [], statistics: [],
      cites: [
        { number: '1119', symbol: 'UBND-KGVX', separator: '/', date: '2020-08-19', issuer: 'UBND tỉnh Kiên Giang', issuerEn: 'Kiên Giang PC' },
        { number: '888', symbol: 'CV/TĐTN-BTG', separator: '-', date: '2020-08-18', issuer: 'BTV Tỉnh Đoàn', issuerEn: 'Youth Union' },
      ],
    }),
    letter({
      slug: '524-mttq-btt-2020', number: '524', symbol: 'MTTQ-BTT', issuer: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Cà Mau',
      level: 'front', place: 'Cà Mau', date: '2020-09-10', province: '96', signer, deadlines: [], targets: [], statistics: [],
      cites: [
        { number: '4865', symbol: 'UBND-KGVX', separator: '/', date: '2020-08-13', issuer: 'UBND tỉnh Cà Mau', issuerEn: 'Cà Mau PC' },
        { number: '3555', symbol: 'UBND-KGVX', separator: '/', date: '2020-09-08', issuer: 'UBND tỉnh Cà Mau', issuerEn: 'Cà Mau PC', sameAs: '5355-ubnd-kgvx-2020' },
        { number: '1166', symbol: 'STTTT-CNTTBCVT', separator: '/', date: '2020-09-07', issuer: 'Sở TT&TT Cà Mau', issuerEn: 'Cà Mau DIC' },
      ],
    }),
    letter({
      slug: '5355-ubnd-kgvx-2020', number: '5355', symbol: 'UBND-KGVX', issuer: 'Ủy ban nhân dân tỉnh Cà Mau', level: 'province',
      place: 'Cà Mau', date: '2020-09-08', province: '96', urgency: ['HỎA TỐC'], signer, targets: [],
      deadlines: [{ date: '2020-09-12', task: 'Cán bộ cài đặt xong.', taskEn: 'Staff installed.' }],
      statistics: [
        { percent: 16.08, basis: 'not_stated', region: { scope: 'province', province: '96' }, date: '2020-09-07', rank: { position: 59, of: 63, among: 'provinces' } },
      ],
      cites: [
        { number: '4865', symbol: 'UBND-KGVX', separator: '/', date: '2020-08-13', issuer: 'UBND tỉnh Cà Mau', issuerEn: 'Cà Mau PC' },
        { number: '1166', symbol: 'STTTT-CNTTBCVT', separator: '/', date: '2020-09-07', issuer: 'Sở TT&TT Cà Mau', issuerEn: 'Cà Mau DIC' },
      ],
    }),
    letter({
      slug: 'stttt-bcvtcntt-tra-vinh-2020-08-13', number: null, symbol: 'STTTT-BCVTCNTT', issuer: 'Sở Thông tin và Truyền thông tỉnh Trà Vinh',
      level: 'department', place: 'Trà Vinh', date: '2020-08-13', province: '84', signer, deadlines: [], targets: [],
      statistics: [
        { percent: 5.06, percentQualifier: 'about', basis: 'population', region: { scope: 'province', province: '84' }, date: '2020-08-12', rank: { position: 62, of: 63, among: 'provinces' } },
      ],
      cites: [
        { number: '2841', symbol: 'BTTTT-THH', separator: '/', date: '2020-08-01', issuer: 'Bộ TT&TT', issuerEn: 'MIC' },
        { number: '3065', symbol: 'UBND-CNXD', separator: '/', date: '2020-08-04', issuer: 'UBND tỉnh Trà Vinh', issuerEn: 'Trà Vinh PC' },
      ],
    }),
    letter({
      slug: '588-tbtt-vhtt-2021', number: '588', symbol: 'TBTT-VHTT', issuer: 'Ban Chỉ đạo phòng chống dịch bệnh COVID-19 thành phố Cẩm Phả',
      level: 'district', place: 'Cẩm Phả', date: '2021-02-03', province: '22', district: '195', signer, cites: [], deadlines: [], targets: [],
      statistics: [
        {
          measure: 'registered_with_phone', percent: 37.86, count: 72014, denominator: 190232, basis: 'population',
          region: { scope: 'district', province: '22', district: '195' }, date: '2021-01-31', rank: { position: 2, of: null, among: 'districts' },
        },
      ],
    }),
  ];
  return letters.map(entry);
}

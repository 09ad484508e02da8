/**
 * Queries people type on a phone, each with the page that must come first (search.spec.ts; the
 * same in WebKit in webkit.spec.ts).
 */
export const searchCases: { query: string; top: RegExp; why: string }[] = [
  { query: 'cai dat bluetooth', top: /^\/huong-dan\/[a-z-]+\/$/, why: 'no marks, đ typed as d: a guide page' },
  { query: 'CH Play', top: /^\/huong-dan\/android\/$/, why: 'the name people use for Google Play' },
  { query: 'khẩu trang điện tử', top: /^\/(huong-dan\/|hoi-dap\/)?$/, why: 'popular name of Bluezone: home, guide or FAQ' },
  { query: 'bị cảnh báo', top: /^\/hoi-dap\/$/, why: 'exposure alert: the FAQ' },
  { query: 'bi canh bao', top: /^\/hoi-dap\/$/, why: 'the same without marks' },
  { query: '5355', top: /^\/van-ban\/5355-ubnd-kgvx-2020\/$/, why: 'a letter by its number' },
  { query: '1119/UBND', top: /^\/van-ban\/1119-ubnd-kgvx-2020\/$/, why: 'a letter by number and symbol' },
  { query: 'doan thanh nien', top: /^\/van-ban\//, why: 'Đoàn Thanh niên typed without đ: a directive' },
  { query: 'ca mau', top: /ca-mau/, why: 'a province name without marks' },
];

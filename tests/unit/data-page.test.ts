import { describe, expect, it } from 'vitest';
import { regionSummary, snapshotPages, sourceHref } from '../../src/components/data/data-page.ts';
import { LIST_PAGE_SIZE } from '../../src/routing/pagination.ts';
import { templatePath, snapshotJsonPath } from '../../src/routing/routes.ts';

describe('/du-lieu/ helpers', () => {
  it('links a source to its page, else to the letter in the library, else nowhere', () => {
    expect(sourceHref({ id: 'vietnamplus', name: 'VietnamPlus', url: 'https://en.vietnamplus.vn/x.vnp' }, 'vi')).toBe('https://en.vietnamplus.vn/x.vnp');
    expect(sourceHref({ id: '1119-ubnd-kgvx-2020', name: 'UBND', document: '1119-ubnd-kgvx-2020' }, 'vi')).toBe('/van-ban/1119-ubnd-kgvx-2020/');
    expect(sourceHref({ id: '1119-ubnd-kgvx-2020', name: 'UBND', document: '1119-ubnd-kgvx-2020' }, 'en')).toBe('/en/directives/1119-ubnd-kgvx-2020/');
    expect(sourceHref({ id: 'x', name: 'Báo cáo', reference: 'bao-cao.csv' }, 'vi')).toBeUndefined();
  });

  it('summarises the places of a snapshot, each once, in row order', () => {
    const row = (name: string) => ({ region: { code: '01', name, level: 'province' as const }, installs: 1 });
    expect(regionSummary([row('Cẩm Phả'), row('Cẩm Phả')], 'và {n} địa phương khác')).toBe('Cẩm Phả');
    expect(regionSummary(['A', 'B', 'C', 'D', 'E', 'F'].map(row), 'và {n} địa phương khác')).toBe('A, B, C, D và 2 địa phương khác');
  });

  it('serves data and the template at the documented addresses', () => {
    expect(snapshotJsonPath('2020-08-11-vietnamplus-180161')).toBe('/du-lieu/2020-08-11-vietnamplus-180161.json');
    expect(templatePath('vi')).toBe('/du-lieu/mau-bao-cao.csv');
    expect(templatePath('en')).toBe('/en/data/report-template.csv');
  });

  it('lists two years of daily snapshots 50 a page, newest first, each once', () => {
    const day = (i: number) => new Date(Date.UTC(2021, 6, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const entries = Array.from({ length: 730 }, (_, i) => ({ id: `${day(i)}-bao-cao`, data: { asOf: day(i) } }));
    const pages = snapshotPages(entries);
    expect(pages.map((page) => page.snapshots.length)).toEqual([...Array(14).fill(LIST_PAGE_SIZE), 30]);
    expect(pages.every((page, i) => page.current === i + 1 && page.count === 15)).toBe(true);
    const listed = pages.flatMap((page) => page.snapshots.map((entry) => entry.data.asOf));
    expect(listed).toEqual(entries.map((entry) => entry.data.asOf).reverse());
    expect(snapshotPages(entries.slice(0, 28))).toHaveLength(1);
  });
});

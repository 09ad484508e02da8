import { describe, expect, it } from 'vitest';
import { regionSummary, sourceHref } from '../../src/components/data/data-page.ts';
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
});

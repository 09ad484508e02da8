import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, isoDateInVietnam } from '../../src/lib/core/format.ts';
import { foldVietnamese, slugify, vietnameseCollator } from '../../src/lib/core/slug.ts';

describe('numbers as Vietnamese and English readers expect', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatNumber(145800, 'vi')).toBe('145.800');
    expect(formatNumber(145800, 'en')).toBe('145,800');
    expect(formatNumber(37_900_000, 'vi')).toBe('37.900.000');
  });
  it('writes percentages with a decimal comma and a no-break space before % in Vietnamese', () => {
    expect(formatPercent(16.08, 'vi')).toBe('16,08\u00a0%');
    expect(formatPercent(16.08, 'en')).toBe('16.08%');
    expect(formatPercent(13, 'vi')).toBe('13\u00a0%');
    // Decimals as the source printed them (44,70 %).
    expect(formatPercent(44.7, 'vi', 2, 2)).toBe('44,70\u00a0%');
  });
});

describe('dates in Vietnam', () => {
  it('shows ISO dates as d/m/yyyy (house style, no leading zeros) in Vietnamese and d Month yyyy in English', () => {
    expect(formatDate('2020-08-21', 'vi')).toBe('21/8/2020');
    expect(formatDate('2020-08-21', 'en')).toBe('21 August 2020');
  });
  it('takes the calendar day in Asia/Ho_Chi_Minh, not the machine zone', () => {
    // 20:00 UTC on 20 August is already 21 August in Vietnam.
    const instant = new Date('2020-08-20T20:00:00Z');
    expect(formatDate(instant, 'vi')).toBe('21/8/2020');
    expect(isoDateInVietnam(instant)).toBe('2020-08-21');
  });
  it('rejects a date that is not ISO', () => {
    expect(() => formatDate('21/8/2020', 'vi')).toThrow(/ISO/);
  });
});

describe('slugs and folding', () => {
  it('makes lowercase ASCII slugs with đ as d', () => {
    expect(slugify('Thành phố Hồ Chí Minh')).toBe('thanh-pho-ho-chi-minh');
    expect(slugify('Đắk Lắk')).toBe('dak-lak');
    expect(slugify('1119/UBND-KGVX 2020')).toBe('1119-ubnd-kgvx-2020');
  });
  it('folds marks and đ the way people type on a phone', () => {
    expect(foldVietnamese('Đoàn Thanh niên cài đặt điện thoại')).toBe('Doan Thanh nien cai dat dien thoai');
  });
  it('sorts names in Vietnamese dictionary order', () => {
    const names = ['Đà Nẵng', 'Yên Bái', 'Điện Biên', 'Đắk Lắk', 'Cà Mau', 'Dương'];
    expect([...names].sort(vietnameseCollator.compare)).toEqual(['Cà Mau', 'Dương', 'Đà Nẵng', 'Đắk Lắk', 'Điện Biên', 'Yên Bái']);
  });
});

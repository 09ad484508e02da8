import { describe, expect, it } from 'vitest';
import { nearestDeadline, radioScript, spokenCount, syllableCount, taskWithoutDate } from '../../src/lib/radio.ts';

const deadlines = [
  { date: '2020-09-19', task: 'UBND các xã hoàn thành tuyên truyền (trước ngày 19/9/2020).', numberSymbol: '5355/UBND-KGVX', issuer: 'Ủy ban nhân dân tỉnh Cà Mau' },
  { date: '2020-08-24', task: 'Sở Thông tin và Truyền thông báo cáo.', numberSymbol: '1119/UBND-KGVX', issuer: 'Ủy ban nhân dân tỉnh Kiên Giang' },
  { date: '2020-09-12', task: 'Các sở hoàn thành cài đặt.', numberSymbol: '5355/UBND-KGVX', issuer: 'Ủy ban nhân dân tỉnh Cà Mau' },
];

describe('radio announcement', () => {
  it('picks the soonest deadline ahead, or the latest one once all have passed', () => {
    expect(nearestDeadline(deadlines, '2020-08-20')?.date).toBe('2020-08-24');
    expect(nearestDeadline(deadlines, '2020-09-13')?.date).toBe('2020-09-19');
    expect(nearestDeadline(deadlines, '2026-11-23')?.date).toBe('2020-09-19');
    expect(nearestDeadline([], '2020-01-01')).toBeUndefined();
  });

  it('writes counts as they are read aloud, keeping the source’s "more than"', () => {
    expect(spokenCount(145_800, undefined)).toBe('145.800');
    expect(spokenCount(33_490_000, undefined)).toBe('33,49 triệu');
    expect(spokenCount(38_000_000, 'more_than')).toBe('hơn 38 triệu');
    expect(spokenCount(1_851_827, undefined)).toBe('1.851.827');
    expect(spokenCount(72_014, 'about')).toBe('khoảng 72.014');
  });

  it('reads the date once, as dd/mm/yyyy', () => {
    expect(taskWithoutDate('UBND các xã hoàn thành tuyên truyền (trước ngày 19/9/2020).')).toBe('UBND các xã hoàn thành tuyên truyền');
    const text = radioScript({
      figure: { value: 38_000_000, qualifier: 'more_than', asOf: '2021-06-26', sourceName: 'Báo Người Lao Động' },
      deadline: deadlines[0],
      today: '2026-11-23',
      host: 'bluezone.example',
    }).join('\n');
    expect(text).toContain('Tính đến ngày 26/06/2021, cả nước có hơn 38 triệu lượt tải Bluezone, theo Báo Người Lao Động.');
    expect(text).toContain('Thời hạn gần đây nhất là ngày 19/09/2020, theo Công văn số 5355/UBND-KGVX của Ủy ban nhân dân tỉnh Cà Mau: UBND các xã hoàn thành tuyên truyền.');
    expect(text).not.toContain('19/9/2020');
    expect(text).toContain('bluezone.example');
  });

  it('lasts about one minute and says nothing it has no data for', () => {
    const full = radioScript({ figure: { value: 145_800, qualifier: 'about', asOf: '2020-08-16', sourceName: 'X' }, deadline: deadlines[1], today: '2020-08-20', host: 'h' });
    expect(syllableCount(full)).toBeGreaterThan(140);
    expect(syllableCount(full)).toBeLessThan(230);
    const bare = radioScript({ figure: undefined, deadline: undefined, today: '2020-08-20', host: 'h' }).join(' ');
    expect(bare).not.toMatch(/lượt tải|Thời hạn/);
    expect(full.join(' ')).toContain('Thời hạn sắp tới là ngày 24/08/2020');
  });
});

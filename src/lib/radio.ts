import { formatDate, formatNumber } from './format.ts';

/**
 * The loudspeaker announcement (`/phat-thanh/`): a Vietnamese text of about one minute that a
 * commune announcer reads at the start and end of each broadcast, as the letters ask. Written
 * from data at every build: the latest national download figure (from the statistics snapshots)
 * and the nearest deadline (from the directives). Numbers and dates are written the way they are
 * read aloud correctly: `145.800`, `33,49 triệu`, `19/09/2020`. Pure: the page gathers the data.
 */

/** The latest national figure, as published. */
export interface RadioFigure {
  /** Downloads counted. */
  value: number;
  /** How the source worded it: "hơn" (more than), "khoảng" (about), "dưới" (less than). */
  qualifier: 'about' | 'more_than' | 'less_than' | undefined;
  /** ISO date the figure is "as of". */
  asOf: string;
  /** Who published it, named on air. */
  sourceName: string;
}

/** A deadline set by a letter in the library. */
export interface RadioDeadline {
  /** ISO due date. */
  date: string;
  /** What is due, in Vietnamese, as the letter words it. */
  task: string;
  /** `5355/UBND-KGVX`. */
  numberSymbol: string;
  /** `Ủy ban nhân dân tỉnh Cà Mau`. */
  issuer: string;
}

/**
 * The deadline to announce on `today` (ISO): the soonest one still ahead, or, when all have
 * passed (the campaign ended in 2021), the most recent one, so the text never names an old
 * deadline while a newer one exists.
 */
export function nearestDeadline<D extends { date: string }>(deadlines: readonly D[], today: string): D | undefined {
  const sorted = [...deadlines].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.find((deadline) => deadline.date >= today) ?? sorted.at(-1);
}

const qualifierWords = { about: 'khoảng ', more_than: 'hơn ', less_than: 'dưới ' } as const;

/**
 * A count as an announcer reads it: millions as `33,49 triệu` when that is exact, otherwise the
 * full number with Vietnamese thousands dots (`145.800`); the source's "more than"/"about" kept.
 */
export function spokenCount(value: number, qualifier: RadioFigure['qualifier']): string {
  const words = qualifier ? qualifierWords[qualifier] : '';
  if (value >= 1_000_000 && value % 10_000 === 0) return `${words}${formatNumber(value / 1_000_000, 'vi', 2)} triệu`;
  return `${words}${formatNumber(value, 'vi')}`;
}

/** What the script needs. */
export interface RadioInput {
  figure: RadioFigure | undefined;
  deadline: RadioDeadline | undefined;
  /** ISO date the text is for (the build date). */
  today: string;
  /** The site's host name, read on air as where to find the guide (`bluezone.example`). */
  host: string;
}

/** The announcement, one string per paragraph (one breath group each). */
export function radioScript({ figure, deadline, today, host }: RadioInput): string[] {
  const paragraphs = [
    'Thưa toàn thể bà con!',
    'Để cùng phòng, chống dịch COVID-19, mỗi người có điện thoại thông minh hãy cài đặt ứng dụng Bluezone, còn gọi là “khẩu trang điện tử”. Bluezone báo cho bạn biết nếu đã tiếp xúc gần người nhiễm COVID-19, để kịp thời cách ly và xét nghiệm. Ứng dụng miễn phí và không ghi lại bạn ở đâu.',
  ];
  if (figure) {
    paragraphs.push(
      `Tính đến ngày ${formatDate(figure.asOf, 'vi')}, cả nước có ${spokenCount(figure.value, figure.qualifier)} lượt tải Bluezone, theo ${figure.sourceName}. Càng nhiều người cài đặt, hiệu quả bảo vệ càng cao.`,
    );
  }
  if (deadline) {
    const when = deadline.date >= today ? 'Thời hạn sắp tới' : 'Thời hạn gần đây nhất';
    paragraphs.push(
      `${when} là ngày ${formatDate(deadline.date, 'vi')}, theo Công văn số ${deadline.numberSymbol} của ${deadline.issuer}: ${taskWithoutDate(deadline.task)}.`,
    );
  }
  paragraphs.push(
    'Cách cài đặt: trên điện thoại Android, mở CH Play; trên iPhone, mở App Store. Tìm chữ Bluezone, bấm Cài đặt, mở ứng dụng, cho phép Bluetooth và luôn bật Bluetooth.',
    `Nếu cần giúp, bà con hãy hỏi tổ tình nguyện, Đoàn Thanh niên hoặc cán bộ khu phố, ấp. Hướng dẫn chi tiết có trên trang ${host}, mục Hướng dẫn.`,
    'Hãy cài đặt Bluezone cho mình và cho người thân. Xin cảm ơn bà con!',
  );
  return paragraphs;
}

/** The task without the letter's own "(trước ngày 19/9/2020)" and final stop: the date is read once, in full. */
export function taskWithoutDate(task: string): string {
  return task.replace(/\s*\((trước|đến hết|hết) ngày[^)]*\)/u, '').replace(/[.;\s]+$/u, '');
}

/** Syllables (space-separated words) of the script: Vietnamese is read at about 160–200 a minute. */
export function syllableCount(paragraphs: readonly string[]): number {
  return paragraphs.join(' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

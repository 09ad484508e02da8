import type { Directive } from '../../content/directive.ts';
import { numberSymbol } from '../directives/library.ts';
import { formatDate } from '../core/format.ts';
import type { Figure } from '../stats/figures.ts';
import { figureBasisOfTarget, latestCount, latestStatedRate } from '../stats/model.ts';
import { figureSentence } from '../stats/summaries.ts';
import { t } from '../../i18n/index.ts';
import { campaign } from '../../content/campaign.ts';

const app = campaign.app.name;

/**
 * The loudspeaker announcements (`/phat-thanh/` for the country, `/phat-thanh/<tỉnh>/` for each
 * province with figures or letters): a Vietnamese text of about one minute for commune
 * loudspeakers, written from data at every build. Each place's text reads only that place's own
 * latest figure (a rate on a stated basis, else a count), its own target and deadline, and names
 * the letter that set them. Figures keep their qualifier and published rounding ("hơn 38 triệu").
 */

/** A letter as it is named on air: "Công văn số 5355/UBND-KGVX ngày 9/9/2020 của Ủy ban nhân dân tỉnh Cà Mau". */
export function letterOnAir(letter: Pick<Directive, 'number' | 'symbol' | 'separator' | 'date' | 'issuer'>): string {
  const number = letter.number === null ? 'Công văn' : `Công văn số ${numberSymbol(letter)}`;
  return `${number} ngày ${formatDate(letter.date, 'vi')} của ${letter.issuer}`;
}

/** What a place's announcement says, gathered from the figure model and the letters. */
export interface RadioFacts {
  /** `null` for the country; otherwise the place as named on air ("tỉnh Kiên Giang"). */
  place: { code: string; name: string } | null;
  figure: Figure | undefined;
  targets: { target: Directive['targets'][number]; letter: Directive }[];
  deadline: { date: string; task: string; letter: Directive } | undefined;
}

/**
 * The deadline to announce on `today` (ISO): the soonest one still ahead, or, when all have
 * passed (the campaign ended in 2021), the most recent one.
 */
export function nearestDeadline<D extends { date: string }>(deadlines: readonly D[], today: string): D | undefined {
  const sorted = [...deadlines].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.find((deadline) => deadline.date >= today) ?? sorted.at(-1);
}

/**
 * The facts of one place's text: its latest download rate on a stated basis (else its latest
 * count), the targets letters set for it and the nearest deadline of the letters issued for it.
 * The country's text reads the national count and only targets and deadlines set for the whole
 * country (none of a province's).
 */
export function radioFacts(place: RadioFacts['place'], figures: readonly Figure[], letters: readonly Directive[], today: string): RadioFacts {
  const code = place?.code ?? 'VN';
  const figure = place ? (latestStatedRate(figures, code) ?? latestCount(figures, code)) : latestCount(figures, 'VN');
  const appliesHere = (region: Directive['targets'][number]['region']) => (place ? region.scope === 'province' && region.province === code : region.scope === 'national');
  // Targets for everybody with a smartphone (not an organisation's staff), each once: a letter
  // restating a target an earlier letter set (901 restating 1119) is not read as a second one.
  const seen = new Set<string>();
  const targets = [...letters]
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((letter) => letter.targets.filter((target) => appliesHere(target.region) && figureBasisOfTarget(target.basis) !== null).map((target) => ({ target, letter })))
    .filter(({ target }) => {
      const key = `${target.percent}|${target.basis}|${target.deadline}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // A province's deadlines come from its provincial letters (a district's letter binds only that
  // district); no letter in the library sets a national deadline.
  const own = place ? letters.filter((letter) => letter.province === code && letter.district === undefined) : [];
  const deadline = nearestDeadline(own.flatMap((letter) => letter.deadlines.map((d) => ({ date: d.date, task: d.task, letter }))), today);
  return { place, figure, targets, deadline };
}

/** The task without the letter's own "(trước ngày 19/9/2020)" and final stop: the date is read once. */
export function taskWithoutDate(task: string): string {
  return task.replace(/\s*\((trước|đến hết|hết) ngày[^)]*\)/u, '').replace(/[.;\s]+$/u, '');
}

/** The figure as every summary reads it (`summaries.ts`), with its source named on air. */
function figureOnAir({ figure }: RadioFacts): string | undefined {
  return figure ? `${figureSentence(figure, 'vi').replace(/\.$/u, '')}, theo ${figure.source.name}.` : undefined;
}

function targetSentence({ target, letter }: RadioFacts['targets'][number]): string {
  const comparator = target.comparator === 'at-least' ? 'tối thiểu ' : '';
  const basis = t('vi', `directives.target.basis.${target.basis}`);
  const deadline = target.deadline ? `, hạn ngày ${formatDate(target.deadline, 'vi')}` : '';
  const setBy = target.setBy ? ` ${target.setBy},` : '';
  return `Chỉ tiêu: ${comparator}${target.percent}\u00a0% ${basis} cài đặt ${app}${deadline},${setBy} nêu trong ${letterOnAir(letter)}.`;
}

/** The announcement, one string per paragraph (one breath group each). `host` is read only when known. */
export function radioScript(facts: RadioFacts, today: string, host: string | undefined): string[] {
  const paragraphs = [
    'Thưa toàn thể bà con!',
    `Để cùng phòng, chống dịch COVID-19, mỗi người có điện thoại thông minh hãy cài ứng dụng ${app}. Nếu bạn từng ở gần một người cũng dùng ${app} mà sau đó nhiễm COVID-19, ứng dụng có thể báo để bạn liên hệ y tế. Ứng dụng miễn phí, không ghi lại bạn ở đâu.`,
  ];
  const figure = figureOnAir(facts);
  if (figure) paragraphs.push(figure);
  for (const target of facts.targets) paragraphs.push(targetSentence(target));
  if (facts.deadline) {
    const when = facts.deadline.date >= today ? 'Thời hạn sắp tới' : 'Thời hạn gần đây nhất';
    paragraphs.push(`${when} là ngày ${formatDate(facts.deadline.date, 'vi')}, theo ${letterOnAir(facts.deadline.letter)}: ${taskWithoutDate(facts.deadline.task)}.`);
  }
  paragraphs.push(
    `Cách cài: máy Android mở CH Play, iPhone mở App Store, tìm ${app}, cài rồi mở ứng dụng. Khi được hỏi, cho phép Bluetooth và thông báo; trên Android từ phiên bản 6 đến 11, cho phép cả vị trí và bật Vị trí, vì máy cần vị trí để dò Bluetooth. Luôn bật Bluetooth.`,
    host
      ? `Cần giúp, xin hỏi tổ tình nguyện, Đoàn Thanh niên hoặc cán bộ thôn, ấp, khu phố. Hướng dẫn chi tiết có trên trang ${host}, mục Hướng dẫn.`
      : 'Cần giúp, xin hỏi tổ tình nguyện, Đoàn Thanh niên hoặc cán bộ thôn, ấp, khu phố.',
    `Hãy cài đặt ${app} cho mình và cho người thân. Xin cảm ơn bà con!`,
  );
  return paragraphs;
}

/** Minutes an announcer needs, to the half minute (Vietnamese is read at about 180 syllables a minute). */
export function readingMinutes(paragraphs: readonly string[]): number {
  return Math.max(0.5, Math.round((syllableCount(paragraphs) / 180) * 2) / 2);
}

/** Syllables (space-separated words) of the script: Vietnamese is read at about 160–200 a minute. */
export function syllableCount(paragraphs: readonly string[]): number {
  return paragraphs.join(' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

import { type Lang, t } from '../../i18n/index.ts';
import { fill } from './chart-text.ts';
import { formatDate, formatNumber } from '../core/format.ts';
import type { Figure } from './figures.ts';
import { CHANGE_WINDOW_DAYS, COMPARISON_WINDOW_DAYS, comparable, comparableGroups, isDrawable, seriesOf } from './model.ts';
import { figureWords, rateName, valueWords } from './words.ts';

/**
 * Summaries a newsreader can read aloud: whole sentences ("Đến ngày 19/6/2021, cả nước có
 * 37,9 triệu lượt tải Bluezone, …"), the same text on the page, as alt text of chart images, in
 * the JSON feed and on the radio. Every comparison obeys `model.ts`: same kind, measure, basis and
 * counting method, places at most `COMPARISON_WINDOW_DAYS` apart, a place's change over time at
 * most `CHANGE_WINDOW_DAYS`; otherwise each figure is read with its own date. A difference of two rounded figures is itself "khoảng"; a difference with a bound
 * ("hơn", "dưới") is never computed.
 */

type Numbered = Figure & { value: number };

/** "cả nước" / "the whole country", or the place's own name (kept Vietnamese in English). */
export function placeWords(place: Pick<Figure['place'], 'code' | 'name'>, lang: Lang): string {
  return place.code === 'VN' ? t(lang, 'summary.country') : place.name;
}

/** True when a figure is the number as printed, in full: only then is a difference exact. */
const isExact = (f: Figure) => f.qualifier === 'exact' && f.kind === 'count' && f.printedIn === 'units';

/** Decimals a number shows (`37.9` → 1), at most `max`. */
function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d += 1) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
  return max;
}

/**
 * The change from `before` to `after` in words ("tăng khoảng 7,35 triệu", "giảm 0,4 điểm phần
 * trăm"), or null when no difference may be stated: not comparable, or either figure a bound.
 */
export function changeWords(before: Figure, after: Figure, lang: Lang): string | null {
  if (before.value === null || after.value === null || before.method !== after.method || before.place.code !== after.place.code) return null;
  if (!comparable(before, after, CHANGE_WINDOW_DAYS)) return null;
  if ([before, after].some((f) => f.qualifier === 'more_than' || f.qualifier === 'less_than')) return null;
  const diff = after.value - before.value;
  if (diff === 0) return t(lang, 'summary.change.same');
  const about = isExact(before) && isExact(after) ? '' : `${t(lang, 'chart.qualifier.about')} `;
  let amount: string;
  if (after.kind === 'rate') {
    const decimals = Math.max(before.decimals ?? decimalsOf(before.value, 2), after.decimals ?? decimalsOf(after.value, 2));
    amount = fill(t(lang, 'summary.change.points'), { n: formatNumber(Math.abs(diff), lang, decimals) });
  } else if (before.printedIn === 'millions' || after.printedIn === 'millions') {
    const decimals = Math.max(decimalsOf(before.value / 1e6, 3), decimalsOf(after.value / 1e6, 3));
    amount = fill(t(lang, 'chart.axis.millions'), { n: formatNumber(Math.abs(diff) / 1e6, lang, decimals) });
  } else {
    amount = formatNumber(Math.abs(diff), lang);
  }
  return fill(t(lang, diff > 0 ? 'summary.change.up' : 'summary.change.down'), { amount: `${about}${amount}`, date: formatDate(before.date, lang) });
}

/** "xếp thứ 59/63" / "rank 59 of 63"; empty without a published rank. */
function rankWords(figure: Figure, lang: Lang): string {
  if (figure.rank === null) return '';
  return figure.rankOf === null
    ? fill(t(lang, 'summary.rankOnly'), { rank: String(figure.rank) })
    : fill(t(lang, 'summary.rank'), { rank: String(figure.rank), of: String(figure.rankOf) });
}

/**
 * One figure as a sentence, with its date and place, its published rank, and the change since
 * `before` when the model allows one; otherwise `before` is read with its own date.
 * "Đến ngày 7/9/2020, tỷ lệ tải Bluezone của Cà Mau là 16,08 % (cơ sở tính chưa rõ), xếp thứ 59/63."
 */
export function figureSentence(figure: Figure, lang: Lang, before?: Figure): string {
  const values = { date: formatDate(figure.date, lang), place: placeWords(figure.place, lang) };
  const main =
    figure.kind === 'count'
      ? fill(t(lang, `summary.count.${figure.measure}`), { ...values, value: valueWords(figure, lang) })
      : fill(t(lang, 'summary.rate'), { ...values, figure: figureWords(figure, lang) });
  const clauses = [main, rankWords(figure, lang)];
  const change = before ? changeWords(before, figure, lang) : null;
  if (change) clauses.push(change);
  const sentence = `${clauses.filter(Boolean).join(', ')}.`;
  if (!before || change) return sentence;
  return `${sentence} ${fill(t(lang, 'summary.before'), { date: formatDate(before.date, lang), figure: figureWords(before, lang) })}`;
}

/** The newest figure of a series, read with the one before it in the same counting method. */
export function seriesSentence(figures: readonly Numbered[], lang: Lang): string {
  const latest = figures.at(-1)!;
  const before = figures.filter((f) => f.method === latest.method && f !== latest && f.date <= latest.date).at(-1);
  return figureSentence(latest, lang, before);
}

/** A place's page: its newest count, then its newest rate on each basis, each with its own date. */
export function placeSummary(figures: readonly Figure[], lang: Lang): string {
  const series = seriesOf(figures).sort((a, b) => Number(a.kind === 'rate') - Number(b.kind === 'rate') || b.figures.at(-1)!.date.localeCompare(a.figures.at(-1)!.date));
  return series.map((s) => seriesSentence(s.figures, lang)).join(' ');
}

/** A figure named by its place, its basis already said: "Trà Vinh với khoảng 5,06 %". */
const named = (f: Figure, lang: Lang) => fill(t(lang, 'summary.places.named'), { place: placeWords(f.place, lang), value: valueWords(f, lang) });

/**
 * Many places' rates on one stated basis (a bar chart, a map): how many, and "highest/lowest" only among
 * the newest group of comparable figures; every other figure with its own date. A bound
 * ("dưới 8 %") is never called the lowest, and no figure is called lowest while a bound is there.
 */
export function placesSummary(figures: readonly Figure[], places: string, lang: Lang): string {
  if (figures.length === 0) return '';
  const what = fill(t(lang, 'summary.places.rate'), { rate: rateName(figures[0]!.measure, figures[0]!.basis ?? 'not_stated', lang) });
  const dates = figures.map((f) => f.date).sort();
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const head =
    from === to
      ? fill(t(lang, 'summary.places.oneDate'), { date: formatDate(to, lang), count: String(figures.length), places, what })
      : fill(t(lang, 'summary.places.span'), { from: formatDate(from, lang), to: formatDate(to, lang), count: String(figures.length), places, what });
  const sentences = [head];
  const group = comparableGroups(figures.filter(isDrawable)).at(-1) ?? [];
  if (group.length > 1) {
    const sorted = [...group].sort((a, b) => b.value! - a.value!);
    const until = formatDate(group.map((f) => f.date).sort().at(-1)!, lang);
    const bounded = figures.some((f) => f.qualifier === 'less_than' && comparable(f, group[0]!));
    sentences.push(
      fill(t(lang, bounded ? 'summary.places.highest' : 'summary.places.highestLowest'), {
        days: String(COMPARISON_WINDOW_DAYS),
        date: until,
        highest: named(sorted[0]!, lang),
        lowest: named(sorted.at(-1)!, lang),
      }),
    );
  }
  const others = figures.filter((f) => group.length < 2 || !group.includes(f as Numbered));
  if (others.length > 0) {
    sentences.push(fill(t(lang, 'summary.places.ownDates'), { figures: others.map((f) => fill(t(lang, 'summary.places.own'), { place: placeWords(f.place, lang), value: valueWords(f, lang), date: formatDate(f.date, lang) })).join('; ') }));
  }
  return sentences.join(' ');
}

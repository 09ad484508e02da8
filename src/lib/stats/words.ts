import { type Lang, t } from '../../i18n/index.ts';
import type { Measure, RateBasis } from '../../content/snapshot.ts';
import { fill, wordValue, type ChartWords } from './chart-text.ts';
import type { Figure, FigureKind } from './figures.ts';

/**
 * Figures in words, the same everywhere they are printed or spoken: the value with its qualifier
 * and published rounding ("khoảng 145.800", "hơn 38 triệu", "2,8 triệu", "16,08 %"), and one
 * name per basis and language (`chart.basis.*`), on charts, letter pages, tables and downloads.
 */

/** The one name of a basis: "% dân số", "% số máy điện thoại thông minh", "cơ sở tính chưa rõ". */
export function basisName(basis: RateBasis, lang: Lang): string {
  return t(lang, `chart.basis.${basis}`);
}

/** "lượt tải", "tài khoản có số điện thoại", "tài khoản đang hoạt động". */
export function measureName(measure: Measure, lang: Lang): string {
  return t(lang, `chart.measure.${measure}`);
}

/** A rate's full name: its basis, and what was counted when it is not downloads. */
export function rateName(measure: Measure, basis: RateBasis, lang: Lang): string {
  return measure === 'downloads' ? basisName(basis, lang) : `${measureName(measure, lang)}, ${basisName(basis, lang)}`;
}

/** What a figure is, in words: a count's measure, or a rate's full name. */
export function whatName(figure: Pick<Figure, 'kind' | 'measure' | 'basis'>, lang: Lang): string {
  return figure.kind === 'rate' ? rateName(figure.measure, figure.basis ?? 'not_stated', lang) : measureName(figure.measure, lang);
}

/** The words a chart drawing needs, in one language; `valueAxis` names what the value axis measures. */
export function chartWords(lang: Lang, valueAxis: string): ChartWords {
  return {
    valueAxis,
    millions: t(lang, 'chart.axis.millions'),
    qualifier: { more_than: t(lang, 'chart.qualifier.more_than'), about: t(lang, 'chart.qualifier.about'), less_than: t(lang, 'chart.qualifier.less_than') },
    rank: t(lang, 'summary.rank'),
  };
}

const unitOf = (kind: FigureKind) => (kind === 'rate' ? 'percent' : 'count');

/** The value alone, as published: "khoảng 145.800", "2,8 triệu", "dưới 8 %". Empty for a standing without a number. */
export function valueWords(figure: Pick<Figure, 'value' | 'kind' | 'qualifier' | 'printedIn' | 'decimals'>, lang: Lang): string {
  if (figure.value === null) return '';
  return wordValue({ ...figure, value: figure.value }, unitOf(figure.kind), lang, chartWords(lang, ''));
}

/**
 * The value with what it counts: "khoảng 145.800 lượt tải", "5,06 % dân số",
 * "16,08 % (cơ sở tính chưa rõ)", "37,86 % dân số (tài khoản có số điện thoại)", "49.26% of smartphones
 * (devices or subscriptions, as the source counts them; accounts with a phone number)". A rate always
 * carries its basis; `withMeasure: false` leaves out a rate's measure when the sentence names it.
 */
export function figureWords(figure: Pick<Figure, 'value' | 'kind' | 'measure' | 'basis' | 'qualifier' | 'printedIn' | 'decimals'>, lang: Lang, withMeasure = true): string {
  const value = valueWords(figure, lang);
  if (figure.kind === 'count') return `${value} ${measureName(figure.measure, lang)}`;
  const basis = figure.basis ?? 'not_stated';
  const measure = withMeasure && figure.measure !== 'downloads' ? measureName(figure.measure, lang) : '';
  if (basis === 'not_stated') {
    const note = [measure, basisName(basis, lang)].filter(Boolean).join(', ');
    return value ? `${value} (${note})` : note;
  }
  // "16,08 %" + "% dân số" → "16,08 % dân số"; "16.08%" + "% of population" → "16.08% of population".
  const rate = value ? `${value.replace(/\s?%$/u, '')}${lang === 'vi' ? '\u00a0' : ''}${basisName(basis, lang)}` : basisName(basis, lang);
  if (!measure) return rate;
  // A basis that ends in its own note ("% of smartphones (devices or subscriptions, …)") takes the
  // measure inside it: one parenthesis, not two in a row.
  return rate.endsWith(')') ? `${rate.slice(0, -1)}; ${measure})` : `${rate} (${measure})`;
}

/** A published standing: "59/63", "9", "trong nhóm 5 thấp nhất"; empty when none. */
export function standingWords(figure: Pick<Figure, 'rank' | 'rankOf' | 'group'>, lang: Lang): string {
  if (figure.rank !== null) return figure.rankOf !== null ? `${figure.rank}/${figure.rankOf}` : String(figure.rank);
  if (figure.group) return fill(t(lang, `chart.group.${figure.group.kind}`), { size: String(figure.group.size) });
  return '';
}

/** A target's value: "60 %", "50 triệu" (targets are stated as round numbers, in millions when counts). */
export function targetWords(value: number, unit: 'percent' | 'count', lang: Lang): string {
  const printedIn = unit === 'count' && value >= 1_000_000 && value % 100_000 === 0 ? 'millions' : 'units';
  return valueWords({ value, kind: unit === 'percent' ? 'rate' : 'count', qualifier: 'exact', printedIn, decimals: null }, lang);
}

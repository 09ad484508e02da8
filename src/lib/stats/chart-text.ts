import type { Lang } from '../../i18n/index.ts';
import type { FigureQualifier, PrintedIn } from './figures.ts';
import { formatNumber, formatPercent } from '../core/format.ts';

/**
 * Wording helpers shared by the figure words (build) and the Chart.js configuration (build AND
 * browser). No UI dictionary is imported here: the words a chart needs travel inside its spec
 * (`ChartWords`), so the browser bundle stays small.
 */

/**
 * Where a line of drawn text may break: any white space except the no-break spaces that hold a
 * number to its unit ("50\u00a0%", "145.800\u00a0lượt"), and never after a number standing alone
 * ("11 August 2020", "và 12 nguồn khác", "(18 April 2020)"), so a wrapped line never ends in a
 * bare number; nor beside a unit sign standing alone for a basis ("tỉnh: % dân số"), which went
 * to the end of a line, away from the words it belongs to ("… by province: %" / "of population").
 */
export const BREAKABLE_SPACE = /(?<!(?:^|\s)(?:[%‰]|\(?\d[\d.,]*))[^\S\u00a0\u202f]+(?![%‰](?:\s|$))/u;

/** The few words the configuration draws, in one language. */
export interface ChartWords {
  /** Title of the value axis ("% dân số", "Số lượng"). */
  valueAxis: string;
  /** A count printed in millions: "{n} triệu". */
  millions: string;
  /** Words before a qualified value: "hơn", "khoảng", "dưới". */
  qualifier: Record<Exclude<FigureQualifier, 'exact'>, string>;
  /** "xếp thứ {rank}/{of}". */
  rank: string;
}

/** Fills `{name}` placeholders of a template. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A value with how it was published: qualifier and rounding. */
export interface PublishedValue {
  value: number;
  qualifier: FigureQualifier;
  printedIn: PrintedIn;
  /** Decimals printed for a rate; null = as the value needs (at most 2). */
  decimals: number | null;
}

/**
 * A value as published and as read aloud: `16,08 %`, `hơn 38 triệu`, `khoảng 145.800`,
 * `2,8 triệu`. The qualifier is never dropped and a rounded count never printed in full.
 */
export function wordValue(figure: PublishedValue, unit: 'percent' | 'count', lang: Lang, words: ChartWords): string {
  const number =
    unit === 'percent'
      ? formatPercent(figure.value, lang, figure.decimals ?? 2, figure.decimals ?? 0)
      : figure.printedIn === 'millions'
        ? fill(words.millions, { n: formatNumber(figure.value / 1_000_000, lang, 3) })
        : formatNumber(figure.value, lang);
  return figure.qualifier === 'exact' ? number : `${words.qualifier[figure.qualifier]} ${number}`;
}

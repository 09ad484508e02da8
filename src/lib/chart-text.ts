import type { Lang } from '../i18n/index.ts';
import { formatNumber, formatPercent } from './format.ts';

/**
 * Wording helpers shared by the chart spec (build) and the Chart.js configuration (build AND
 * browser). No UI dictionary is imported here: the words a chart needs travel inside its spec
 * (`ChartWords`), so the browser bundle stays small.
 */

/** The few words the configuration draws, in one language. */
export interface ChartWords {
  /** Title of the value axis ("% dân số", "Số lượng"). */
  valueAxis: string;
  /** Axis tick for millions: "{n} triệu". */
  millions: string;
  /** "hơn" / "more than" before a lower bound. */
  moreThan: string;
  /** "khoảng" / "about" before an approximate figure. */
  about: string;
  /** "xếp thứ {rank}/{of}". */
  rank: string;
}

/** Fills `{name}` placeholders of a template. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A value as read aloud: `16,08%`, `hơn 20.000.000`, `khoảng 145.800`. */
export function wordValue(value: number, unit: 'percent' | 'count', qualifier: 'about' | 'more_than' | null, lang: Lang, words: ChartWords): string {
  const number = unit === 'percent' ? formatPercent(value, lang) : formatNumber(value, lang);
  if (qualifier === 'more_than') return `${words.moreThan} ${number}`;
  if (qualifier === 'about') return `${words.about} ${number}`;
  return number;
}

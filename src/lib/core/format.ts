import type { Lang } from '../../i18n/index.ts';

/** Every date on the site is a Vietnamese calendar date, whatever the build machine's zone. */
export const SITE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * Intl formatters are costly to create (a chart build formats hundreds of thousands of numbers
 * and dates), so each set of options gets one, reused.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** `145.800` in Vietnamese, `145,800` in English. */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 0): string {
  return numberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits }).format(value);
}

/**
 * A percentage given in percent units: `16,08 %` in Vietnamese (a no-break space before the sign,
 * as Vietnamese typography sets it), `16.08%` in English.
 */
export function formatPercent(percent: number, lang: Lang, fractionDigits = 2, minimumFractionDigits = 0): string {
  const number = numberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    minimumFractionDigits,
    maximumFractionDigits: Math.max(fractionDigits, minimumFractionDigits),
  }).format(percent);
  return lang === 'vi' ? `${number}\u00a0%` : `${number}%`;
}

/** Parses an ISO calendar date `yyyy-mm-dd` as noon in Vietnam, so no zone shifts the day. */
export function parseIsoDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date (yyyy-mm-dd): ${isoDate}`);
  return new Date(`${isoDate}T12:00:00+07:00`);
}

/**
 * A date as readers expect it: `21/8/2020` in Vietnamese (no leading zeros, the house style),
 * `21 August 2020` in English. Accepts an ISO date string or a Date (shown in Vietnam's zone).
 */
export function formatDate(date: string | Date, lang: Lang): string {
  if (typeof date !== 'string') return formatDateValue(date, lang);
  // A letter's page prints a dozen dates, and a zoned Intl format costs ~10 µs each: at 10.000
  // letters a few hundred distinct days are formatted hundreds of thousands of times.
  const key = `${lang} ${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) formattedDates.set(key, (text = formatDateValue(parseIsoDate(date), lang)));
  return text;
}
const formattedDates = new Map<string, string>();

function formatDateValue(value: Date, lang: Lang): string {
  return lang === 'vi'
    ? dateFormat('vi-VN', { timeZone: SITE_TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' }).format(value)
    : dateFormat(locales.en, { timeZone: SITE_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(value);
}

/** The ISO calendar date of an instant, in Vietnam. */
export function isoDateInVietnam(instant: Date): string {
  return dateFormat('en-CA', { timeZone: SITE_TIME_ZONE }).format(instant);
}

import { escape } from 'html-escaper';

/**
 * The one place strings from content and data are made safe for the output they land in. Astro
 * escapes `{…}` in templates itself; these are for text the site writes by hand: HTML and SVG
 * strings, CSV cells, and content strings as they are loaded.
 */

/**
 * Text or a double-quoted attribute value in HTML, SVG or any XML: `& < > " '` as entities
 * (html-escaper, the escaper Astro itself uses).
 */
export const escapeMarkup: (text: string) => string = escape;

/**
 * A CSV cell. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the
 * start: "CSV injection") gets a leading `'`, which spreadsheets show as text and hide; quotes,
 * commas and line breaks are quoted. Numbers are written plainly (`16.08`, machine-readable).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Control characters (C0 except tab and line breaks, DEL, C1) and the invisible bidirectional
 * marks, embeddings, overrides and isolates: they can reorder what a reader sees ("Trojan source"
 * text, a figure shown backwards) and some make XML (RSS, SVG, sitemap) unreadable. Vietnamese and
 * English never need them.
 */
const hiddenControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without hidden control and bidi characters. */
export function stripControls(text: string): string {
  return text.replace(hiddenControls, '');
}

/** Every string inside `value` (objects, arrays) without hidden control and bidi characters; run on content as it is loaded. */
export function stripControlsDeep(value: unknown): unknown {
  if (typeof value === 'string') return stripControls(value);
  if (Array.isArray(value)) return value.map(stripControlsDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stripControlsDeep(item)]));
  }
  return value;
}

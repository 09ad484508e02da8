/**
 * Vietnamese search as people type on a phone. Pagefind (≥ 1.5) folds tone and vowel marks
 * ("cai" finds "cài") but treats `đ` as a letter of its own, so "dat" would never find "đặt".
 * At index time every word holding `đ`/`Đ` gets a folded twin right after it ("đặt dat"),
 * in the copy handed to Pagefind only (the published HTML is untouched, so no page grows).
 * In the browser, `cleanExcerpt` removes the twins again and moves their highlight to the word.
 */
import { escapeMarkup } from '../core/escape.ts';
import { foldVietnamese } from '../core/slug.ts';

/** A word: letters, marks, digits. */
const word = /[\p{L}\p{M}\p{N}]+/gu;
const hasD = /[đĐ]/;

/**
 * `Cài đặt qua Đoàn` → `Cài đặt dat qua Đoàn Doan`: each đ-word followed by its folded twin.
 * Whole words are matched, then tested for `đ` (a pattern `[…]*[đĐ][…]*` backtracks through every
 * word: 0,9 s of a build at 1.000 letters); text without `đ` is returned as it is.
 */
export function addFoldedTwins(text: string): string {
  if (!hasD.test(text)) return text;
  return text.replace(word, (found) => (hasD.test(found) ? `${found} ${foldVietnamese(found)}` : found));
}

/**
 * Adds folded twins to every text node of an HTML document (never inside tags, attributes,
 * `<script>` or `<style>`), so headings keep their weight and sub-results their anchors.
 */
export function addFoldedTwinsToHtml(html: string): string {
  return html.replace(
    /(<(script|style)\b[\s\S]*?<\/\2\s*>)|(<!--[\s\S]*?-->)|(<[^>]*>)|([^<]+)/gi,
    (match, rawBlock: string | undefined, _name, comment: string | undefined, tag: string | undefined, text: string | undefined) =>
      text !== undefined && !rawBlock && !comment && !tag ? addFoldedTwins(text) : match,
  );
}

/** One word of an excerpt and whether Pagefind highlighted it. */
export interface ExcerptToken {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => entities[name] ?? '');
}

/**
 * Turns a Pagefind excerpt (HTML with `<mark>`) into plain tokens, with the folded twins
 * removed: a twin's highlight moves to the word before it and its trailing punctuation stays.
 * `content` is the page's indexed text (Pagefind's `content`, twins included): an excerpt that
 * begins with a twin whose word fell just outside it ("don đốc" cut from "đôn don đốc") gets the
 * word back from it. Returns tokens rather than HTML so the caller builds DOM nodes (no HTML
 * injection).
 */
export function cleanExcerpt(excerptHtml: string, content = ''): ExcerptToken[] {
  // Characters with their highlight state, then words split on white space.
  const chars: { char: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of excerptHtml.split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else for (const char of decodeEntities(part)) chars.push({ char, marked });
  }
  const words: ExcerptToken[] = [];
  let current: ExcerptToken | null = null;
  for (const { char, marked: isMarked } of chars) {
    if (/\s/.test(char)) current = null;
    else if (current) {
      current.text += char;
      current.marked ||= isMarked;
    } else {
      current = { text: char, marked: isMarked };
      words.push(current);
    }
  }
  restoreCutWord(words, content);
  const result: ExcerptToken[] = [];
  // A word has at most one twin: "đặt dat dat" (a real "dat" after the twin) keeps the second.
  let previousHadTwin = false;
  for (const word of words) {
    const previous = result.at(-1);
    if (previous && !previousHadTwin && isTwinOf(word.text, previous.text)) {
      previous.text += word.text.replace(/^[\p{L}\p{N}]+/u, '');
      previous.marked ||= word.marked;
      previousHadTwin = true;
    } else {
      result.push(word);
      previousHadTwin = false;
    }
  }
  return result;
}

/**
 * When the excerpt's first word is the twin of the word before the excerpt in `content` (found
 * where the whole excerpt stands in it), that word takes the twin's place, with its highlight and
 * punctuation. Real Vietnamese text has no unmarked twin of a đ-word ("dat", "Doan"), so a first
 * word that is one follows the word it was made from.
 */
function restoreCutWord(words: ExcerptToken[], content: string): void {
  const first = words[0];
  if (!first || !content) return;
  const text = content.split(/\s+/);
  const excerpt = words.map((token) => token.text);
  for (let i = 1; i + excerpt.length <= text.length; i++) {
    if (excerpt.every((token, k) => text[i + k] === token)) {
      const previous = text[i - 1]!;
      if (isTwinOf(first.text, previous)) first.text = `${dWord(previous)}${first.text.replace(/^[\p{L}\p{N}]+/u, '')}`;
      return;
    }
  }
}

/** The đ-word ending `text` (`(Đoàn` → `Đoàn`), or undefined. */
function dWord(text: string): string | undefined {
  return /[\p{L}\p{M}\p{N}]*[đĐ][\p{L}\p{M}\p{N}]*$/u.exec(text)?.[0];
}

/** Whether `token` is the folded twin inserted right after the đ-word ending `previous`. */
function isTwinOf(token: string, previous: string): boolean {
  const word = dWord(previous);
  if (!word) return false;
  const twin = /^[\p{L}\p{N}]+/u.exec(token)?.[0];
  return twin !== undefined && twin === foldVietnamese(word);
}

/** Removes the folded twins from plain text (titles of results and sub-results). */
export function cleanText(text: string): string {
  return cleanExcerpt(escapeMarkup(text))
    .map((token) => token.text)
    .join(' ');
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addFoldedTwins, addFoldedTwinsToHtml, cleanExcerpt, cleanText } from '../../src/lib/search/fold.ts';

describe('folded twins for đ-words (index side)', () => {
  it('adds a folded twin after each word holding đ, and only those', () => {
    expect(addFoldedTwins('Cài đặt qua Đoàn Thanh niên, điện thoại.')).toBe(
      'Cài đặt dat qua Đoàn Doan Thanh niên, điện dien thoại.',
    );
    expect(addFoldedTwins('Bluezone 5355/UBND-KGVX')).toBe('Bluezone 5355/UBND-KGVX');
  });

  it('twins every whole word holding đ, wherever it stands in the word (marks, digits, joined words)', () => {
    // The plain definition: every maximal run of letters, marks and digits that holds đ.
    const fold = (word: string) => word.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
    const reference = (text: string) => text.replace(/[\p{L}\p{M}\p{N}]*[đĐ][\p{L}\p{M}\p{N}]*/gu, (word) => `${word} ${fold(word)}`);
    const piece = fc.constantFrom('đ', 'Đ', 'a', 'ặ', 'o\u0300', '5', ' ', ',', '-', '(', '\n', 'ư', 'Ư', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(addFoldedTwins(pieces.join(''))).toBe(reference(pieces.join('')));
      }),
    );
  });

  it('touches text nodes only: tags, attributes, scripts and styles stay as they are', () => {
    const html =
      '<main data-pagefind-body><h2 id="đặt">Cài đặt</h2><a title="đặt">đặt</a><script>let đ = 1</script><style>.đ{}</style><!-- đặt --></main>';
    expect(addFoldedTwinsToHtml(html)).toBe(
      '<main data-pagefind-body><h2 id="đặt">Cài đặt dat</h2><a title="đặt">đặt dat</a><script>let đ = 1</script><style>.đ{}</style><!-- đặt --></main>',
    );
  });
});

describe('excerpts and titles (browser side)', () => {
  it('removes the twin and moves its highlight to the real word', () => {
    expect(cleanExcerpt('<mark>Cài</mark> đặt <mark>dat</mark> ứng dụng')).toEqual([
      { text: 'Cài', marked: true },
      { text: 'đặt', marked: true },
      { text: 'ứng', marked: false },
      { text: 'dụng', marked: false },
    ]);
  });

  it('keeps punctuation after the twin and decodes entities', () => {
    expect(cleanExcerpt('(Đoàn <mark>Doan,</mark> &amp; &lt;b&gt;)')).toEqual([
      { text: '(Đoàn,', marked: true },
      { text: '&', marked: false },
      { text: '<b>)', marked: false },
    ]);
  });

  it('does not remove a real word that merely looks folded', () => {
    expect(cleanExcerpt('dat đặt').map((t) => t.text)).toEqual(['dat', 'đặt']);
    expect(cleanText('Cài đặt dat Bluezone trên điện dien thoại')).toBe('Cài đặt Bluezone trên điện thoại');
  });

  it('gives back the word of a twin the excerpt begins with, from the page’s indexed text', () => {
    const indexed = addFoldedTwins('Công văn đôn đốc cài đặt Bluezone gửi (Đoàn, Thanh niên).');
    expect(cleanExcerpt('don đốc doc <mark>cài</mark> đặt <mark>dat</mark> Bluezone', indexed).map((t) => t.text).join(' ')).toBe('đôn đốc cài đặt Bluezone');
    expect(cleanExcerpt('<mark>Doan,</mark> Thanh niên).', indexed)).toEqual([
      { text: 'Đoàn,', marked: true },
      { text: 'Thanh', marked: false },
      { text: 'niên).', marked: false },
    ]);
    // Without the page's text, or where the excerpt is not in it, the tokens stay as they are.
    expect(cleanExcerpt('don đốc doc').map((t) => t.text)).toEqual(['don', 'đốc']);
    expect(cleanExcerpt('don đốc doc gì', indexed).map((t) => t.text)).toEqual(['don', 'đốc', 'gì']);
  });

  it('any excerpt of any indexed text reads as the text itself, whatever word it begins with', () => {
    // Real text has no unmarked twin of a đ-word ("dat"), so the words here have none either.
    const vietnamese = fc.constantFrom('đặt', 'Đoàn', 'điện', 'thoại', 'cài', 'Bluezone', '5355', 'Đ', 'đ,', '(địa', 'chỉ)', 'A-đ');
    fc.assert(
      fc.property(fc.array(vietnamese, { minLength: 1, maxLength: 14 }), fc.nat(), fc.nat(), (words, a, b) => {
        const indexed = addFoldedTwins(words.join(' ')).split(' ');
        const start = a % indexed.length;
        const end = start + 1 + (b % (indexed.length - start));
        const shown = cleanExcerpt(indexed.slice(start, end).join(' '), indexed.join(' ')).map((t) => t.text).join(' ');
        // The excerpt, twins removed, is a run of the original words, punctuation aside (an excerpt
        // cut between a word and its twin loses the punctuation the twin carried; in "A-đ" the twin
        // "d" stands for "đ", the part of it that is a word).
        const bare = (text: string) => `${text.replace(/[^\p{L}\p{M}\p{N}\s]/gu, '')} `;
        expect(bare(words.join(' '))).toContain(bare(shown));
      }),
    );
  });

  it('round-trips any text: index-side twins are removed again on the browser side', () => {
    const vietnamese = fc.constantFrom('đặt', 'Đoàn', 'điện', 'thoại', 'cài', 'Bluezone', '5355', 'Đ', 'đ,', '(địa', 'chỉ)', 'dat', 'A-đ');
    fc.assert(
      fc.property(fc.array(vietnamese, { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        expect(cleanText(addFoldedTwins(text))).toBe(text);
      }),
    );
  });
});

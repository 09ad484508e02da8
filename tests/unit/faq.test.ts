import { describe, expect, it } from 'vitest';
import { faqSchema, faqTopics } from '../../src/content/faq.ts';
import { assertUnique, faqByTopic } from '../../src/lib/guides/entries.ts';

const valid = { question: 'Bluezone có tốn pin không?', anchor: 'co-ton-pin-khong', topic: 'phone', order: 1 } as const;

describe('FAQ frontmatter', () => {
  it('accepts a complete question; an answer that makes no claim lists no source', () => {
    expect(faqSchema.parse(valid)).toEqual({ ...valid, sources: [] });
  });
  it.each([
    ['an anchor with diacritics', { ...valid, anchor: 'có-tốn-pin' }],
    ['an anchor with spaces', { ...valid, anchor: 'ton pin' }],
    ['an unknown topic', { ...valid, topic: 'weather' }],
    ['a missing question', { ...valid, question: undefined }],
    ['a fractional order', { ...valid, order: 1.5 }],
    ['an unknown field', { ...valid, answer: 'x' }],
  ])('rejects %s', (_, data) => {
    expect(faqSchema.safeParse(data).success).toBe(false);
  });
  it('names the anchor field when it is wrong', () => {
    const result = faqSchema.safeParse({ ...valid, anchor: 'Tốn pin' });
    expect(result.error?.issues[0]?.path).toEqual(['anchor']);
  });
});

describe('FAQ page grouping', () => {
  const item = (id: string, topic: (typeof faqTopics)[number], order: number, anchor = id.replace('/', '-')) => ({
    id,
    data: { ...valid, topic, order, anchor },
  });
  it('groups by topic in the fixed topic order and leaves empty topics out', () => {
    const groups = faqByTopic(
      [item('vi/alert', 'alert', 1), item('vi/battery', 'phone', 2), item('vi/bluetooth', 'phone', 1), item('en/battery', 'phone', 1)],
      'vi',
    );
    expect(groups.map((g) => g.topic)).toEqual(['phone', 'alert']);
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['vi/bluetooth', 'vi/battery']);
    expect(faqTopics.indexOf('phone')).toBeLessThan(faqTopics.indexOf('alert'));
  });
  it('refuses two answers with the same anchor in one language, but allows it across languages', () => {
    expect(() => assertUnique([item('vi/a', 'phone', 1, 'pin'), item('vi/b', 'phone', 2, 'pin')], 'anchor')).toThrow(/same anchor "pin"/);
    expect(() => assertUnique([item('vi/a', 'phone', 1, 'pc-covid'), item('en/a', 'phone', 1, 'pc-covid')], 'anchor')).not.toThrow();
  });
});

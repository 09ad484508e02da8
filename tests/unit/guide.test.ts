import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src/content/guide.ts';
import { assertUnique, entriesIn, officialStores, splitEntryId, twinsOf } from '../../src/lib/guides/entries.ts';
import { langOfPath } from '../../src/routing/routes.ts';
import { guidePath } from '../../src/routing/routes.ts';

const valid = {
  title: 'Cài Bluezone trên iPhone',
  description: 'Tải Bluezone từ App Store và cho phép Bluetooth.',
  slug: 'iphone',
  order: 2,
  describes: { app: 'Bluezone', from: '2020-04-18', to: '2021-09-30' },
  sourcesChecked: '2026-12-02',
  sources: [],
};

describe('guide frontmatter', () => {
  it('accepts a complete guide', () => {
    expect(guideSchema.parse(valid)).toEqual(valid);
  });
  it('keeps an unquoted YAML date as the same calendar day', () => {
    expect(guideSchema.parse({ ...valid, sourcesChecked: new Date('2026-12-02') }).sourcesChecked).toBe('2026-12-02');
    expect(guideSchema.parse({ ...valid, describes: { ...valid.describes, to: new Date('2021-09-30') } }).describes.to).toBe('2021-09-30');
  });
  it('has no `reviewed` date any more: it read as if the 2021 app had been checked that day', () => {
    expect(guideSchema.safeParse({ ...valid, reviewed: '2026-11-23' }).success).toBe(false);
  });
  it('names the field of a period that ends before it starts', () => {
    const result = guideSchema.safeParse({ ...valid, describes: { ...valid.describes, from: '2021-10-01' } });
    expect(result.error?.issues[0]?.path).toEqual(['describes', 'to']);
  });
  it('names the field that is wrong', () => {
    const result = guideSchema.safeParse({ ...valid, slug: 'Khắc phục lỗi' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['slug']);
    expect(result.error?.issues[0]?.message).toMatch(/lowercase ASCII/);
  });
  it.each([
    ['missing title', { ...valid, title: undefined }],
    ['a title too long for a tab', { ...valid, title: 'Giúp người khác cài đặt – danh sách cho tình nguyện viên' }],
    ['empty description', { ...valid, description: '' }],
    ['order 0', { ...valid, order: 0 }],
    ['date not ISO', { ...valid, sourcesChecked: '02/12/2026' }],
    ['no period described', { ...valid, describes: undefined }],
    ['a period without its app', { ...valid, describes: { from: '2020-04-18', to: '2021-09-30' } }],
    ['unknown field (typo)', { ...valid, titel: 'x' }],
    ['slug with trailing hyphen', { ...valid, slug: 'android-' }],
  ])('rejects %s', (_, data) => {
    expect(guideSchema.safeParse(data).success).toBe(false);
  });
});

const entry = (id: string, slug: string, order = 1) => ({ id, data: { ...valid, slug, order } });

describe('guide pairs and URLs', () => {
  it('reads language and key from the entry id', () => {
    expect(splitEntryId('vi/troubleshooting')).toEqual({ lang: 'vi', key: 'troubleshooting' });
    expect(() => splitEntryId('fr/android')).toThrow(/language folder/);
    expect(() => splitEntryId('android')).toThrow(/language folder/);
  });
  it('builds the stable guide URLs', () => {
    expect(guidePath('vi', 'khac-phuc-loi')).toBe('/huong-dan/khac-phuc-loi/');
    expect(guidePath('en', 'troubleshooting')).toBe('/en/guide/troubleshooting/');
  });
  it('pairs each page with the same file name in the other language', () => {
    const entries = [entry('vi/troubleshooting', 'khac-phuc-loi'), entry('en/troubleshooting', 'troubleshooting')];
    const twins = twinsOf(entries);
    expect(twins.get('vi/troubleshooting')?.data.slug).toBe('troubleshooting');
    expect(twins.get('en/troubleshooting')?.data.slug).toBe('khac-phuc-loi');
  });
  it('fails the build when a translation is missing, naming the file to add', () => {
    expect(() => twinsOf([entry('vi/android', 'android')])).toThrow('add "en/android.mdx"');
  });
  it('fails when two pages of one language share a slug', () => {
    const entries = [entry('vi/a', 'android'), entry('vi/b', 'android'), entry('en/a', 'android')];
    expect(() => assertUnique(entries, 'slug')).toThrow(/"vi\/b.mdx" and "vi\/a.mdx" have the same slug "android"/);
  });
  it('lists one language in order', () => {
    const entries = [entry('vi/b', 'b', 2), entry('en/a', 'a', 1), entry('vi/a', 'a', 1)];
    expect(entriesIn(entries, 'vi').map((e) => e.id)).toEqual(['vi/a', 'vi/b']);
  });
  it('tells the language from a URL path', () => {
    expect(langOfPath('/en/guide/android/')).toBe('en');
    expect(langOfPath('/en')).toBe('en');
    expect(langOfPath('/huong-dan/android/')).toBe('vi');
    expect(langOfPath('/english-lesson/')).toBe('vi');
  });
  it('links the official store pages by their ids', () => {
    expect(officialStores.googlePlay).toBe('https://play.google.com/store/apps/details?id=com.mic.bluezone');
    expect(officialStores.appStore).toMatch(/\/id1508062685$/);
  });
});

import { describe, expect, it } from 'vitest';
import { citationProblems, citationsIn, assertCitations, formatSourceDate, pageSources, type CitingEntry } from '../../src/lib/guides/citations.ts';
import { sourceSchema, sourcesField, type Source } from '../../src/content/source.ts';

const hotline: Source = { id: 'moh-hotline', title: 'Chuyển hướng toàn bộ cuộc gọi về dịch bệnh corona', publisher: 'Pháp Luật TP.HCM', date: '2020-02', url: 'https://plo.vn/x.html' };
const app: Source = { id: 'app-source', title: 'bluezone-app', publisher: 'Bluezone Global (GitHub)' };

const entry = (id: string, body: string, sources = [hotline]): CitingEntry => ({ id, filePath: `content/faq/${id}.mdx`, body, data: { sources } });

describe('citations in MDX text', () => {
  it('reads the cited ids in order, and flags a <Cite> that names none', () => {
    const body = 'Gọi 1900 9095<Cite source="moh-hotline" />. Mã nguồn<Cite source=\'app-source\'/>. Xấu <Cite id="x" /> <Cite source={x} />';
    expect(citationsIn(body)).toEqual({ ids: ['moh-hotline', 'app-source'], malformed: ['<Cite id="x" />', '<Cite source={x} />'] });
  });
});

describe('citation check of a collection', () => {
  const vi = entry('vi/exposure-alert', 'Gọi **1900 9095**<Cite source="moh-hotline" />.');
  const en = entry('en/exposure-alert', 'Call **1900 9095**<Cite source="moh-hotline" />.');

  it('accepts claims that cite listed sources, in both languages', () => {
    expect(citationProblems([vi, en])).toEqual([]);
  });
  it('fails a citation of a source the page does not list, naming file and field', () => {
    const broken = entry('vi/exposure-alert', 'Gọi 1900 9095<Cite source="moh-hotlin" />.');
    const problems = citationProblems([broken, en]);
    expect(problems[0]).toBe('content/faq/vi/exposure-alert.mdx: field sources has no source with id "moh-hotlin", cited by <Cite source="moh-hotlin" /> (listed: moh-hotline)');
    expect(() => assertCitations([broken, en], 'content/faq')).toThrow(/^Sources of content\/faq:\ncontent\/faq\/vi\/exposure-alert\.mdx: field sources/);
  });
  it('fails a <Cite> without a source id', () => {
    expect(citationProblems([entry('vi/a', 'x <Cite />', [])])).toEqual(['content/faq/vi/a.mdx: <Cite /> must name its source as source="<id>" (one of: none listed)']);
  });
  it('fails a listed source that no claim cites', () => {
    const unused = entry('vi/exposure-alert', vi.body!, [hotline, app]);
    const enToo = entry('en/exposure-alert', en.body!, [hotline, app]);
    expect(citationProblems([unused, enToo])).toEqual([
      'content/faq/vi/exposure-alert.mdx: field sources.1 ("app-source") is never cited; mark the claim with <Cite source="app-source" /> or remove the source',
      'content/faq/en/exposure-alert.mdx: field sources.1 ("app-source") is never cited; mark the claim with <Cite source="app-source" /> or remove the source',
    ]);
  });
  it('fails one id naming two different sources', () => {
    const other = entry('vi/no-smartphone', 'Gọi 1900 9095<Cite source="moh-hotline" />.', [{ ...hotline, date: '2020-08' }]);
    const otherEn = entry('en/no-smartphone', 'Call 1900 9095<Cite source="moh-hotline" />.', [{ ...hotline, date: '2020-08' }]);
    const problems = citationProblems([vi, en, other, otherEn]);
    expect(problems).toContain('content/faq/vi/no-smartphone.mdx: field sources.0 ("moh-hotline") differs from the source with that id in content/faq/vi/exposure-alert.mdx; one id names one source everywhere');
  });
  it('fails an English page that cites other sources than its Vietnamese original', () => {
    const silent = entry('en/exposure-alert', 'Call 1900 9095.', []);
    expect(citationProblems([vi, silent])).toEqual([
      'content/faq/en/exposure-alert.mdx: cites no source but content/faq/vi/exposure-alert.mdx cites moh-hotline; both languages must cite the same sources',
    ]);
  });
});

describe('source list of a page', () => {
  it('merges the answers of a page in order, each source once', () => {
    const a = entry('vi/a', '', [hotline]);
    const b = entry('vi/b', '', [app, hotline]);
    expect(pageSources([a, b]).map((s) => s.id)).toEqual(['moh-hotline', 'app-source']);
  });
  it('prints a date as precise as the source gives it', () => {
    expect(formatSourceDate('2020', 'vi')).toBe('2020');
    expect(formatSourceDate('2020-08', 'vi')).toBe('8/2020');
    expect(formatSourceDate('2021-10-04', 'vi')).toBe('4/10/2021');
    expect(formatSourceDate('2020-08', 'en')).toBe('August 2020');
    expect(formatSourceDate('2021-10-04', 'en')).toBe('4 October 2021');
  });
});

describe('source frontmatter', () => {
  it('accepts a source with a partial date and without an address', () => {
    expect(sourceSchema.parse(app)).toEqual(app);
    expect(sourceSchema.parse({ ...hotline, date: new Date('2020-02-01') }).date).toBe('2020-02-01');
  });
  it.each([
    ['a script address', { ...hotline, url: 'javascript:alert(1)' }, 'url'],
    ['a protocol-relative address', { ...hotline, url: '//evil.example/x' }, 'url'],
    ['a path on this site', { ...hotline, url: '/van-ban/' }, 'url'],
    ['an impossible date', { ...hotline, date: '2020-02-30' }, 'date'],
    ['a day-first date', { ...hotline, date: '01/02/2020' }, 'date'],
    ['a misspelt field', { ...hotline, publsher: 'x' }, ''],
    ['an id with capitals', { ...hotline, id: 'MoH' }, 'id'],
  ])('rejects %s, naming the field', (_, data, field) => {
    const result = sourceSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(field);
  });
  it('rejects one id listed twice in a file', () => {
    const result = sourcesField.safeParse([hotline, hotline]);
    expect(result.error?.issues[0]?.path).toEqual([1, 'id']);
  });
});

import { describe, expect, it } from 'vitest';
import { directiveSchema, isoDateSchema } from '../../src/content/directive.ts';
import { rawLetter } from './directive-fixtures.ts';

/** The issues of a failed parse as `path: message` lines, the way a build error names them. */
function issues(input: unknown): { path: string; code: string; message: string; keys?: string[] }[] {
  const result = directiveSchema.safeParse(input);
  expect(result.success, 'the input must be rejected').toBe(false);
  return result.error!.issues.map((i) => ({
    path: i.path.join('.'),
    code: i.code,
    message: i.message,
    keys: 'keys' in i ? (i.keys as string[]) : undefined,
  }));
}

describe('directive schema', () => {
  it('accepts a real letter and fills the defaults', () => {
    const data = directiveSchema.parse(rawLetter());
    expect(data.date).toBe('2020-08-19');
    expect(data.urgency).toEqual([]);
    expect(data.transcriptionNotes).toEqual([]);
    expect(data.statistics).toHaveLength(2);
  });

  it('accepts an unnumbered letter (number null) and rejects an invented one', () => {
    expect(directiveSchema.safeParse({ ...rawLetter(), number: null }).success).toBe(true);
    expect(issues({ ...rawLetter(), number: '12a' })).toEqual([expect.objectContaining({ path: 'number' })]);
  });

  it('fails on an unknown field, naming it', () => {
    const found = issues({ ...rawLetter(), issuingBody: 'x' });
    expect(found).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['issuingBody'] })]);
  });

  it('fails on an unknown field inside a quoted figure, naming where', () => {
    const raw = rawLetter();
    (raw.statistics as Record<string, unknown>[])[0]!.value = 13;
    expect(issues(raw)).toEqual([expect.objectContaining({ path: 'statistics.0', code: 'unrecognized_keys', keys: ['value'] })]);
  });

  it.each([
    ['19/08/2020', 'yyyy-mm-dd'],
    ['2020-13-01', 'not a real calendar date'],
    ['2021-02-29', 'not a real calendar date'],
  ])('fails on the bad date %s, naming the field', (bad, message) => {
    expect(issues({ ...rawLetter(), date: bad })).toEqual([expect.objectContaining({ path: 'date', message: expect.stringContaining(message) })]);
  });

  it('fails on a bad date deep inside (a deadline)', () => {
    const raw = rawLetter();
    (raw.deadlines as Record<string, unknown>[])[0]!.date = '2020-08-32';
    expect(issues(raw)).toEqual([expect.objectContaining({ path: 'deadlines.0.date' })]);
  });

  it('fails on a missing issuer, naming the field', () => {
    const { issuer: _issuer, ...raw } = rawLetter();
    expect(issues(raw)).toEqual([expect.objectContaining({ path: 'issuer' })]);
  });

  it('requires the subject line to start with "V/v" and a known level and urgency mark', () => {
    expect(issues({ ...rawLetter(), subject: 'Đẩy mạnh cài đặt' })).toEqual([expect.objectContaining({ path: 'subject' })]);
    expect(issues({ ...rawLetter(), level: 'commune' })).toEqual([expect.objectContaining({ path: 'level' })]);
    expect(issues({ ...rawLetter(), urgency: ['HỒA TỐC'] })).toEqual([expect.objectContaining({ path: 'urgency.0' })]);
  });

  it('ties district codes to district-level letters and English titles to titles', () => {
    expect(issues({ ...rawLetter(), level: 'district' })).toEqual([expect.objectContaining({ path: 'district' })]);
    expect(issues({ ...rawLetter(), province: '195' })).toEqual([expect.objectContaining({ path: 'province' })]);
    const raw = rawLetter();
    raw.signer = { name: 'Trương Linh Phượng', capacity: null, title: null, titleEn: 'Chair' };
    expect(issues(raw)).toEqual([expect.objectContaining({ path: 'signer.titleEn' })]);
  });

  it('asks for the English twin of a citation note', () => {
    const raw = rawLetter();
    (raw.cites as Record<string, unknown>[])[0]!.note = 'In là “2814”.';
    expect(issues(raw)).toEqual([expect.objectContaining({ path: 'cites.0.noteEn' })]);
  });

  it('rejects a rate over 100% and a region without its code', () => {
    const raw = rawLetter();
    (raw.targets as Record<string, unknown>[])[0]!.percent = 160;
    expect(issues(raw)).toEqual([expect.objectContaining({ path: 'targets.0.percent' })]);
    const raw2 = rawLetter();
    (raw2.statistics as Record<string, unknown>[])[0]!.region = { scope: 'province' };
    expect(issues(raw2)).toEqual([expect.objectContaining({ path: 'statistics.0.region.province' })]);
  });

  it('refuses unquoted YAML dates, which YAML would silently roll over (2020-19-08 → 2021-07-08)', () => {
    expect(isoDateSchema.parse('2020-02-29')).toBe('2020-02-29');
    const rolledOver = new Date(Date.UTC(2020, 18, 8)); // what js-yaml makes of `date: 2020-19-08`
    const result = isoDateSchema.safeParse(rolledOver);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('write the date in quotes');
    expect(isoDateSchema.safeParse(20200829).success).toBe(false);
  });
});

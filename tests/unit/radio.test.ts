import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { nearestDeadline, radioFacts, radioScript, syllableCount, taskWithoutDate } from '../../src/lib/radio/announcements.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { publicHost } from '../../src/routing/routes.ts';
import { figuresFromSnapshots } from '../../src/lib/stats/load.ts';
import { isStatedBasis } from '../../src/lib/stats/model.ts';
import { valueWords } from '../../src/lib/stats/words.ts';
import { directiveSchema, type Directive } from '../../src/content/directive.ts';
import { snapshotSchemaWith } from '../../src/content/snapshot.ts';

const regions = loadRegions();
const schema = snapshotSchemaWith(regions);
const figures = figuresFromSnapshots(
  readdirSync('content/stats')
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ id: f.slice(0, -5), data: schema.parse(JSON.parse(readFileSync(join('content/stats', f), 'utf8'))) })),
);
const letters: Directive[] = readdirSync('content/directives')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => directiveSchema.parse(parseYaml(readFileSync(join('content/directives', f), 'utf8').split(/^---$/m)[1]!)));
const today = '2026-11-23';
const placeOf = (code: string) => {
  const region = regions.byCode(code)!;
  return { code, name: region.fullName.charAt(0).toLowerCase() + region.fullName.slice(1) };
};

describe('loudspeaker texts', () => {
  it('picks the soonest deadline ahead, or the latest one once all have passed', () => {
    const deadlines = [{ date: '2020-09-19' }, { date: '2020-08-24' }, { date: '2020-09-12' }];
    expect(nearestDeadline(deadlines, '2020-08-20')?.date).toBe('2020-08-24');
    expect(nearestDeadline(deadlines, '2020-09-13')?.date).toBe('2020-09-19');
    expect(nearestDeadline(deadlines, today)?.date).toBe('2020-09-19');
    expect(nearestDeadline([], '2020-01-01')).toBeUndefined();
  });

  it('the national text reads the latest national count with its qualifier, and no province’s deadline', () => {
    const facts = radioFacts(null, figures, letters, today);
    const text = radioScript(facts, today, 'bluezone.gov.vn').join('\n');
    expect(text).toContain(valueWords(facts.figure!, 'vi'));
    expect(facts.deadline).toBeUndefined();
    for (const letter of letters) for (const d of letter.deadlines) expect(text).not.toContain(taskWithoutDate(d.task));
  });

  it('each province reads only its own figure on a stated basis, its own targets and deadlines, naming the letter', () => {
    for (const code of new Set(letters.map((l) => l.province))) {
      const facts = radioFacts(placeOf(code), figures, letters, today);
      const text = radioScript(facts, today, undefined).join('\n');
      if (facts.figure) {
        expect(facts.figure.place.code).toBe(code);
        if (facts.figure.kind === 'rate') expect(isStatedBasis(facts.figure.basis)).toBe(true);
        expect(text).toContain(valueWords(facts.figure, 'vi'));
      }
      if (facts.deadline) expect(facts.deadline.letter.province).toBe(code);
      for (const { target, letter } of facts.targets) {
        expect(target.region.scope === 'province' && target.region.province).toBe(code);
        expect(text).toContain(letter.number === null ? letter.issuer : `${letter.number}${letter.separator}${letter.symbol}`);
      }
      // Cà Mau's 16,08 % has no stated basis: never read aloud.
      expect(text).not.toContain('cơ sở tính chưa rõ');
    }
  });

  it('names every permission the app asks for', () => {
    const text = radioScript(radioFacts(null, figures, letters, today), today, undefined).join(' ');
    for (const permission of ['Bluetooth', 'thông báo', 'vị trí', 'Android từ phiên bản 6 đến 11']) expect(text).toContain(permission);
  });

  it('reads the site address only when it is a real one', () => {
    for (const site of ['https://bluezone.example', 'http://localhost:4321', 'http://127.0.0.1:8080', 'https://x.test/']) expect(publicHost(site)).toBeUndefined();
    expect(publicHost('https://bluezone.gov.vn/')).toBe('bluezone.gov.vn');
    const facts = radioFacts(null, figures, letters, today);
    expect(radioScript(facts, today, publicHost('https://bluezone.example')).join(' ')).not.toContain('bluezone.example');
    expect(radioScript(facts, today, publicHost('https://bluezone.gov.vn')).join(' ')).toContain('bluezone.gov.vn');
  });

  it('reads the date once, and lasts about one minute', () => {
    expect(taskWithoutDate('UBND các xã hoàn thành tuyên truyền (trước ngày 19/9/2020).')).toBe('UBND các xã hoàn thành tuyên truyền');
    const text = radioScript(radioFacts(placeOf('96'), figures, letters, today), today, 'bluezone.gov.vn');
    expect(syllableCount(text)).toBeGreaterThan(140);
    expect(syllableCount(text)).toBeLessThan(300);
  });
});

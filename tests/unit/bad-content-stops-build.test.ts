import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unflatten } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, projectRoot as root, removeProject, runAstro } from '../support/temp-project.ts';

/**
 * A malformed letter or snapshot stops the site from building, naming the file and the field.
 * Runs `astro sync` (the content-layer step every build starts with, where these errors stop
 * it) on ONE temporary copy of the project, never a full build; each case breaks one file,
 * syncs, and writes the file back. The repo's own content stays byte-identical throughout.
 */

let tmp = '';

/** Hash of every file (path + bytes) under the repo's content/. */
function contentHash(dir = join(root, 'content')): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
    } catch {
      hash.update(file).update('\0/\0'); // a folder
    }
  }
  return hash.digest('hex');
}
const committed = contentHash();

function sync(): { status: number | null; output: string } {
  return runAstro(tmp, 'sync', { ASTRO_CACHE_DIR: join(tmp, '.astro-cache') }, 300_000);
}

/** Breaks `file` in the copy, syncs, writes the original back; returns what sync said. */
function syncWith(file: string, mutate: (text: string) => string): { status: number | null; output: string } {
  const path = join(tmp, file);
  const original = readFileSync(path, 'utf8');
  const bad = mutate(original);
  expect(bad, `${file} was changed`).not.toBe(original);
  try {
    writeFileSync(path, bad);
    return sync();
  } finally {
    writeFileSync(path, original);
  }
}

beforeAll(() => {
  tmp = copyProject('bad-content');
});

afterAll(() => {
  try {
    expect(contentHash(), 'the repo’s content/ changed').toBe(committed);
  } finally {
    removeProject(tmp);
  }
});

describe('a malformed letter fails the build, naming file and field', () => {
  const file = 'content/directives/1119-ubnd-kgvx-2020.mdx';
  const cases: [string, (text: string) => string, RegExp][] = [
    ['a bad date', (text) => text.replace(/^date: "2020-08-19"$/m, 'date: "2020-19-08"'), /date: not a real calendar date/],
    ['an unknown field', (text) => text.replace(/^level: province$/m, 'level: province\nissuingLevel: tỉnh'), /issuingLevel/],
    ['a missing issuer', (text) => text.replace(/^issuer: .*\n/m, ''), /issuer: /],
  ];
  it.each(cases)('%s', (_name, mutate, field) => {
    const { status, output } = syncWith(file, mutate);
    expect(status).not.toBe(0);
    expect(output).toMatch(/InvalidContentEntryDataError/);
    expect(output).toContain(file);
    expect(output).toMatch(field);
  }, 300_000);
});

describe('a letter whose text holds what content may not fails the build, naming file and line', () => {
  // Letters' bodies become HTML while the content is read (src/content/letter-loader.ts), so the
  // allowlist runs in that step: one line, the file and the line.
  const file = 'content/directives/1119-ubnd-kgvx-2020.mdx';
  it('an event handler in the signature block', () => {
    const { status, output } = syncWith(file, (text) => text.replace('<div class="signature">', '<div class="signature" onclick="alert(1)">'));
    expect(status).not.toBe(0);
    const lines = output.split('\n').filter((line) => line.includes('is an event handler'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`${file.replaceAll('.', '\\.')}:117: <div onclick> is an event handler`));
  }, 300_000);
});

describe('a malformed snapshot fails the build, naming file and field', () => {
  const file = 'content/stats/2020-09-07-5355-ubnd-kgvx-2020.json';
  const cases: [string, (data: any) => void, RegExp][] = [
    ['a rate without its basis', (d) => delete d.rows[0].rateBasis, /rows\.0\.rateBasis/],
    ['an unknown region code', (d) => (d.rows[0].region.code = '97'), /unknown region code 97/],
    ['a rate over 100%', (d) => (d.rows[0].ratePercent = 160.8), /rows\.0\.ratePercent/],
  ];
  it.each(cases)('%s', (_name, mutate, field) => {
    const { status, output } = syncWith(file, (text) => {
      const data = JSON.parse(text);
      mutate(data);
      return JSON.stringify(data, null, 2);
    });
    expect(status).not.toBe(0);
    expect(output).toContain('2020-09-07-5355-ubnd-kgvx-2020');
    expect(output).toMatch(field);
  }, 300_000);
});

describe('the copy, every file written back', () => {
  it('is byte-identical to the repo’s content and syncs', () => {
    expect(contentHash(join(tmp, 'content'))).toBe(committed);
    const { status, output } = sync();
    expect(output).not.toMatch(/InvalidContentEntryDataError/);
    expect(status).toBe(0);
  }, 300_000);

  it('keeps only each snapshot’s date in Astro’s content store (the build reads the figures from the files)', () => {
    // The store as Astro writes it (devalue's format): collection → id → entry.
    const store = unflatten(JSON.parse(readFileSync(join(tmp, '.astro-cache', 'data-store.json'), 'utf8'))) as Map<string, Map<string, { data: object }>>;
    const stored = store.get('snapshots') ?? new Map<string, { data: object }>();
    const files = readdirSync(join(tmp, 'content/stats')).filter((file) => file.endsWith('.json'));
    expect([...stored.keys()].sort()).toEqual(files.map((file) => file.slice(0, -5)).sort());
    for (const [id, entry] of stored) {
      const asOf = (JSON.parse(readFileSync(join(tmp, 'content/stats', `${id}.json`), 'utf8')) as { asOf: string }).asOf;
      expect(entry.data, id).toStrictEqual({ asOf });
    }
  });
});

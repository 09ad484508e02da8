import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, projectRoot as root, removeProject, runAstro } from '../support/temp-project.ts';

/**
 * A malformed snapshot stops the site from building, naming the file and the field. Runs
 * `astro sync` (the content-layer step of every build) on a temporary copy of the project;
 * the repo's own content is never touched.
 */

const file = 'content/stats/2020-09-07-5355-ubnd-kgvx-2020.json';
let tmp = '';

function sync(): { status: number | null; output: string } {
  return runAstro(tmp, 'sync', { ASTRO_CACHE_DIR: join(tmp, '.astro-cache') }, 300_000);
}

beforeAll(() => {
  tmp = copyProject('snapshot-build');
});

afterAll(() => {
  removeProject(tmp);
});

describe('a malformed snapshot fails the build, naming file and field', () => {
  const original = readFileSync(join(root, file), 'utf8');
  const cases: [string, (data: any) => void, RegExp][] = [
    ['a rate without its basis', (d) => delete d.rows[0].rateBasis, /rows\.0\.rateBasis/],
    ['an unknown region code', (d) => (d.rows[0].region.code = '97'), /unknown region code 97/],
    ['a rate over 100%', (d) => (d.rows[0].ratePercent = 160.8), /rows\.0\.ratePercent/],
  ];
  it.each(cases)('%s', (_name, mutate, field) => {
    const data = JSON.parse(original);
    mutate(data);
    writeFileSync(join(tmp, file), JSON.stringify(data, null, 2));
    const { status, output } = sync();
    writeFileSync(join(tmp, file), original);
    expect(status).not.toBe(0);
    expect(output).toContain('2020-09-07-5355-ubnd-kgvx-2020');
    expect(output).toMatch(field);
  }, 300_000);

  it('the untouched copy syncs', () => {
    const { status, output } = sync();
    expect(output).not.toMatch(/InvalidContentEntryDataError/);
    expect(status).toBe(0);
  }, 300_000);
});

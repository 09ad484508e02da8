import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, removeProject, runAstro } from '../support/temp-project.ts';

/** Every file under `dir` with the SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
  }));
}

// Two builds of one checkout, each with its own output and cache folder, and the same
// SOURCE_DATE_EPOCH: a deployer can rebuild a published commit and get the same bytes.
describe('reproducible build', () => {
  let tmp = '';
  const builds: { status: number | null; output: string }[] = [];

  beforeAll(() => {
    tmp = copyProject('bluezone-reproducible');
    for (const name of ['a', 'b']) {
      builds.push(runAstro(tmp, 'build', { SOURCE_DATE_EPOCH: '1606780800', ASTRO_OUT_DIR: `./dist-${name}`, ASTRO_CACHE_DIR: `./cache-${name}` }, 600_000));
    }
  }, 1_300_000);
  // Two full dist folders take a while to delete on a busy machine.
  afterAll(() => removeProject(tmp), 300_000);

  it('two builds with the same SOURCE_DATE_EPOCH write byte-identical dist/', () => {
    for (const build of builds) expect(build.status, build.output.slice(-2000)).toBe(0);
    const [a, b] = [digests(join(tmp, 'dist-a')), digests(join(tmp, 'dist-b'))];
    expect(a.size).toBeGreaterThan(500);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, digest]) => b.get(path) !== digest).map(([path]) => path);
    expect(differing).toEqual([]);
  });
});

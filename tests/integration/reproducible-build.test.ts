import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';

/** Every file under `dir` with the SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
  }));
}

// Two checkouts of the fixture site in different folders, each with its own output and cache
// folder, and the same SOURCE_DATE_EPOCH: a deployer can rebuild a published commit anywhere and
// get the same bytes.
// `b` encodes every illustration afresh (`a` takes them from the project's image cache:
// global-setup.ts), so the encoder's output is compared too.
describe('reproducible build', () => {
  let builds: SharedBuild[] = [];
  beforeAll(async () => {
    builds = [await sharedBuild('a'), await sharedBuild('b')];
  }, BUILD_WAIT);

  it('two builds with the same SOURCE_DATE_EPOCH write byte-identical dist/', () => {
    for (const build of builds) expect(build.status, build.output.slice(-2000)).toBe(0);
    const [a, b] = builds.map((build) => digests(build.dist)) as [Map<string, string>, Map<string, string>];
    expect(builds[0]!.dist).not.toBe(builds[1]!.dist);
    expect(a.size).toBeGreaterThan(500);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, digest]) => b.get(path) !== digest).map(([path]) => path);
    expect(differing).toEqual([]);
  });
});

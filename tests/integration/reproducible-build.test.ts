import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';
import { goneLetter, newSnapshot } from '../support/fixture-site.ts';

/** Every file under `dir` with the SHA-256 of its bytes. */
function digests(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
  }));
}

/** The files Astro's incremental build kept in `dist/` or copied from its cache instead of making them (its log). */
function restored(output: string): Set<string> {
  // Astro prints a file's path with a slash after it (`/nhung/x/2020-09-08.csv/`).
  return new Set([...output.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((match) => match[1]!.replace(/(\.\w+)\/$/, '$1')));
}

// Two checkouts of the fixture site in different folders, each with its own output and cache
// folder, and the same SOURCE_DATE_EPOCH: a deployer can rebuild a published commit anywhere and
// get the same bytes. `b` is an incremental rebuild after the fixture's new snapshot and letter
// were added to a site built without them (tests/integration/global-setup.ts): what it copies
// from the last build must be what a build from nothing makes.
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

  it('the rebuild copied what the new snapshot and letter left unchanged, and made the rest again', () => {
    const copied = restored(builds[1]!.output);
    expect(restored(builds[0]!.output).size).toBe(0);
    // Dated data files of earlier days never change; the new day's and the latest ones are new.
    const national = '/nhung/luot-tai-toan-quoc/';
    const dated = readdirSync(join(builds[0]!.dist, national)).filter((file) => /^\d{4}-\d{2}-\d{2}\.(csv|json)$/.test(file));
    expect(dated.length).toBeGreaterThan(5);
    for (const file of dated) expect(copied.has(`${national}${file}`), file).toBe(!file.startsWith(newSnapshot.asOf));
    expect(copied).not.toContain('/nhung/luot-tai-toan-quoc/moi-nhat.csv');
    expect(copied).not.toContain('/nhung/luot-tai-toan-quoc/moi-nhat-1920x1080.png');
    // A banner is made from its size and language alone; a committed snapshot's file never changes.
    expect(copied).toContain('/chia-se/banner/bluezone-vi-180x60.png');
    expect(copied).toContain('/du-lieu/2020-08-09-nhandan.json');
    // An embed page shows its chart alone: Quảng Ninh's has no new figure, the national one has.
    expect(copied).toContain('/nhung/chuoi-quang-ninh-smartphone/index.html');
    expect(copied).not.toContain('/nhung/luot-tai-toan-quoc/index.html');
    expect(copied).not.toContain('/en/embed/luot-tai-toan-quoc/index.html');
    // A place's statistics page and loudspeaker text show that place's facts: Quảng Ninh's are
    // unchanged; Cà Mau has the new figure, Bạc Liêu the new letter (and its deadline).
    expect(copied).toContain('/so-lieu/quang-ninh/index.html');
    expect(copied).toContain('/en/statistics/quang-ninh/index.html');
    expect(copied).toContain('/phat-thanh/quang-ninh/index.html');
    expect(copied).not.toContain('/so-lieu/ca-mau/index.html');
    expect(copied).not.toContain('/en/statistics/ca-mau/index.html');
    expect(copied).not.toContain('/phat-thanh/ca-mau/index.html');
    expect(copied).not.toContain('/phat-thanh/bac-lieu/index.html');
    // The letter only the first build had left nothing behind: no page, card or search entry.
    expect(builds[1]!.output).toMatch(/removed \d+ file\(s\) an earlier build left/);
    expect([...digests(builds[1]!.dist).keys()].filter((path) => path.includes(goneLetter.slug))).toEqual([]);
    // A letter nobody new cites is copied; the one the new letter cites lists it now.
    expect(copied).toContain('/van-ban/524-mttq-btt-2020/index.html');
    expect(copied).not.toContain('/van-ban/5355-ubnd-kgvx-2020/index.html');
    expect(copied).not.toContain('/en/directives/5355-ubnd-kgvx-2020/index.html');
  });
});

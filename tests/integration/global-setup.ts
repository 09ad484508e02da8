import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { applyFixtures, FIXTURE_EPOCH, FIXTURE_SITE, goneLetter, goneLetterText, newLetter, newSnapshotFile } from '../support/fixture-site.ts';
import { applySecondCampaign } from '../support/second-campaign-site.ts';
import { copyProject, removeProject, startAstro } from '../support/temp-project.ts';
import type { BuildName } from '../support/shared-build.ts';

/**
 * Once per `vitest run` that selects an integration test: makes three project copies and starts
 * two lines of builds side by side in the background,
 * - the fixture site (tests/support/fixture-site.ts: hostile values, a new letter and snapshot,
 *   another SITE_URL), built as `a` (what most integration tests read);
 * - the same fixture site in a second folder, built as `b` after `a`, with its own output and
 *   Astro cache (reproducibility: another checkout of the same tree gives the same bytes). `b`
 *   is first built as the site stood before the fixture's new snapshot and letter (and with a
 *   letter it then loses), then again with them (and without it) into the same output and cache
 *   folders: Astro's incremental build keeps or copies what did not change, and the result must
 *   still be byte for byte what `a` made from nothing, with nothing of the lost letter left;
 * - the second campaign's site (tests/support/second-campaign-site.ts, a few snapshots: it builds
 *   in about a third of the fixture site's time), built as `campaign`.
 * `b` comes after `a` so that it draws no chart `a` has drawn: both read the shared render cache
 * (node_modules/.cache/bluezone-render), and side by side both drew every chart (vitest 127 → 141 s
 * in clean-clone CI). The drawings' own reproducibility is a unit test (chart-images.test.ts).
 * It returns at once, so the unit tests run while the sites build and the cores stay busy. Each
 * build writes `<markers>/build-<name>.json` (status and output) when it ends; the integration
 * tests wait for it (tests/support/shared-build.ts). Teardown ends the builds still running and
 * deletes the copies and the markers.
 */
export default function setup(project: TestProject) {
  const markers = mkdtempSync(join(tmpdir(), 'bluezone-integration-state-'));
  const sites: string[] = [];
  const running = new Set<ChildProcess>();
  let stopped = false;
  const cleanUp = () => {
    for (const site of sites) removeProject(site);
    rmSync(markers, { recursive: true, force: true });
  };
  let fixtureSite: string;
  let fixtureRebuildSite: string;
  let campaignSite: string;
  try {
    fixtureSite = copyProject('bluezone-integration');
    sites.push(fixtureSite);
    applyFixtures(fixtureSite);
    fixtureRebuildSite = copyProject('bluezone-integration-rebuild');
    sites.push(fixtureRebuildSite);
    applyFixtures(fixtureRebuildSite);
    campaignSite = copyProject('second-campaign');
    sites.push(campaignSite);
    applySecondCampaign(campaignSite);
  } catch (error) {
    cleanUp();
    throw error;
  }
  project.provide('sharedBuilds', { roots: { a: fixtureSite, b: fixtureRebuildSite, campaign: campaignSite }, markers });

  const run = async (name: BuildName, root: string, env: Record<string, string>) => {
    const { child, done } = startAstro(root, 'build', { ...env, ASTRO_OUT_DIR: join(root, `dist-${name}`), ASTRO_CACHE_DIR: join(root, `.astro-cache-${name}`) });
    running.add(child);
    const result = await done;
    running.delete(child);
    return result;
  };
  const finish = (name: BuildName, result: { status: number | null; output: string }) => {
    const marker = join(markers, `build-${name}.json`);
    writeFileSync(`${marker}.part`, JSON.stringify(result));
    renameSync(`${marker}.part`, marker);
  };
  const build = async (name: BuildName, root: string, env: Record<string, string>) => {
    if (stopped) return;
    finish(name, await run(name, root, env));
  };
  /**
   * Builds `root` without `files` and with `gone` first, then puts `files` back and takes `gone`
   * away: `name` is the second, incremental build.
   */
  const rebuild = async (name: BuildName, root: string, env: Record<string, string>, files: string[], gone: { file: string; text: string }) => {
    if (stopped) return;
    const held = files.map((file) => [file, readFileSync(join(root, file))] as const);
    for (const [file] of held) rmSync(join(root, file));
    writeFileSync(join(root, gone.file), gone.text);
    const before = await run(name, root, env);
    for (const [file, bytes] of held) writeFileSync(join(root, file), bytes);
    rmSync(join(root, gone.file));
    if (stopped) return;
    if (before.status !== 0) return finish(name, { status: before.status, output: `the build before ${files.join(', ')} failed:\n${before.output}` });
    await build(name, root, env);
  };
  const fixtureEnv = { SITE_URL: `${FIXTURE_SITE}/`, SOURCE_DATE_EPOCH: FIXTURE_EPOCH };
  const builds = Promise.all([
    (async () => {
      await build('a', fixtureSite, fixtureEnv);
      await rebuild('b', fixtureRebuildSite, fixtureEnv, [newSnapshotFile, `content/directives/${newLetter}.mdx`], { file: goneLetter.file, text: goneLetterText() });
    })(),
    build('campaign', campaignSite, { SITE_URL: 'http://localhost:4321' }),
  ]);

  return async () => {
    stopped = true;
    try {
      for (const child of running) child.kill('SIGTERM');
      await builds;
    } finally {
      cleanUp();
    }
  };
}

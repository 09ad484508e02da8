import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyFixtures, FIXTURE_EPOCH, FIXTURE_SITE } from '../support/fixture-site.ts';
import { copyProject, removeProject, startAstro } from '../support/temp-project.ts';
import type { ChildProcess } from 'node:child_process';
import type {} from '../support/shared-build.ts';

/**
 * Once per `vitest run` that selects an integration test: copies the project ONCE, applies every
 * fixture (tests/support/fixture-site.ts), and starts in the background
 *   build `a` (the one every integration test reads), then
 *   build `b` of the same copy with its own output and cache folders (reproducibility).
 * It returns at once, so the unit tests run while the site builds; each build writes
 * `<markers>/build-<name>.json` (status and output) when it ends, and the integration tests wait
 * for it (tests/support/shared-build.ts). Teardown ends a build still running and deletes the
 * copy and the markers.
 */
export default function setup(project: TestProject) {
  const site = copyProject('bluezone-integration');
  const markers = mkdtempSync(join(tmpdir(), 'bluezone-integration-state-'));
  let running: ChildProcess | undefined;
  let stopped = false;
  try {
    applyFixtures(site);
  } catch (error) {
    removeProject(site);
    rmSync(markers, { recursive: true, force: true });
    throw error;
  }
  project.provide('fixtureSite', { root: site, markers });

  const builds = (async () => {
    for (const name of ['a', 'b'] as const) {
      if (stopped) return;
      const env = { SITE_URL: `${FIXTURE_SITE}/`, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, ASTRO_OUT_DIR: join(site, `dist-${name}`), ASTRO_CACHE_DIR: join(site, `.astro-cache-${name}`) };
      const { child, done } = startAstro(site, 'build', env);
      running = child;
      const result = await done;
      running = undefined;
      const marker = join(markers, `build-${name}.json`);
      writeFileSync(`${marker}.part`, JSON.stringify(result));
      renameSync(`${marker}.part`, marker);
    }
  })();

  return async () => {
    stopped = true;
    try {
      if (running?.pid) running.kill('SIGTERM');
      await builds;
    } finally {
      removeProject(site);
      rmSync(markers, { recursive: true, force: true });
    }
  };
}

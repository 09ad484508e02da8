import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface SharedBuild {
  /** The fixture site's project copy. */
  root: string;
  /** Its built output. */
  dist: string;
  status: number | null;
  output: string;
}

/**
 * Waits for build `a` (every integration test reads it) or `b` (the second build of the same
 * copy, for reproducibility) that tests/integration/global-setup.ts started, and returns it.
 */
export async function sharedBuild(name: 'a' | 'b' = 'a'): Promise<SharedBuild> {
  const { root, markers } = inject('fixtureSite');
  const marker = join(markers, `build-${name}.json`);
  while (!existsSync(marker)) await sleep(500);
  const { status, output } = JSON.parse(readFileSync(marker, 'utf8')) as { status: number | null; output: string };
  return { root, dist: join(root, `dist-${name}`), status, output };
}

/** Waiting for the build is part of each integration file's beforeAll. */
export const BUILD_WAIT = 1_500_000;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by tests/integration/global-setup.ts. */
    fixtureSite: { root: string; markers: string };
  }
}

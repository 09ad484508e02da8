import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface SharedBuild {
  /** The project copy it was built from. */
  root: string;
  /** Its built output. */
  dist: string;
  status: number | null;
  output: string;
}

/**
 * The builds tests/integration/global-setup.ts starts: `a` of the fixture site (most integration
 * tests read it), `b` of a second copy of it in another folder (reproducibility), `campaign` of
 * the second campaign's site.
 */
export type BuildName = 'a' | 'b' | 'campaign';

/** Waits for one of the shared builds to end, and returns it. */
export async function sharedBuild(name: BuildName = 'a'): Promise<SharedBuild> {
  const { roots, markers } = inject('sharedBuilds');
  const root = roots[name];
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
    sharedBuilds: { roots: Record<BuildName, string>; markers: string };
  }
}

/// <reference types="vitest/config" />
import { join } from 'node:path';
import { getViteConfig } from 'astro/config';

// The scripts tests start as child processes (fetch-stats about 50 times, check-data, …) keep
// V8's compiled code between starts (Astro's own CLI already does): about 30 % off each start.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, 'node_modules/.cache/node-compile');

// Astro's Vite config, so tests can import `astro:*` modules and render components.
// Two projects: `unit` (no build: fixtures, loaders, schemas, `astro sync` at most) and
// `integration` (ONE build of the fixture site read by every file in tests/integration/, with a
// rebuild for reproducibility and the second campaign's site, all started by its global setup).
// The builds run in the background while the unit tests run; the integration files come after
// them (groupOrder), so none holds a worker while waiting.
export default getViteConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. The
    // slow tests wait on child processes (scripts, servers, `astro sync`) and the builds run
    // beside them, so a worker per core keeps both cores busy (unit tests alone: 89 → 61 s).
    maxWorkers: '100%',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/integration/global-setup.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});

/**
 * build: the deploy build behind `npm run build [-- astro build options]` (and `npm start`).
 *
 *   1. `fetch-stats --if-configured`: the latest figures into the snapshots, when a feed is set;
 *   2. `astro build` with the options given, in a process started with the build's allocator
 *      settings (`BUILD_ALLOCATOR_ENV`: glibc reads them only as a process starts).
 *
 * Each step's exit status is the command's; the second runs only if the first succeeded.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUILD_ALLOCATOR_ENV } from '../src/lib/core/build-env.ts';

const projectRoot = join(import.meta.dirname, '..');
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...BUILD_ALLOCATOR_ENV } }).status ?? 1;

const fetched = node([join(projectRoot, 'scripts/fetch-stats.ts'), '--if-configured']);
if (fetched !== 0) process.exit(fetched);
process.exit(node([join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)]));

/**
 * test: every test, what `npm test` runs (and `.ci/run` on a clean checkout).
 *
 *   1. `astro check` and `vitest run` side by side: the type check is about 20 s of one core,
 *      and vitest leaves room while its first workers and builds start. The check's output is
 *      held and printed when it ends, so the two do not interleave.
 *   2. `npm run build:local`, the site the browser tests visit.
 *   3. `playwright test`.
 * Stops at the first step that fails, with its exit code.
 */
import { spawn, spawnSync } from 'node:child_process';

/** Runs `npx <args>` with its output held, resolving to its exit code and output. */
function held(args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

/** Runs `npx <args>` with its output shown as it comes. */
function shown(args: string[]): Promise<number> {
  return new Promise((resolve) => spawn('npx', args, { stdio: 'inherit' }).on('close', (code) => resolve(code ?? 1)));
}

const [check, unitAndIntegration] = await Promise.all([held(['astro', 'check']), shown(['vitest', 'run'])]);
process.stdout.write(`\n── astro check ──\n${check.output}`);
if (check.status !== 0) process.exit(check.status);
if (unitAndIntegration !== 0) process.exit(unitAndIntegration);

for (const args of [['npm', 'run', 'build:local'], ['npx', 'playwright', 'test']]) {
  const status = spawnSync(args[0]!, args.slice(1), { stdio: 'inherit' }).status ?? 1;
  if (status !== 0) process.exit(status);
}

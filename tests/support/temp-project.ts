import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const projectRoot = resolve(import.meta.dirname, '../..');

const skipped = new Set(['node_modules', '.git', '.astro', 'playwright-report']);

/**
 * Copies the project (sources and content, not builds or dependencies) to a new temporary
 * folder with `node_modules` linked, so tests that add or break content never touch the repo.
 */
export function copyProject(prefix: string): string {
  const tmp = mkdtempSync(join(tmpdir(), `${prefix}-`));
  cpSync(projectRoot, tmp, {
    recursive: true,
    filter: (source) => {
      const top = source.slice(projectRoot.length + 1).split('/')[0]!;
      return !skipped.has(top) && !/^(dist|test-results)/.test(top);
    },
  });
  symlinkSync(join(projectRoot, 'node_modules'), join(tmp, 'node_modules'), 'dir');
  return tmp;
}

/**
 * Keeps only `kept` of the copy's snapshots (content/stats/), so a fixture site builds in a
 * fraction of the real one's time; a kept file that no longer exists is an error naming it.
 */
export function keepSnapshots(tmp: string, kept: readonly string[], fixture: string): void {
  const stats = join(tmp, 'content/stats');
  const snapshots = readdirSync(stats);
  for (const file of kept) if (!snapshots.includes(file)) throw new Error(`${fixture}: content/stats/${file} is gone; choose another snapshot`);
  for (const file of snapshots) if (!kept.includes(file)) rmSync(join(stats, file));
}

export function removeProject(tmp: string): void {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** The address test builds are published at, unless a test sets its own SITE_URL (a deploy build needs one). */
export const TEST_SITE = 'https://bluezone.gov.vn';

/**
 * Runs an Astro command (`build`, `sync`) in `cwd` with the project's Astro and uncoloured
 * output; returns the exit status and everything it printed.
 */
export function runAstro(
  cwd: string,
  command: 'build' | 'sync',
  env: Record<string, string>,
  timeout: number,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), command], {
    cwd,
    env: { ...process.env, SITE_URL: TEST_SITE, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * `runAstro` without blocking: the child process (to end it early, by its id) and a promise of
 * the same result. Lets the integration build run while the unit tests do.
 */
export function startAstro(
  cwd: string,
  command: 'build' | 'sync',
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<{ status: number | null; output: string }> } {
  const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), command], {
    cwd,
    env: { ...process.env, SITE_URL: TEST_SITE, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const done = new Promise<{ status: number | null; output: string }>((resolve) => {
    child.on('error', (error) => resolve({ status: null, output: `${output}\n${error.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
  return { child, done };
}

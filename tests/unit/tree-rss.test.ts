import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe.runIf(process.platform === 'linux')('the bench memory sampler (scripts/lib/tree-rss.ts)', () => {
  it('adds up the processes under its root, names them, and ends by itself once the root is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tree-rss-'));
    try {
      // A root with one child process, like the bench with its build: gone after a second.
      const root = spawn(process.execPath, ['-e', "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 800)'], { stdio: 'ignore' }); setTimeout(() => {}, 1000)"], { stdio: 'ignore' });
      const sampler = spawn(process.execPath, ['scripts/lib/tree-rss.ts', String(root.pid), join(dir, 'peak')], { stdio: 'ignore' });
      await once(root, 'exit');
      // A bench stopped half-way left it sampling nothing, for ever.
      const ended = await Promise.race([once(sampler, 'exit').then(() => true), new Promise((done) => setTimeout(() => done(false), 5000))]);
      if (!ended) sampler.kill();
      expect(ended).toBe(true);
      // The child Node process was counted (tens of MB resident), and is named as holding it.
      const [sum, holders] = readFileSync(join(dir, 'peak'), 'utf8').split('\n');
      expect(Number(sum)).toBeGreaterThan(10);
      expect(holders).toMatch(/^node -e \d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

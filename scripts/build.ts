/**
 * build: the deploy build behind `npm run build [-- astro build options]` (and `npm start`).
 *
 *   1. `fetch-stats --if-configured`: the latest figures into the snapshots, when a feed is set;
 *   2. `astro build` with the options given, in a process started with the build's allocator
 *      settings (`BUILD_ALLOCATOR_ENV`: glibc reads them only as a process starts) and its
 *      JavaScript heap (`BUILD_HEAP_MB`, a Node flag: only a process's start can set it).
 *
 * Each step's exit status is the command's; the second runs only if the first succeeded. A build
 * that outgrows its heap ends with one line saying how to raise it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';
import { join } from 'node:path';
import { astroNodeFlags, BUILD_ALLOCATOR_ENV, buildHeapMb, orExit } from '../src/lib/core/build-env.ts';

const projectRoot = join(import.meta.dirname, '..');

const heapMb = orExit(() => buildHeapMb());

/** Runs Node with `args`; its output passes through as it comes. Resolves to its status and whether V8 ran out of heap. */
async function node(args: string[]): Promise<{ status: number; outOfHeap: boolean }> {
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['inherit', 'inherit', 'pipe'], env: { ...process.env, ...BUILD_ALLOCATOR_ENV } });
  let tail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-4096);
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  // Killed by a signal: the shell's status for it (SIGABRT 134).
  return { status: code ?? 128 + (signal ? constants.signals[signal] : 0), outOfHeap: /JavaScript heap out of memory/.test(tail) };
}

const fetched = await node([join(projectRoot, 'scripts/fetch-stats.ts'), '--if-configured']);
if (fetched.status !== 0) process.exit(fetched.status);
const built = await node([...astroNodeFlags(heapMb), join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)]);
if (built.outOfHeap) {
  console.error(`build: Astro's process needed more than its ${heapMb} MB JavaScript heap: build again with more, e.g. BUILD_HEAP_MB=${heapMb * 2} npm run build`);
  process.exit(1);
}
process.exit(built.status);

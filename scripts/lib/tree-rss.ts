/**
 * Samples the resident memory of a process and all its descendants together (Linux `/proc`), four
 * times a second, and writes the largest sum seen (MB) to a file whenever it grows, with the
 * processes that held it on a second line. GNU time reports the largest single process, but a
 * build runs Astro's Node process and Pagefind's indexer side by side (at 10.000 letters in one
 * index: 3,0 and 4,5 GB at the same moment).
 *
 * Resident memory counts a page shared by two processes in both (the Node binary, the drawing
 * libraries Astro's threads and the card process both load). So it also sums each process's
 * proportional share (PSS: a shared page split between its sharers), what the processes take of
 * the machine's memory together, on a third line. Reading PSS walks a process's page tables
 * (13 ms for 3 GB), so it is read only where the resident sum is within 5 % of its peak so far
 * (with shared pages under that 5 %, a lower sample cannot hold the PSS peak), and there once a
 * second (the build's peak is a plateau of minutes).
 *
 * Usage (by bench-scale.ts, beside a blocking spawnSync): node tree-rss.ts <root pid> <out file>
 * It ends by itself once the root process is gone.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [rootArg, out] = process.argv.slice(2);
const root = Number(rootArg);
if (!Number.isInteger(root) || !out) throw new Error('usage: node tree-rss.ts <root pid> <out file>');

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/**
 * A process by its program and, for Node, its script: `node astro.mjs`, `pagefind_extended`
 * (the kernel's short name is the main thread's, `MainThread` for every Node process).
 */
function processName(pid: number): string | undefined {
  const [program, script] = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').map((arg) => basename(arg));
  if (!program) return undefined;
  return program === 'node' && script ? `node ${script}` : program;
}

/** Resident MB of each of `root`'s descendants (this sampler left out), with its name and pid. */
function tree(): { pid: number; name: string; mb: number }[] {
  const children = new Map<number, number[]>();
  const processes = new Map<number, { pid: number; name: string; mb: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    const status = read(`/proc/${pid}/status`);
    if (!stat || !status) continue;
    // Field 4 after the parenthesised command name (which may hold spaces) is the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
    const name = processName(pid) ?? stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    processes.set(pid, { pid, name, mb: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024 });
  }
  const found: { pid: number; name: string; mb: number }[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const held = processes.get(pid);
    if (pid !== process.pid && held) found.push(held);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Proportional resident MB of a process (0 once it has ended). */
function pssMb(pid: number): number {
  return Number(/^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '')?.[1] ?? 0) / 1024;
}

let peak = 0;
let holders = '';
let pssPeak = 0;
let pssReadAt = 0;
setInterval(() => {
  // Its build is over, or the bench was stopped (Ctrl-C): nothing left to sample.
  if (read(`/proc/${root}/stat`) === undefined) process.exit(0);
  const processes = tree();
  const mb = processes.reduce((sum, { mb }) => sum + mb, 0);
  let changed = false;
  if (mb >= peak * 0.95 && Date.now() - pssReadAt >= 1000) {
    pssReadAt = Date.now();
    const pss = processes.reduce((sum, { pid }) => sum + pssMb(pid), 0);
    if (pss > pssPeak) {
      pssPeak = pss;
      changed = true;
    }
  }
  if (mb > peak) {
    peak = mb;
    changed = true;
    // The sum, then who held it (largest first, from 20 MB): "node astro.mjs 2950, pagefind_extended 640".
    holders = processes
      .filter((p) => p.mb >= 20)
      .sort((a, b) => b.mb - a.mb)
      .map((p) => `${p.name} ${Math.round(p.mb)}`)
      .join(', ');
  }
  if (changed) writeFileSync(out, `${peak}\n${holders}\n${pssPeak}`);
}, 250);

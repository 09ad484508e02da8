/**
 * Samples the resident memory of a process and all its descendants together (Linux `/proc`), four
 * times a second, and writes the largest sum seen (MB) to a file whenever it grows. GNU time
 * reports the largest single process, but a build runs Astro's Node process and Pagefind's
 * indexer side by side: at 10.000 letters 3,0 and 4,5 GB at the same moment.
 *
 * Usage (by bench-scale.ts, beside a blocking spawnSync): node tree-rss.ts <root pid> <out file>
 * It ends by itself once the root process is gone.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

/** Resident MB of `root`'s descendants, this sampler left out. */
function treeMb(): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    const status = read(`/proc/${pid}/status`);
    if (!stat || !status) continue;
    // Field 4 after the parenthesised command name (which may hold spaces) is the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
    rss.set(pid, Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0));
  }
  let kb = 0;
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (pid !== process.pid) kb += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

let peak = 0;
setInterval(() => {
  // Its build is over, or the bench was stopped (Ctrl-C): nothing left to sample.
  if (read(`/proc/${root}/stat`) === undefined) process.exit(0);
  const mb = treeMb();
  if (mb > peak) {
    peak = mb;
    writeFileSync(out, String(peak));
  }
}, 250);

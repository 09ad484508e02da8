/**
 * bench --serve: serves the built site with nginx and the generated deploy configuration on
 * 127.0.0.1 and measures, with Debian's wrk, requests per second and latency (p50, p99) for the
 * home page, a guide page, the statistics page and a chart embed, gzip accepted as a browser
 * does. A benchmark, not a test: each URL is loaded for a bounded time (default 10 s) over
 * loopback only; the figures depend on the machine.
 *
 *   npm run build && npm run bench -- --serve [--seconds 10] [--connections 32]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { startNginx } from '../../src/deploy/nginx.ts';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: true },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '4399' },
  },
  strict: false,
});
const seconds = Math.min(Math.max(Number(values.seconds) || 10, 1), 60);
const connections = Math.min(Math.max(Number(values.connections) || 32, 1), 256);
const root = process.env.ASTRO_OUT_DIR ?? 'dist';
const paths = ['/', '/huong-dan/android/', '/so-lieu/', '/nhung/luot-tai-toan-quoc/'];
for (const path of paths) {
  if (!existsSync(`${root}${path}index.html`)) {
    console.error(`bench: ${root}${path}index.html is missing (run npm run build first)`);
    process.exit(2);
  }
}

/** wrk prints latencies as `1.23ms`, `850.00us`, `1.01s`. */
function milliseconds(text: string): number {
  const [, number, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text) ?? [];
  if (!number) throw new Error(`bench: cannot read wrk latency "${text}"`);
  return Number(number) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit as 'us' | 'ms' | 's' | 'm'];
}

const workers = availableParallelism();
const nginx = await startNginx({ root, port: Number(values.port), workers });
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
console.log(`bench: nginx (${workers} workers) on ${nginx.origin}, wrk ${Math.min(workers, connections)} threads × ${connections} connections, ${seconds} s per URL, gzip`);
let failed = false;
try {
  for (const path of paths) {
    const output = execFileSync(
      'wrk',
      [`-t${Math.min(workers, connections)}`, `-c${connections}`, `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: gzip', `${nginx.origin}${path}`],
      { encoding: 'utf8', timeout: (seconds + 30) * 1000 },
    );
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
    const p50 = milliseconds(/^\s+50%\s+(\S+)/m.exec(output)?.[1] ?? '');
    const p99 = milliseconds(/^\s+99%\s+(\S+)/m.exec(output)?.[1] ?? '');
    const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(output);
    if (errors) failed = true;
    console.log(`bench: ${path.padEnd(28)} ${nf.format(Math.round(rps)).padStart(8)} req/s   p50 ${nf.format(p50)} ms   p99 ${nf.format(p99)} ms${errors ? `   ERRORS: ${errors[0]}` : ''}`);
  }
} finally {
  await nginx.stop();
}
if (failed) process.exitCode = 1;

/**
 * `npm run lighthouse`: Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on one
 * page of each kind of the built site, served gzipped with cache headers by
 * `scripts/lib/serve-dist.ts`, in one headless Chromium. Prints a table and the issue's targets;
 * exits 1 when a page misses one. Run after `npm run build`.
 *
 *   npm run lighthouse                     # dist/
 *   npm run lighthouse -- --dir dist-x --only /so-lieu/ --runs 5
 *
 * Each page runs `--runs` times (default 3) after one discarded warm-up run, and the run with the
 * median performance score is reported: on a shared 2-core machine single runs are noisy.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import lighthouse, { type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from './lib/serve-dist.ts';

/** One page of each kind; the first candidate that was built is used (the map page may not exist yet). */
const PAGES: { kind: string; candidates: string[] }[] = [
  { kind: 'home', candidates: ['/'] },
  { kind: 'guide', candidates: ['/huong-dan/android/'] },
  { kind: 'statistics', candidates: ['/so-lieu/'] },
  { kind: 'province', candidates: ['/so-lieu/ca-mau/'] },
  { kind: 'map', candidates: ['/so-lieu/ban-do/', '/ban-do/'] },
  { kind: 'embed', candidates: ['/nhung/luot-tai-toan-quoc/'] },
];
const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100, lcpMs: 1500, tbtMs: 0, cls: 0 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, only: { type: 'string', multiple: true }, runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 1);
const dir = values.dir;
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No build in "${dir}": run \`npm run build\` first.`);
  process.exit(2);
}
const pages = PAGES.flatMap(({ kind, candidates }) => {
  const path = candidates.find((candidate) => existsSync(join(dir, candidate, 'index.html')));
  if (!path) console.log(`(no ${kind} page built: tried ${candidates.join(', ')})`);
  return path && (!values.only || values.only.includes(path)) ? [{ kind, path }] : [];
});

const server = await serveDist(dir);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// Debian's full Chromium (the figures in the README); its headless shell, which the browser tests
// install, where that is all the machine has.
const chromePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((path) => existsSync(path));
if (!chromePath) throw new Error('lighthouse: no Chromium: set CHROME_PATH, or apt-get install chromium');
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Row {
  kind: string;
  path: string;
  scores: number[];
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failing: string[];
}
async function audit(path: string): Promise<Result> {
  const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
  if (result.lhr.runtimeError) throw new Error(`${path}: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

const rows: Row[] = [];
try {
  // A fresh browser's first page pays for its start-up: not the site's cost.
  if (pages[0]) await audit(pages[0].path);
  for (const { kind, path } of pages) {
    const results: Result[] = [];
    for (let run = 0; run < runs; run++) results.push(await audit(path));
    results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const lhr = results[Math.floor(results.length / 2)]!;
    const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
    // Audits that cost points, so a miss says what to fix.
    const failing = CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}: ${ref.id}${lhr.audits[ref.id]?.displayValue ? ` (${lhr.audits[ref.id]!.displayValue})` : ''}`),
    );
    const shifts = (lhr.audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] } | undefined)?.items ?? [];
    for (const shift of shifts) failing.push(`layout shift ${shift.score?.toFixed(4)}: ${shift.node?.snippet ?? '?'}`);
    rows.push({
      kind,
      path,
      scores,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      failing,
    });
  }
} finally {
  chrome.kill();
  server.close();
}

const nf = (digits: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const header = ['page', 'Perf', 'A11y', 'BP', 'SEO', 'LCP', 'TBT', 'CLS'];
const table = rows.map((row) => [
  `${row.kind} ${row.path}`,
  ...row.scores.map(String),
  `${nf(2).format(row.lcpMs / 1000)} s`,
  `${nf(0).format(row.tbtMs)} ms`,
  nf(3).format(row.cls),
]);
const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const cells of table) console.log(line(cells));

const misses = rows.flatMap((row) => {
  const problems: string[] = [];
  const minimum = [TARGETS.performance, TARGETS.accessibility, TARGETS['best-practices'], TARGETS.seo];
  row.scores.forEach((score, i) => score < minimum[i]! && problems.push(`${CATEGORIES[i]} ${score} < ${minimum[i]}`));
  if (row.lcpMs > TARGETS.lcpMs) problems.push(`LCP ${Math.round(row.lcpMs)} ms > ${TARGETS.lcpMs} ms`);
  if (row.tbtMs > TARGETS.tbtMs) problems.push(`TBT ${Math.round(row.tbtMs)} ms > 0`);
  if (row.cls > TARGETS.cls) problems.push(`CLS ${row.cls.toFixed(3)} > 0`);
  return problems.length ? [`${row.path}: ${problems.join('; ')}${row.failing.length ? `\n    ${row.failing.join('\n    ')}` : ''}`] : [];
});
console.log(misses.length ? `targets MISSED:\n  ${misses.join('\n  ')}` : 'targets: met (Perf ≥ 98, A11y/BP/SEO 100, LCP ≤ 1,5 s, TBT 0, CLS 0)');
process.exitCode = misses.length ? 1 : 0;

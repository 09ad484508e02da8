/**
 * bench: streams 1.000.000 SYNTHETIC CSV rows (every district × consecutive days, generated here
 * into a temp file, never committed) through the same validation as `fetch-stats`, and prints
 * rows/s and peak RSS. Targets: under 10 s and under 300 MB. Exits 1 when a target is missed.
 *
 *   node scripts/bench.ts [--rows 1000000] [--keep]
 *
 * With `--serve`, it benchmarks the built site served by nginx instead (scripts/lib/bench-serve.ts).
 * With `--scale N [--days 730] [--areas all|provinces] [--cold-only | --report-only]` it benchmarks the whole production build instead (scripts/lib/bench-scale.ts);
 * with `--scale 1000,10000` a cold build at each scale and how the cost grows between them. Its builds
 * run with `npm run build`'s allocator settings; `--glibc-defaults` runs them without, for comparison.
 * With `--draw [--days 730] [--areas all|provinces] [--charts 24] [--glibc-defaults]` it times the
 * charts' drawings alone, outside the build (scripts/lib/bench-draw.ts).
 * With `--model [--days 730] [--areas all|provinces]` it times the figure model and the chart
 * bundle alone and prints the heap they hold (scripts/lib/bench-model.ts).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { BUILD_ALLOCATOR_ENV } from '../src/lib/core/build-env.ts';
import { loadRegions } from '../src/content/regions.ts';
import { isoDateInVietnam } from '../src/lib/core/format.ts';
import { CSV_COLUMNS, formatProblem, importCsv } from '../src/lib/stats/import.ts';

const TARGET_SECONDS = 10;
const TARGET_MB = 300;

if (process.argv.includes('--serve')) {
  await import('./lib/bench-serve.ts');
  process.exit();
}
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false }, scale: { type: 'string' }, days: { type: 'string', default: '730' }, areas: { type: 'string', default: 'all' }, 'cold-only': { type: 'boolean', default: false }, 'report-only': { type: 'boolean', default: false }, draw: { type: 'boolean', default: false }, model: { type: 'boolean', default: false }, charts: { type: 'string', default: '24' }, 'glibc-defaults': { type: 'boolean', default: false } } });
if (values.areas !== 'all' && values.areas !== 'provinces') throw new Error(`bench: --areas is all or provinces, not "${values.areas}"`);
if (values.draw) {
  // The drawings run in this process, which glibc set up as it started: started again with the
  // build's allocator settings (as `npm run build` starts Astro), unless measuring without them.
  if (!values['glibc-defaults'] && Object.entries(BUILD_ALLOCATOR_ENV).some(([name, value]) => process.env[name] !== value)) {
    process.exit(spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, ...BUILD_ALLOCATOR_ENV } }).status ?? 1);
  }
  const { benchDraw } = await import('./lib/bench-draw.ts');
  const charts = Number(values.charts);
  if (!Number.isInteger(charts) || charts < 1) throw new Error(`bench: --charts is a number of charts to draw, not "${values.charts}"`);
  await benchDraw(Number(values.days), values.areas, charts);
  process.exit(0);
}
if (values.model) {
  const { benchModel } = await import('./lib/bench-model.ts');
  await benchModel(Number(values.days), values.areas);
  process.exit(0);
}
if (values.scale !== undefined) {
  const { benchGrowth, benchScale, useGlibcDefaults } = await import('./lib/bench-scale.ts');
  if (values['glibc-defaults']) useGlibcDefaults();
  if (values['cold-only'] && values['report-only']) throw new Error('bench: --cold-only and --report-only are two different runs: give one');
  const scales = values.scale.split(',').map(Number);
  if (scales.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bench: --scale is a number of letters or a list of them (1000,10000), not "${values.scale}"`);
  if (scales.length > 1) await benchGrowth(scales, Number(values.days), values.areas);
  else await benchScale(scales[0]!, values.keep, Number(values.days), values.areas, values['cold-only'] ? 'cold' : values['report-only'] ? 'report' : 'all');
  process.exit(0);
}
const total = Number(values.rows);
const regions = loadRegions();
const districts = regions.provinces.flatMap((p) => regions.districtsOf(p.code));
const dir = mkdtempSync(join(tmpdir(), 'bluezone-bench-'));
const file = join(dir, 'synthetic-district-reports.csv');

/** Writes `total` synthetic rows: day by day, every district once per day (so no duplicates). */
async function generate(): Promise<void> {
  const out = createWriteStream(file);
  out.write(`\uFEFF${CSV_COLUMNS.join(',')}\n`);
  const start = Date.UTC(2020, 3, 18);
  let written = 0;
  let batch: string[] = [];
  for (let day = 0; written < total; day++) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < districts.length && written < total; i++, written++) {
      const district = districts[i]!;
      // Synthetic figures (labelled as such): a population and a share growing with the day.
      const population = 50_000 + ((i * 7919) % 400_000);
      const installs = Math.floor((population * ((day % 500) + i % 50)) / 1000);
      const rate = ((installs / population) * 100).toFixed(2).replace('.', ',');
      batch.push(`${date},${district.code},${district.name},district,${installs},${population},,,"${rate}",population,,`);
    }
    if (batch.length >= 5000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.length ? `${batch.join('\n')}\n` : '');
  await once(out, 'finish');
}

await generate();
const bytes = statSync(file).size;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await importCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), {
  regions,
  today: isoDateInVietnam(new Date()),
  source: { id: 'synthetic-bench', name: 'Synthetic benchmark data', reference: 'generated by scripts/bench.ts' },
  collect: false,
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
if (!values.keep) rmSync(dir, { recursive: true, force: true });

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
console.log(`bench: ${nf.format(result.rows)} synthetic rows (${nf.format(districts.length)} districts × days, ${nf.format(bytes / 1e6)} MB CSV)${values.keep ? ` in ${file}` : ''}`);
console.log(`bench: validated in ${nf.format(seconds)} s = ${nf.format(Math.round(result.rows / seconds))} rows/s (CPU time ${nf.format(cpuSeconds)} s); peak RSS ${nf.format(peakMb)} MB`);
console.log(`bench: targets < ${TARGET_SECONDS} s and < ${TARGET_MB} MB: ${seconds < TARGET_SECONDS && peakMb < TARGET_MB ? 'met' : 'MISSED'}`);
if (result.problems.length) {
  console.error(`bench: the synthetic data should be valid, got ${result.problems.length + result.moreProblems} problems, e.g. ${formatProblem(result.problems[0]!)}`);
  process.exitCode = 1;
} else if (result.rows !== total || seconds >= TARGET_SECONDS || peakMb >= TARGET_MB) process.exitCode = 1;

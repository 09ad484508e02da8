/**
 * `npm run bench -- --scale N`: the whole production build at national scale, in a temporary
 * copy of the project (deleted afterwards; never committed):
 *   1. N synthetic letters citing each other, and a CSV of two years of daily figures for every
 *      province and district (scripts/lib/bench-content.ts);
 *   2. cold build, timed: fetch-stats from the local CSV file, then `astro build` (pages, images,
 *      charts, Open Graph cards, Pagefind), with an empty render cache;
 *   3. rebuild after one new day of figures for every place, with the render cache of step 2, and
 *      again after one province's report alone (the issue's "one new snapshot");
 *   4. a plain Astro project with the same number of pages (one layout-less page of the same
 *      text each), built the same way: the baseline for the whole build;
 *   5. what one letter page costs against a plain page, side by side in one build: the copy
 *      again with `--force` (every page made anew, the render cache kept) and three routes of
 *      plain pages added: one as plain as the baseline's, one keyed for Astro's incremental build
 *      as the letter pages are (Astro then keeps a second copy of each page in its cache), and one
 *      keyed inside the site's layout (what any page of the site costs before its own content).
 *      Same process, same moment, same machine load: a ratio a noisy machine cannot skew the
 *      way two separate builds' can.
 * Prints pages, seconds, pages/s and peak memory (max RSS of the build process) for each, and
 * where each site build's time went (phases, and page render time summed by kind of route) from
 * Astro's own log, which is kept next to the copy (`build-<n>.log`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegions } from '../../src/content/regions.ts';
import { astroNodeFlags, BUILD_ALLOCATOR_ENV, PAGES_RENDERED_AT_ONCE } from '../../src/lib/core/build-env.ts';
import { TEST_SITE, copyProject, projectRoot, removeProject } from '../../tests/support/temp-project.ts';
import { daysAfter, FIRST_DAY, writeLetters, writeStatsCsv, type Areas } from './bench-content.ts';

/**
 * The plain pages' routes, in the baseline project and beside the letters in the site: bare (the
 * baseline's page), keyed for Astro's incremental build as a letter page is, and keyed inside the
 * site's layout (`Base.astro`: header, navigation, search box, footer, the card drawn ahead).
 */
const plainPages = {
  bare: { route: 'plain-page', label: 'plain pages' },
  keyed: { route: 'plain-page-keyed', label: 'plain pages, keyed' },
  framed: { route: 'plain-page-framed', label: 'plain pages in the layout, keyed' },
} as const;
type PlainKind = keyof typeof plainPages;
const plainKinds = Object.keys(plainPages) as PlainKind[];

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
// Ratios near the target's 2 need a second decimal; milliseconds too.
const nf2 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

interface Run {
  label: string;
  pages: number;
  seconds: number;
  /** User + system CPU seconds: over `seconds`, how many cores the build kept busy. */
  cpuSeconds: number;
  /** The largest process's peak (GNU time). */
  peakMb: number;
  /** All the build's processes at once (sampled), resident: a page two of them share counts twice. */
  allPeakMb: number;
  /** The same, proportional (PSS): a shared page counts once, what they take of the machine together. */
  allPeakPssMb: number;
  /** Who held that peak: "node astro.mjs 2950, pagefind_extended 640" (largest first). */
  allPeakHolders: string;
  breakdown?: string;
  log: string;
}

/** The kind of a generated file, for the breakdown (letter pages apart from the lists, chart files apart from pages). */
function routeKind(path: string): string {
  const plain = plainKinds.find((kind) => path.startsWith(`/${plainPages[kind].route}/`));
  if (plain) return plainPages[plain].label;
  const letter = /^\/(?:van-ban|en\/directives)\/([^/]+)\/(?:index\.html)?$/.exec(path);
  if (letter && !['trang', 'tinh', 'cap', 'nam', 'dong-thoi-gian', 'page', 'province', 'level', 'year', 'timeline'].includes(letter[1]!)) return 'letter pages';
  if (/^\/(?:van-ban|en\/directives)\//.test(path)) return 'letter lists, timeline, feeds';
  if (/^\/nhung\/[^/]+\/\d{4}-\d{2}-\d{2}\.(?:csv|json)\/?$/.test(path)) return 'dated data files';
  if (/\.(?:csv|json)\/?$/.test(path)) return 'other data files';
  if (/^\/(?:nhung|en\/embed)\/.+\.(?:png|svg)\/?$/.test(path)) return 'chart and map images';
  if (/^\/(?:so-lieu|en\/statistics|nhung|en\/embed|phat-thanh)\//.test(path)) return 'statistics, embed, radio pages';
  return 'other files';
}

// Astro's durations: "512ms", "1.39s" or "1m 14s".
function seconds(stat: string): number {
  const [, minutes, value, unit] = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(stat) ?? [];
  return value === undefined ? NaN : Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);
}

/** Render time summed per kind of route, from each generated file's `(+N ms)` in Astro's log. */
function routeTimes(text: string): Map<string, { files: number; ms: number }> {
  const kinds = new Map<string, { files: number; ms: number }>();
  for (const [, path, stat] of text.matchAll(/(\/\S*) \(\+((?:\d+m )?[\d.]+m?s)\)/g)) {
    const kind = kinds.get(routeKind(path!)) ?? { files: 0, ms: 0 };
    kind.files += 1;
    kind.ms += seconds(stat!) * 1000;
    kinds.set(routeKind(path!), kind);
  }
  return kinds;
}

const withoutColours = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, '');

/** Where a build's time went, read from Astro's log: phases by their log times, routes by their `(+N ms)`. */
function breakdown(log: string): string {
  const text = withoutColours(log);
  const phase = (start: string) => seconds(new RegExp(`${start}[\\s\\S]*?✓ Completed in ((?:\\d+m )?[\\d.]+m?s)`).exec(text)?.[1] ?? '');
  // The clock time of a log line (the last one matching).
  const clock = (pattern: RegExp) => {
    const time = [...text.matchAll(new RegExp(`(\\d\\d):(\\d\\d):(\\d\\d) ${pattern.source}`, 'g'))].at(-1);
    return time ? Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]) : NaN;
  };
  const afterImages = clock(/\[build\] ✓ Completed in/);
  // Pagefind starts when the pages are written and indexes while the cards are drawn.
  const cards = clock(/\[bluezone:og-images\]/);
  const afterBoth = Math.max(cards, clock(/\[bluezone:pagefind\]/));
  // Astro's optimised images (none since the guide's drawings are served as SVG): shown when there are some.
  const images = phase('generating optimized images');
  const kinds = routeTimes(text);
  const total = [...kinds.values()].reduce((sum, kind) => sum + kind.ms, 0);
  const lines = [
    `  phases: content sync ${nf.format(clock(/\[content\] Synced content/) - clock(/\[content\] Syncing content/))} s, bundling ${nf.format(clock(/\[build\] Rearranging server assets/) - clock(/\[content\] Synced content/))} s, pages ${nf.format(phase('generating static routes'))} s, ${Number.isNaN(images) ? '' : `optimised images ${nf.format(images)} s, `}Open Graph cards ${nf.format(cards - afterImages)} s with Pagefind beside them ${nf.format(afterBoth - afterImages)} s, offline list ${nf.format(clock(/\[bluezone:offline\]/) - afterBoth)} s`,
    `  copied from the last build by Astro's incremental build: ${nf.format([...text.matchAll(/ \((?:restored|cached)\)/g)].length)} files`,
    '  page render time summed over routes made anew (four render at once, so the sum exceeds the phase):',
    ...[...kinds].sort((a, b) => b[1].ms - a[1].ms).map(([kind, { files, ms }]) => `    ${kind.padEnd(32)} ${nf.format(files).padStart(8)} files ${nf.format(ms / 1000).padStart(8)} s ${nf.format((100 * ms) / total).padStart(5)} %`),
  ];
  return lines.join('\n');
}

/** Mean render time of one route of a kind (ms, as Astro logs it). */
function meanRouteMs(log: string, kind: string): number {
  const times = routeTimes(withoutColours(log)).get(kind);
  return times ? times.ms / times.files : NaN;
}

/**
 * The allocator settings every build here runs with: those of `npm run build` (`BUILD_ALLOCATOR_ENV`),
 * or glibc's own with `--glibc-defaults`, to measure what they change side by side.
 */
let allocatorEnv: Readonly<Record<string, string>> = BUILD_ALLOCATOR_ENV;
export function useGlibcDefaults(): void {
  allocatorEnv = {};
}

/**
 * Runs a command under GNU time: wall seconds, CPU seconds, the peak RSS of its largest process
 * (GNU time) and the peak of all its processes at once (`tree-rss.ts` sampling beside it: Astro
 * and Pagefind's indexer run side by side).
 */
function timed(command: string[], cwd: string, env: Record<string, string> = {}): { seconds: number; cpuSeconds: number; peakMb: number; allPeakMb: number; allPeakPssMb: number; allPeakHolders: string; output: string } {
  const peakFile = join(mkdtempSync(join(tmpdir(), 'bluezone-rss-')), 'peak');
  const sampler = spawn(process.execPath, [join(import.meta.dirname, 'tree-rss.ts'), String(process.pid), peakFile], { stdio: 'ignore' });
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH_TIME %e %M %U %S', ...command], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...allocatorEnv, ...env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  sampler.kill();
  let allPeakMb = 0;
  let allPeakPssMb = 0;
  let allPeakHolders = '';
  try {
    const [sum = '0', holders = '', pss = '0'] = readFileSync(peakFile, 'utf8').split('\n');
    allPeakMb = Number(sum);
    allPeakPssMb = Number(pss);
    allPeakHolders = holders;
  } catch {
    // A command shorter than one sample (the fetch of a one-day file): nothing sampled.
  }
  rmSync(join(peakFile, '..'), { recursive: true, force: true });
  const output = `${result.stdout}\n${result.stderr}`;
  const match = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    const log = join(tmpdir(), `bluezone-bench-failure-${process.pid}.log`);
    writeFileSync(log, output);
    const errors = output.split('\n').filter((line) => /error|failed|problem/i.test(line) && !/\[WARN\]/.test(line));
    throw new Error(`${command.join(' ')} failed in ${cwd} (whole output in ${log}):\n${errors.slice(0, 30).join('\n')}`);
  }
  return { seconds: Number(match[1]), cpuSeconds: Number(match[3]) + Number(match[4]), peakMb: Number(match[2]) / 1024, allPeakMb, allPeakPssMb, allPeakHolders, output };
}

function countPages(dist: string): number {
  return readdirSync(dist, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** fetch-stats from a local file, then the production build: what `npm run build` does. */
function siteBuild(dir: string, csv: string, label: string, logName: string): Run {
  const fetch = timed([process.execPath, 'scripts/fetch-stats.ts', '--source', csv, '--source-id', 'synthetic-bench', '--source-name', 'Synthetic benchmark figures (not real)', '--max-bytes', String(statSync(csv).size), '--max-rows', '10000000'], dir);
  const build = timed([process.execPath, ...astroNodeFlags(), astro, 'build'], dir);
  writeFileSync(join(dir, logName), build.output);
  return { label, pages: countPages(join(dir, 'dist')), seconds: fetch.seconds + build.seconds, cpuSeconds: fetch.cpuSeconds + build.cpuSeconds, peakMb: Math.max(fetch.peakMb, build.peakMb), allPeakMb: Math.max(fetch.allPeakMb, build.allPeakMb), allPeakPssMb: Math.max(fetch.allPeakPssMb, build.allPeakPssMb), allPeakHolders: build.allPeakMb >= fetch.allPeakMb ? build.allPeakHolders : fetch.allPeakHolders, breakdown: `${label} (fetch-stats ${fetch.seconds} s; log ${join(dir, logName)}):\n${breakdown(build.output)}`, log: build.output };
}

/**
 * A route of `pages` pages of a letter's kind of text (see `plainPages`): bare, what any page
 * costs Astro itself; keyed, with a `cacheKey` as a letter's page has, so Astro's incremental
 * build records it and keeps a copy of it in its cache (what lets a rebuild skip it); framed,
 * keyed and inside the site's layout.
 */
function writePlainRoute(projectDir: string, pages: number, kind: PlainKind): string {
  const folder = join(projectDir, 'src/pages', plainPages[kind].route);
  mkdirSync(folder, { recursive: true });
  const key = kind === 'bare' ? '' : ', cacheKey: `plain-${i}`';
  const head = kind === 'framed' ? "import Base from '../../layouts/Base.astro';\n" : '';
  // Left out of search (a letter page is in it): the same render but for two attributes, and the
  // side-by-side build's index stays the site's. One title for all: the layout hands each page's
  // card to the process drawing cards ahead, which finds a letter's card in the render cache (the
  // builds before drew it) and would otherwise draw a new card beside every one of these pages.
  const body =
    kind === 'framed'
      ? '<Base lang="vi" title="Văn bản" description="Văn bản" twinPath={null} searchable={false}>\n<h1>Văn bản số {n}</h1><p>{text}</p>\n</Base>'
      : '<html lang="vi"><head><meta charset="utf-8" /><title>Văn bản {n}</title></head>\n<body><main><h1>Văn bản số {n}</h1><p>{text}</p></main></body></html>';
  writeFileSync(
    join(folder, '[n].astro'),
    `---
${head}export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) }${key} }));
}
const { n } = Astro.params;
const text = 'Thực hiện Công văn số 4865/UBND-KGVX ngày 13/8/2020 về việc tăng cường triển khai thực hiện cài đặt ứng dụng Bluezone. '.repeat(40);
---
${body}
`,
  );
  return folder;
}

/** A plain Astro site of `pages` pages of similar text: what any page costs Astro itself. */
function baselineBuild(pages: number): Run {
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-baseline-'));
  try {
    symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
    // The site's own concurrency: Astro logs a page's time from its start to its end, which grows
    // with the pages rendering beside it (a plain page: 1,5 ms one at a time, 5,0 ms four at a time).
    writeFileSync(join(dir, 'astro.config.mjs'), `export default { cacheDir: './node_modules/.astro-baseline', build: { concurrency: ${PAGES_RENDERED_AT_ONCE} } };\n`);
    writePlainRoute(dir, pages, 'bare');
    const build = timed([process.execPath, ...astroNodeFlags(), astro, 'build'], dir);
    return { label: 'plain Astro, same page count', pages: countPages(join(dir, 'dist')), seconds: build.seconds, cpuSeconds: build.cpuSeconds, peakMb: build.peakMb, allPeakMb: build.allPeakMb, allPeakPssMb: build.allPeakPssMb, allPeakHolders: build.allPeakHolders, log: build.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A letter page's render time against plain pages made in the same build (step 5 above): as many
 * plain pages of each kind as there are letter pages, then the routes are taken out again.
 */
function sideBySideBuild(dir: string, letterPages: number): { letterMs: number; plainMs: Record<PlainKind, number>; log: string } {
  const folders = plainKinds.map((kind) => writePlainRoute(dir, letterPages, kind));
  try {
    const build = timed([process.execPath, ...astroNodeFlags(), astro, 'build', '--force'], dir);
    writeFileSync(join(dir, 'build-4.log'), build.output);
    const plainMs = Object.fromEntries(plainKinds.map((kind) => [kind, meanRouteMs(build.output, plainPages[kind].label)])) as Record<PlainKind, number>;
    return { letterMs: meanRouteMs(build.output, 'letter pages'), plainMs, log: join(dir, 'build-4.log') };
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * `days`: days of figures (the issue's two years = 730; fewer isolates the cost of letters).
 * `areas`: figures for every province and district (the issue's case), or provinces only (63
 * places instead of 768, so the cost of letters is not hidden under ~1.500 district charts).
 * `steps`: every step, the cold build alone, or the cold build and the rebuild after one
 * province's report (the issue's "3× faster" target, without the hour the other steps take with
 * every district's figures).
 */
export async function benchScale(letters: number, keep: boolean, days = 730, areas: Areas = 'all', steps: BenchSteps = 'all'): Promise<Run> {
  const regions = loadRegions();
  const dir = copyProject('bluezone-scale');
  try {
    // The copy gets its own render cache (empty: a cold build) instead of the linked one.
    const written = writeLetters(join(dir, 'content/directives'), letters, regions);
    const csv = join(dir, 'bench-figures.csv');
    const statsDir = join(dir, 'content/stats');
    const rows = await writeStatsCsv(csv, regions, FIRST_DAY, days, statsDir, areas);
    console.log(`bench --scale: ${written} letters, ${rows} rows (${days} days × every ${areas === 'all' ? 'province and district' : 'province'}) in ${dir}`);
    // A production build needs the address it is published at.
    const env = { ASTRO_CACHE_DIR: join(dir, '.cache/astro'), SITE_URL: TEST_SITE };
    Object.assign(process.env, env, { RENDER_CACHE_DIR: join(dir, '.cache/render') });
    const cold = siteBuild(dir, csv, 'cold build', 'build-1.log');
    console.log(cold.breakdown);
    if (steps === 'cold') {
      console.log(`\ncold build only: ${nf.format(cold.pages)} pages, ${nf.format(cold.seconds)} s, ${nf.format(cold.cpuSeconds)} s of CPU, ${nf.format(cold.pages / cold.seconds)} pages/s, peak ${nf.format(cold.peakMb)} MB (largest process), ${nf.format(cold.allPeakMb)} MB (all processes at once: ${cold.allPeakHolders}; ${nf.format(cold.allPeakPssMb)} MB with shared pages counted once)`);
      return cold;
    }
    // The day after the cold build's figures.
    const lastDay = daysAfter(FIRST_DAY, days);
    let warm: Run | undefined;
    if (steps === 'all') {
      const nextDay = join(dir, 'bench-next-day.csv');
      await writeStatsCsv(nextDay, regions, lastDay, 1, statsDir, areas);
      warm = siteBuild(dir, nextDay, 'rebuild after one new day', 'build-2.log');
      console.log(warm.breakdown);
    }
    // One province's report the day after the last build's figures (Cà Mau): its charts, the rankings and the maps change, nothing else.
    const oneReport = join(dir, 'bench-one-province.csv');
    const reportDay = warm ? daysAfter(lastDay, 1) : lastDay;
    await writeStatsCsv(oneReport, regions, reportDay, 1, statsDir, areas, '96');
    const single = siteBuild(dir, oneReport, 'rebuild after one province’s report', 'build-3.log');
    console.log(single.breakdown);
    const reportRatio = `cold build / rebuild after one province’s report: ${nf.format(cold.seconds / single.seconds)}×`;
    if (!warm) {
      console.log(runsTable(letters, [cold, single]));
      console.log(reportRatio);
      return cold;
    }
    const baseline = baselineBuild(cold.pages);
    const letterPages = routeTimes(withoutColours(cold.log)).get('letter pages')?.files ?? 0;
    const sideBySide = sideBySideBuild(dir, letterPages);
    console.log(runsTable(letters, [cold, warm, single, baseline]));
    console.log(`cold build / plain Astro: ${nf.format(cold.seconds / baseline.seconds)}× the time for the same page count`);
    console.log(`cold build / rebuild after one new day: ${nf.format(cold.seconds / warm.seconds)}×`);
    console.log(reportRatio);
    // The issue's "a letter page costs at most 2× that baseline", page for page as Astro times them.
    const letterMs = meanRouteMs(cold.log, 'letter pages');
    const plainMs = meanRouteMs(baseline.log, plainPages.bare.label);
    console.log(`a letter page renders in ${nf2.format(letterMs)} ms, a plain page in ${nf2.format(plainMs)} ms (Astro's per-page times, two cold builds, ${PAGES_RENDERED_AT_ONCE} pages at once): ${nf2.format(letterMs / plainMs)}×`);
    const { letterMs: besideMs, plainMs: beside } = sideBySide;
    const against = (kind: PlainKind, label: string) => `${label} ${nf2.format(beside[kind])} ms (${nf2.format(besideMs / beside[kind])}×)`;
    console.log(
      `side by side in one build (astro build --force, ${nf.format(letterPages)} pages of each kind; log ${sideBySide.log}): a letter page ${nf2.format(besideMs)} ms; ${against('bare', 'a plain page')}, ${against('keyed', 'keyed for the incremental build as a letter page is')}, ${against('framed', 'keyed and in the site’s layout')}`,
    );
    return cold;
  } finally {
    if (!keep) removeProject(dir);
  }
}

/** The runs as a Markdown table (as the README quotes them), then who held each one's memory peak. */
function runsTable(letters: number, runs: Run[]): string {
  const rows = runs.map((run) => `| ${run.label} | ${nf.format(run.pages)} | ${nf.format(run.seconds)} | ${nf.format(run.cpuSeconds)} | ${nf.format(run.pages / run.seconds)} | ${nf.format(run.peakMb)} | ${nf.format(run.allPeakMb)} | ${nf.format(run.allPeakPssMb)} |`);
  return `\n| N = ${nf.format(letters)} | pages | seconds | CPU seconds | pages/s | peak MB, largest process | peak MB, all at once | the same, shared pages once (PSS) |\n|:--|--:|--:|--:|--:|--:|--:|--:|\n${rows.join('\n')}\n\nat each build's peak, all at once (MB): ${runs.map((run) => `${run.label}: ${run.allPeakHolders}`).join('; ')}`;
}

/** Which builds `benchScale` makes (see there). */
export type BenchSteps = 'all' | 'cold' | 'report';

/** The issue's "cost grows linearly": pages/s at the largest scale within this share of pages/s at the smallest. */
const LINEAR_WITHIN = 0.25;

/**
 * `--scale 1000,10000`: a cold build at each scale, one after the other, and how the cost grows
 * between them: pages/s over each whole build (the issue's wording), and at the margin (the
 * seconds each added page costs), with the fixed part that a straight line through the two
 * builds puts under every build (the charts, maps and dated data files of the figures, which do
 * not grow with the letters).
 */
export async function benchGrowth(scales: number[], days: number, areas: Areas): Promise<void> {
  const runs: { letters: number; cold: Run }[] = [];
  for (const letters of scales) runs.push({ letters, cold: await benchScale(letters, false, days, areas, 'cold') });
  const rows = runs.map(({ letters, cold }) => `| ${nf.format(letters)} | ${nf.format(cold.pages)} | ${nf.format(cold.seconds)} | ${nf.format(cold.pages / cold.seconds)} |`);
  console.log(`\n| letters | pages | cold build s | pages/s |\n|:--|--:|--:|--:|\n${rows.join('\n')}`);
  for (const [i, { letters, cold }] of runs.entries()) {
    const before = runs[i - 1];
    if (!before) continue;
    const perPage = (cold.seconds - before.cold.seconds) / (cold.pages - before.cold.pages);
    const fixed = before.cold.seconds - before.cold.pages * perPage;
    const whole = cold.pages / cold.seconds / (before.cold.pages / before.cold.seconds);
    console.log(
      `${nf.format(before.letters)} → ${nf.format(letters)} letters: each added page ${nf2.format(perPage * 1000)} ms (${nf.format(1 / perPage)} pages/s at the margin), on a fixed ${nf.format(fixed)} s; pages/s over the whole build ×${nf2.format(whole)} (${Math.abs(whole - 1) <= LINEAR_WITHIN ? 'within' : 'not within'} ${LINEAR_WITHIN * 100} %)`,
    );
  }
}

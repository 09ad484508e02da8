/**
 * `npm run bench -- --draw [--days 730] [--areas all|provinces] [--charts 24]`: what the charts'
 * drawings alone cost at national scale, outside the build. Builds the charts of the same
 * SYNTHETIC figures as `--scale` (every province and district, two years of daily figures; never
 * committed), then draws the images the build publishes for the first `--charts` district charts
 * (`chartOutputs`: two page widths and three newsroom formats as PNG and SVG, in two languages)
 * through the build's own drawing threads, all at once, with an empty render cache. Prints the
 * time and CPU a chart takes and the least time every chart's drawings need on this machine's
 * cores: a floor under any build that publishes them, before a single page is made, and the
 * process's peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegions } from '../../src/content/regions.ts';
import { buildCharts } from '../../src/lib/charts/model/from-figures.ts';
import { chartOutputs } from '../../src/lib/charts/publish/outputs.ts';
import { syntheticSnapshots, type Areas } from './bench-content.ts';

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export async function benchDraw(days: number, areas: Areas, sample: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-bench-draw-'));
  // Every drawing is made, none read back from an earlier run.
  process.env.RENDER_CACHE_DIR = join(dir, 'render-cache');
  try {
    const regions = loadRegions();
    const { rows, snapshots } = await syntheticSnapshots(dir, regions, days, areas, 'bench --draw');
    const charts = buildCharts({ snapshots, directives: [], statementTargets: [], regions });
    const districtCharts = charts.filter((spec) => regions.byCode(spec.regionCode)?.level === 'district');
    const drawn = (districtCharts.length > 0 ? districtCharts : charts).slice(0, sample);
    const bundle = { inputs: { snapshots: [], directives: [], statementTargets: [], regions }, figures: [], charts: drawn.map((spec) => ({ spec, versions: [] })) };
    const images = (['vi', 'en'] as const).flatMap((lang) => chartOutputs(bundle, lang)).filter((output) => output.contentType.startsWith('image/'));
    const perChart = images.length / drawn.length;
    console.log(`bench --draw: ${nf.format(charts.length)} charts from ${nf.format(rows)} synthetic rows (${days} days × ${areas === 'all' ? 'every province and district' : 'every province'}), ${nf.format(districtCharts.length)} of them a district's; ${perChart} drawings each`);
    const site = new URL('https://bluezone.example/');
    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(images.map((output) => output.body(site)));
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (used.user + used.system) / 1e6;
    const cores = availableParallelism();
    console.log(`drew ${drawn.length} ${districtCharts.length > 0 ? 'district ' : ''}charts' ${images.length} files at once on ${cores} drawing threads in ${nf.format(seconds)} s: ${nf.format((seconds * 1000) / drawn.length)} ms a chart, ${nf.format((cpuSeconds * 1000) / drawn.length)} ms of CPU a chart`);
    console.log(`peak memory ${nf.format(process.resourceUsage().maxRSS / 1024)} MB (this process: every chart's figures and specs, both drawing threads)`);
    console.log(`every chart's ${nf.format(charts.length * perChart)} drawings: at least ${nf.format((seconds * charts.length) / drawn.length)} s with all ${cores} cores drawing (${nf.format((cpuSeconds * charts.length) / drawn.length)} s of CPU), before any page is made`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

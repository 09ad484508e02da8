/**
 * `npm run bench -- --model [--days 730] [--areas all|provinces]`: what the figure model and the
 * charts cost in the build's main thread at national scale, outside the build. Imports the same
 * SYNTHETIC figures as `--scale` (every province and district, two years of daily figures; never
 * committed) as the build reads them (parsed JSON), then makes every figure
 * (`figuresFromSnapshots`) and the chart bundle (every chart and its dated versions,
 * `chartBundle`, with no store of versions from an earlier build) and prints the time each took
 * and the JavaScript heap each holds afterwards (after a full collection).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadRegions } from '../../src/content/regions.ts';
import { chartBundle } from '../../src/lib/charts/publish/catalogue.ts';
import { figuresFromSnapshots, type SnapshotEntry } from '../../src/lib/stats/load.ts';
import { syntheticSnapshots, type Areas } from './bench-content.ts';

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A full collection, then the JavaScript heap in use (bytes). */
function heapAfterCollection(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function benchModel(days: number, areas: Areas): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-bench-model-'));
  try {
    const regions = loadRegions();
    const synthetic = await syntheticSnapshots(dir, regions, days, areas, 'bench --model');
    const { rows } = synthetic;
    // As the build reads them: plain objects parsed from JSON.
    const snapshots = JSON.parse(JSON.stringify(synthetic.snapshots)) as SnapshotEntry[];
    synthetic.snapshots.length = 0;
    const before = heapAfterCollection();
    let started = performance.now();
    const figures = figuresFromSnapshots(snapshots);
    const figureMs = performance.now() - started;
    const withFigures = heapAfterCollection();
    started = performance.now();
    const bundle = chartBundle({ snapshots, directives: [], statementTargets: [], regions });
    const bundleSeconds = (performance.now() - started) / 1000;
    const withBundle = heapAfterCollection();
    const versions = bundle.charts.reduce((sum, chart) => sum + chart.versions.length, 0);
    const mb = (bytes: number) => nf.format(bytes / 1e6);
    console.log(`bench --model: ${nf.format(rows)} synthetic rows (${days} days × ${areas === 'all' ? 'every province and district' : 'every province'}), ${snapshots.length} snapshots`);
    console.log(`figures: ${nf.format(figures.length)} in ${nf.format(figureMs)} ms, ${mb(withFigures - before)} MB of heap (${nf.format((withFigures - before) / figures.length)} bytes a figure)`);
    console.log(`chart bundle: ${nf.format(bundle.charts.length)} charts and ${nf.format(versions)} dated versions in ${nf.format(bundleSeconds)} s, ${mb(withBundle - withFigures)} MB of heap more`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Lang } from '../../../i18n/index.ts';
import type { ChartSpec } from '../model/spec.ts';
import type { ImageFormat } from '../../images/formats.ts';
import type { MapLayer } from '../../maps/draw.ts';
import type { OgCard } from '../../images/og.ts';

const POOL = Symbol.for('bluezone.draw-pool');

/**
 * Chart and map drawings and Open Graph cards in worker threads (piscina), one per core. Drawing is synchronous
 * JavaScript (Chart.js on a Skia canvas), so on the build's main thread it ran one drawing at a
 * time while Astro waited: at national scale two thirds of page time was drawings on one core.
 * Tasks are plain data (specs are JSON-safe); each drawing stays byte-identical wherever it runs.
 */
export type DrawTask =
  | { kind: 'chart-svg'; spec: ChartSpec; lang: Lang; width: number }
  | { kind: 'chart-image-svg' | 'chart-png'; spec: ChartSpec; lang: Lang; format: ImageFormat; host: string | undefined }
  | { kind: 'map-image-svg' | 'map-png'; layer: MapLayer; lang: Lang; format: ImageFormat; host: string | undefined }
  | { kind: 'og-card'; card: OgCard };

/**
 * One pool per build process, kept on `globalThis`: Astro bundles this module into its pages
 * while the integrations load it from source, and the Open Graph cards drawn ahead while the pages
 * are made (src/integrations/og-images.ts) must share the charts' threads, not add as many again.
 * `waited` counts the drawings a page is waiting for: a card drawn ahead starts only when none is.
 */
interface SharedPool {
  pool?: Piscina;
  waited: number;
}
const shared: SharedPool = ((globalThis as { [POOL]?: SharedPool })[POOL] ??= { waited: 0 });

/** The worker is loaded from source: the build runs in the project folder (Astro bundles this module, not the worker). */
function workerFile(): string {
  const file = join(process.cwd(), 'src/lib/charts/publish/draw-worker.ts');
  if (!existsSync(file)) throw new Error(`draw-pool: ${file} not found; build from the project folder`);
  return pathToFileURL(file).href;
}

/** Draws in a worker; resolves to SVG text or PNG bytes as the task's kind says. */
async function drawInWorker(task: DrawTask, ahead = false): Promise<Uint8Array | string> {
  // Idle threads end after a second, so a finished build's process can exit.
  shared.pool ??= new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: availableParallelism(), idleTimeout: 1000 });
  if (ahead) return shared.pool.run(task);
  shared.waited += 1;
  try {
    return await shared.pool.run(task);
  } finally {
    shared.waited -= 1;
  }
}

/** True while a drawing someone waits for is queued or being drawn. */
export function drawingsWaitedFor(): boolean {
  return shared.waited > 0;
}

export async function drawSvg(task: DrawTask & { kind: 'chart-svg' | 'chart-image-svg' | 'map-image-svg' }): Promise<string> {
  return (await drawInWorker(task)) as string;
}

/** `ahead`: drawn before anyone needs it (not counted by `drawingsWaitedFor`). */
export async function drawPng(task: DrawTask & { kind: 'chart-png' | 'map-png' | 'og-card' }, ahead = false): Promise<Uint8Array> {
  return (await drawInWorker(task, ahead)) as Uint8Array;
}

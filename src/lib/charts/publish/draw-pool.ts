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
import { recentlyMade } from '../../core/recent.ts';
import { registerFonts } from '../../images/fonts.ts';

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

let pool: Piscina | undefined;

/** The worker is loaded from source: the build runs in the project folder (Astro bundles this module, not the worker). */
function workerFile(): string {
  const file = join(process.cwd(), 'src/lib/charts/publish/draw-worker.ts');
  if (!existsSync(file)) throw new Error(`draw-pool: ${file} not found; build from the project folder`);
  return pathToFileURL(file).href;
}

type WithSpecText<T> = T extends { spec: ChartSpec } ? Omit<T, 'spec'> & { spec: string } : T;
/** A task as a worker receives it: a chart's spec as its JSON text. */
export type PostedTask = WithSpecText<DrawTask>;

/**
 * A chart's spec goes to the worker as JSON text, written once for its drawings (specs are never
 * changed once built; a chart's drawings are asked for one after another): posted as an object,
 * two years of daily points were copied on the main thread for each of the chart's 16 drawings,
 * 44 s of a build with every district's figures. Text crosses to the worker in one copy. Only the
 * last few texts are kept (every chart's would be 200 MB at every district's figures).
 */
const specText = recentlyMade(8, (spec: ChartSpec) => JSON.stringify(spec));

function posted(task: DrawTask): PostedTask {
  return 'spec' in task ? { ...task, spec: specText(task.spec) } : task;
}

/** Draws in a worker; resolves to SVG text or PNG bytes as the task's kind says. */
function drawInWorker(task: DrawTask): Promise<Uint8Array | string> {
  // The fonts first, here: threads that registered them while another drew changed its text (fonts.ts).
  if (!pool) registerFonts();
  // Idle threads end after a second, so a finished build's process can exit.
  pool ??= new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: availableParallelism(), idleTimeout: 1000 });
  return pool.run(posted(task));
}

export type SvgTask = DrawTask & { kind: 'chart-svg' | 'chart-image-svg' | 'map-image-svg' };
export type PngTask = DrawTask & { kind: 'chart-png' | 'map-png' | 'og-card' };

/** Whether a task draws PNG bytes (else SVG text). */
export function drawsPng(task: DrawTask): task is PngTask {
  return task.kind === 'chart-png' || task.kind === 'map-png' || task.kind === 'og-card';
}

/** Any drawing: PNG bytes or SVG text, as its kind says. */
export const draw: (task: DrawTask) => Promise<Uint8Array | string> = drawInWorker;

export async function drawSvg(task: SvgTask): Promise<string> {
  return (await drawInWorker(task)) as string;
}

export async function drawPng(task: PngTask): Promise<Uint8Array> {
  return (await drawInWorker(task)) as Uint8Array;
}

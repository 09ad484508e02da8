/**
 * One drawing per call, in a worker thread of `draw-pool.ts`: the build's main thread renders
 * pages while the other cores draw. Loaded by Node from this source file (type stripping).
 */
import { chartImagePng, chartImageSvg, renderSvg } from '../draw/render.ts';
import { loadProvinceShapes } from '../../maps/data.ts';
import { mapImagePng, mapImageSvg } from '../../maps/images.ts';
import { renderOgCard } from '../../images/og.ts';
import type { PostedTask } from './draw-pool.ts';
import type { ChartSpec } from '../model/spec.ts';
import { recentlyMade } from '../../core/recent.ts';

/** The last few specs read, by their text: a chart's drawings arrive one after another, so each spec is parsed about once per thread. */
const specOf = recentlyMade(4, (text: string) => JSON.parse(text) as ChartSpec);

export default async function draw(task: PostedTask): Promise<Uint8Array | string> {
  switch (task.kind) {
    case 'chart-svg':
      return renderSvg(specOf(task.spec), task.lang, task.width);
    case 'chart-image-svg':
      return chartImageSvg(specOf(task.spec), task.lang, task.format, task.host);
    case 'chart-png':
      return new Uint8Array(await chartImagePng(specOf(task.spec), task.lang, task.format, task.host));
    case 'map-image-svg':
      return mapImageSvg(loadProvinceShapes(), task.layer, task.lang, task.format, task.host);
    case 'map-png':
      return new Uint8Array(await mapImagePng(loadProvinceShapes(), task.layer, task.lang, task.format, task.host));
    case 'og-card':
      return new Uint8Array(await renderOgCard(task.card));
  }
}

/**
 * One drawing per call, in a worker thread of `draw-pool.ts`: the build's main thread renders
 * pages while the other cores draw. Loaded by Node from this source file (type stripping).
 */
import { chartImagePng, chartImageSvg, renderSvg } from '../draw/render.ts';
import { loadProvinceShapes } from '../../maps/data.ts';
import { mapImagePng, mapImageSvg } from '../../maps/images.ts';
import { renderOgCard } from '../../images/og.ts';
import type { DrawTask } from './draw-pool.ts';

export default async function draw(task: DrawTask): Promise<Uint8Array | string> {
  switch (task.kind) {
    case 'chart-svg':
      return renderSvg(task.spec, task.lang, task.width);
    case 'chart-image-svg':
      return chartImageSvg(task.spec, task.lang, task.format, task.host);
    case 'chart-png':
      return new Uint8Array(await chartImagePng(task.spec, task.lang, task.format, task.host));
    case 'map-image-svg':
      return mapImageSvg(loadProvinceShapes(), task.layer, task.lang, task.format, task.host);
    case 'map-png':
      return new Uint8Array(await mapImagePng(loadProvinceShapes(), task.layer, task.lang, task.format, task.host));
    case 'og-card':
      return new Uint8Array(await renderOgCard(task.card));
  }
}

import type { SvgCanvas } from '@napi-rs/canvas';

/**
 * A canvas's SVG export with its clip-path ids renamed in order of appearance (`clip-1`, …).
 * Skia names them from a counter shared by the whole process (`cl_5`, `cl_1a`), so one drawing
 * got other ids depending on what the build had drawn before it, and two builds of one commit
 * wrote different bytes. Every export is a standalone file, so ids need only be unique within it.
 */
export function canvasSvg(canvas: SvgCanvas): string {
  const ids = new Map<string, string>();
  return canvas.getContent().toString('utf8').replace(/\bcl_[0-9a-f]+\b/g, (id) => {
    let stable = ids.get(id);
    if (!stable) ids.set(id, (stable = `clip-${ids.size + 1}`));
    return stable;
  });
}

/**
 * `npm run contact-sheet [chart-id] [--full DIR]`: every newsroom image of one chart (three
 * formats × two languages) drawn from the committed data and laid side by side in
 * `docs/contact-sheet.png`, for the README and for looking at the layout without a build.
 * `--full DIR` also writes each image at full size (PNG and SVG) for inspection.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { chartImagePng, chartImageSvg } from '../src/lib/charts/draw/render.ts';
import { imageFormatList, imageFormats } from '../src/lib/images/formats.ts';
import { chartsFromDisk } from '../src/lib/charts/model/disk.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const fullIndex = args.indexOf('--full');
const fullDir = fullIndex >= 0 ? args[fullIndex + 1] : undefined;
const ids = args.filter((arg, index) => !arg.startsWith('--') && (fullIndex < 0 || index !== fullIndex + 1));
const host = 'bluezone.gov.vn';

const charts = chartsFromDisk(root);

const wanted = ids.length > 0 ? ids : ['luot-tai-toan-quoc'];
for (const id of wanted) {
  const spec = charts.find((chart) => chart.id === id);
  if (!spec) throw new Error(`contact-sheet: no chart "${id}" (known: ${charts.map((c) => c.id).join(', ')})`);
  if (!fullDir) continue;
  mkdirSync(fullDir, { recursive: true });
  for (const lang of ['vi', 'en'] as const) {
    for (const format of imageFormatList) {
      writeFileSync(join(fullDir, `${id}-${lang}-${format}.png`), await chartImagePng(spec, lang, format, host));
      writeFileSync(join(fullDir, `${id}-${lang}-${format}.svg`), chartImageSvg(spec, lang, format, host));
    }
  }
}

// The sheet: one row per language, the three formats at one scale (height 360 for 1080 p).
const spec = charts.find((chart) => chart.id === wanted[0])!;
const scale = 1 / 3;
const gap = 24;
const tiles: OverlayOptions[] = [];
let y = gap;
let sheetWidth = 0;
for (const lang of ['vi', 'en'] as const) {
  let x = gap;
  for (const format of imageFormatList) {
    const { width, height } = imageFormats[format];
    const input = await sharp(await chartImagePng(spec, lang, format, host)).resize(Math.round(width * scale), Math.round(height * scale)).png().toBuffer();
    tiles.push({ input, left: x, top: y });
    x += Math.round(width * scale) + gap;
  }
  sheetWidth = Math.max(sheetWidth, x);
  y += Math.round(1080 * scale) + gap;
}
const out = join(root, 'docs/contact-sheet.png');
await sharp({ create: { width: sheetWidth, height: y, channels: 3, background: '#d8dde3' } }).composite(tiles).png({ compressionLevel: 9, palette: true }).toFile(out);
console.log(`contact-sheet: ${out} (${spec.id}, ${tiles.length} images)`);

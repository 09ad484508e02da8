import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { chartConfig, chartHeight, targetColour } from '../../src/lib/charts/draw/config.ts';
import { Chart } from '../../src/lib/charts/draw/parts.ts';
import type { ChartSpec } from '../../src/lib/charts/model/spec.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { chartImagePng, chartImageSvg, imageHeadline, renderSvg, sourceNames, sourcesNewestFirst, sourceText } from '../../src/lib/charts/draw/render.ts';
import { chartRows } from '../../src/lib/charts/model/spec.ts';
import { imageFormatList, imageFormats } from '../../src/lib/images/formats.ts';
import { drawPng, drawSvg } from '../../src/lib/charts/publish/draw-pool.ts';
import { chartOutputs, drawChartsAhead } from '../../src/lib/charts/publish/outputs.ts';
import { latestNames } from '../../src/lib/charts/publish/files.ts';
import { chartsFromDisk } from '../../src/lib/charts/model/disk.ts';
import { expectBroadcastType, expectPngShowsSvgWords, svgTextBoxes } from '../support/svg-text.ts';
import { letter } from './directive-fixtures.ts';
import { testFigure } from './figure-fixtures.ts';
import { latestRatesChart } from '../../src/lib/charts/model/from-figures.ts';
import { loadRegions } from '../../src/content/regions.ts';
import { t } from '../../src/i18n/index.ts';

/**
 * Layout rules of the newsroom images, measured on the rendered files of real charts: the
 * national line with its targets and breaks, a province's line, a bar chart, and a target with no
 * figure on its basis (Cà Mau's 50 % of smartphone users: the image says what is missing).
 */
// Letters come from MDX, which only a build reads: Cà Mau's 5355 target as the fixture letter gives it.
const caMauTarget = letter({ slug: '5355-ubnd-kgvx-2020', number: '5355', province: '96', date: '2020-09-08', targets: [{ percent: 50, comparator: 'at-least', basis: 'smartphone_users', region: { scope: 'province', province: '96' }, deadline: null }] });
const charts = chartsFromDisk(process.cwd(), [{ data: caMauTarget }]);
const picked = ['luot-tai-toan-quoc', 'chuoi-quang-ninh-dan-so', 'ty-le-tai-dan-so', 'muc-tieu-5355-ubnd-kgvx-2020'].map((id) => charts.find((chart) => chart.id === id)!);
const host = 'bluezone.gov.vn';

describe('newsroom images', () => {
  for (const spec of picked) {
    for (const lang of ['vi', 'en'] as const) {
      for (const format of imageFormatList) {
        const { width, height } = imageFormats[format];
        it(`${spec.id} ${lang} ${format}: size, type, safe areas, headline, source`, async () => {
          const png = PNG.sync.read(await chartImagePng(spec, lang, format, host));
          expect([png.width, png.height]).toEqual([width, height]);
          const svg = chartImageSvg(spec, lang, format, host);
          expect(svg).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${width} ${height}"`));
          const boxes = svgTextBoxes(svg);
          expectPngShowsSvgWords(png, boxes);
          expectBroadcastType(boxes, width, height);
          // The headline is the largest text, first, and is the figure in the model's words.
          const { headline, context, detail } = imageHeadline(spec, lang);
          const largest = Math.max(...boxes.map((box) => box.size));
          const spaced = (text: string) => text.replace(/\s+/gu, ' ');
          expect(spaced(boxes.filter((box) => box.size === largest).map((box) => box.text).join(' '))).toBe(spaced(headline));
          // The line under it (place and date, or, with no figure on a target's basis, what is
          // missing) is printed in full, never cut with "…"; on a TV frame followed by what the
          // chart shows (cards and posts, seen small, keep the height for their plot).
          const printed = spaced(boxes.map((box) => box.text).join(' '));
          expect(printed).toContain(spaced(context));
          if (detail && format === 'tv') expect(printed).toContain(spaced(`${context} · ${detail}`));
          expect(printed).not.toContain('…');
          if (spec.kind === 'timeline' && spec.missing) expect(context).toBe(spec.missing[lang]);
          // The source line is in the chart's language, names publishers only, and ends with the address.
          const footerTop = Math.min(...boxes.filter((box) => /^(Nguồn|Source):/.test(box.text)).map((box) => box.top));
          const footer = boxes.filter((box) => box.top >= footerTop).map((box) => box.text).join(' ');
          expect(footer.endsWith(host)).toBe(true);
          expect(footer.startsWith(lang === 'vi' ? 'Nguồn:' : 'Source:')).toBe(true);
          for (const source of spec.sources) if (source.title) expect(footer).not.toContain(source.title);
          expect(footer).not.toMatch(/\(/);
        });
      }
    }
  }

  it('a worker thread draws the same bytes as the main thread (the build draws in workers)', async () => {
    for (const spec of picked.slice(0, 2)) {
      expect(await drawSvg({ kind: 'chart-image-svg', spec, lang: 'vi', format: 'tv', host })).toBe(chartImageSvg(spec, 'vi', 'tv', host));
      expect(await drawSvg({ kind: 'chart-svg', spec, lang: 'en', width: 360 })).toBe(renderSvg(spec, 'en', 360));
      expect(Buffer.from(await drawPng({ kind: 'chart-png', spec, lang: 'vi', format: 'card', host })).equals(await chartImagePng(spec, 'vi', 'card', host))).toBe(true);
    }
  });

  it('every chart image of both languages is drawn ahead into the render cache, and its route reads it there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'draw-ahead-'));
    process.env.RENDER_CACHE_DIR = dir;
    try {
      const charts = picked.slice(0, 2).map((spec) => ({ spec, versions: [] }));
      const bundle = { charts, inputs: { snapshots: [], directives: [], statementTargets: [], regions: loadRegions() }, figures: [] };
      const site = new URL(`https://${host}/`);
      const images = (['vi', 'en'] as const).flatMap((lang) => chartOutputs(bundle, lang)).filter((output) => output.contentType.startsWith('image/'));
      expect(images).toHaveLength(2 * 2 * 8);
      await drawChartsAhead(bundle, site);
      const drawn = () => readdirSync(dir).filter((file) => !file.endsWith('.tmp'));
      expect(drawn()).toHaveLength(images.length);
      // The routes find them: nothing is drawn again, and a PNG route serves the PNG the main thread draws.
      await Promise.all(images.map((output) => output.body(site)));
      expect(drawn()).toHaveLength(images.length);
      const tv = images.find((output) => output.file === latestNames('vi').images.tv.png)!;
      expect(Buffer.from(await tv.body(site)).equals(await chartImagePng(charts[0]!.spec, 'vi', 'tv', host))).toBe(true);
    } finally {
      delete process.env.RENDER_CACHE_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a thread reuses one canvas per format: an image drawn after others is the image drawn first', async () => {
    const [national, province, bars] = picked;
    const first = await chartImagePng(national!, 'vi', 'tv', host);
    // Other drawings in between, of another kind and language, leave nothing behind (pixels, composite mode, transform).
    await chartImagePng(bars!, 'en', 'tv', host);
    await chartImagePng(province!, 'vi', 'tv', host);
    const again = await chartImagePng(national!, 'vi', 'tv', host);
    expect(PNG.sync.read(again).data.equals(PNG.sync.read(first).data)).toBe(true);
    // Drawn concurrently on one thread, each image keeps its own pixels.
    const [a, b] = await Promise.all([chartImagePng(national!, 'vi', 'tv', host), chartImagePng(bars!, 'en', 'tv', host)]);
    expect(a.equals(first)).toBe(true);
    expect(b.equals(await chartImagePng(bars!, 'en', 'tv', host))).toBe(true);
  });

  it('leads with the latest figure, its qualifier, basis and date', () => {
    const national = picked[0]!;
    expect(imageHeadline(national, 'vi').headline).toMatch(/^hơn \d+ triệu lượt tải$/);
    expect(imageHeadline(national, 'vi').context).toMatch(/^Cả nước, ngày \d{1,2}\/\d{1,2}\/\d{4}$/);
    expect(imageHeadline(picked[1]!, 'vi').headline).toMatch(/% dân số$/);
    expect(imageHeadline(picked[1]!, 'en').headline).toMatch(/% of (the )?population$/);
    // A place's chart names its place once: "Quảng Ninh, ngày 24/5/2021 · tỷ lệ cài đặt …".
    for (const lang of ['vi', 'en'] as const) expect(`${imageHeadline(picked[1]!, lang).context} ${imageHeadline(picked[1]!, lang).detail}`.match(/Quảng Ninh/g)).toHaveLength(1);
  });

  it('gives a square post one headline line and names a line by its place alone, so the plot keeps the frame', () => {
    for (const spec of picked.slice(0, 2)) {
      for (const lang of ['vi', 'en'] as const) {
        const boxes = svgTextBoxes(chartImageSvg(spec, lang, 'square', host));
        const largest = Math.max(...boxes.map((box) => box.size));
        expect(new Set(boxes.filter((box) => box.size === largest).map((box) => box.top)).size).toBe(1);
        if (spec.kind !== 'timeline') throw new Error('timeline expected');
        for (const series of spec.series) expect(boxes.map((box) => box.text)).not.toContain(series.label[lang]);
      }
    }
  });

  it('credits the source of the newest figure first (the headline’s), every source once', () => {
    for (const spec of picked) {
      const newest = chartRows(spec).sort((a, b) => b.date.localeCompare(a.date))[0];
      const names = sourceNames({ sources: sourcesNewestFirst(chartRows(spec), spec.sources) });
      if (newest) expect(names[0], spec.id).toBe(sourceNames({ sources: [newest.source] })[0]);
      expect([...names].sort(), spec.id).toEqual([...sourceNames(spec)].sort());
    }
    const national = picked[0]!;
    expect(sourceNames({ sources: sourcesNewestFirst(chartRows(national), national.sources) })[0]).not.toBe(sourceNames(national)[0]);
  });

  it('prints the site address only when it is a real one', () => {
    const spec = picked[0]!;
    expect(chartImageSvg(spec, 'vi', 'card', host)).toContain(`· ${host}</text>`);
    expect(chartImageSvg(spec, 'vi', 'card', undefined)).not.toContain('·</text>');
    expect(sourceText('vi', sourceNames(spec))).not.toContain(host);
  });

  it('names lines and targets on the chart itself: no legend, no marker to decode (page, live and images alike)', () => {
    const spec = picked[0]!;
    if (spec.kind !== 'timeline') throw new Error('timeline expected');
    const config = chartConfig(spec, { lang: 'vi', fontFamily: 'sans-serif', scale: 1, padding: { top: 0, right: 0, bottom: 0, left: 0 }, responsive: true });
    expect(config.plugins?.map((plugin) => plugin.id)).toContain('lineLabels');
    expect(config.options?.plugins?.legend).toBeUndefined();
    const targets = config.data.datasets.slice(spec.series.length);
    expect(targets).toHaveLength(spec.targets.length);
    for (const target of targets) expect((target as { pointRadius: unknown }).pointRadius).toBe(0);
    const svg = chartImageSvg(spec, 'vi', 'tv', host);
    // Every target is named: in full, or by its value part where the full name would cover a figure.
    const texts = svgTextBoxes(svg).map((box) => box.text);
    for (const target of spec.targets) expect(texts.some((text) => text === target.label.vi || text === target.label.vi.split(': ')[0])).toBe(true);
    // Each line by its place alone (no two lines share one here); what it counts is said once, above it.
    const printed = svgTextBoxes(svg).map((box) => box.text);
    for (const series of spec.series) {
      const [place, what] = series.label.vi.split(': ') as [string, string];
      expect(printed).toContain(place);
      expect(printed).not.toContain(series.label.vi);
      expect(printed.some((text) => text.includes(what))).toBe(true);
    }
  });
});

// Skia numbers clip paths from one counter per process: without renaming, the same image drawn
// after other drawings got other ids, and two builds of one commit differed.
it('the same image is the same bytes whatever was drawn before it in the process', () => {
  const [first, ...others] = picked as [ChartSpec, ...ChartSpec[]];
  const before = chartImageSvg(first, 'en', 'square', host);
  for (const spec of others) chartImageSvg(spec, 'vi', 'tv', host);
  expect(chartImageSvg(first, 'en', 'square', host)).toBe(before);
  expect(before).toMatch(/clip-path="url\(#clip-1\)"/);
  const page = renderSvg(first, 'vi', 360);
  for (const spec of others) renderSvg(spec, 'en', 720);
  expect(renderSvg(first, 'vi', 360)).toBe(page);
});

describe('target names', () => {
  /** Draws a chart as the page and images do, recording every text with its box and whether it went under the figures (plugins run in order: this marker runs after the names placed under them). */
  function drawRecorded(spec: ChartSpec, width: number, lang: Lang, frame?: { height: number; scale: number; padding: { top: number; right: number; bottom: number; left: number } }) {
    const height = frame?.height ?? chartHeight(spec, width);
    const ctx = createCanvas(width, height).getContext('2d');
    const texts: { text: string; left: number; right: number; top: number; bottom: number; under: boolean; colour: string }[] = [];
    let figuresDrawn = false;
    const fillText = ctx.fillText.bind(ctx);
    ctx.fillText = (text: string, x: number, y: number) => {
      const width = ctx.measureText(text).width;
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? 12);
      const left = ctx.textAlign === 'right' || ctx.textAlign === 'end' ? x - width : ctx.textAlign === 'center' ? x - width / 2 : x;
      const top = ctx.textBaseline === 'bottom' || ctx.textBaseline === 'alphabetic' ? y - size : ctx.textBaseline === 'middle' ? y - size / 2 : y;
      // Where the words land on the canvas, through any rotation (a launch label standing along its rule).
      const m = ctx.getTransform();
      const corners = [[left, top], [left + width, top], [left, top + size], [left + width, top + size]].map(([cx, cy]) => [m.a * cx! + m.c * cy! + m.e, m.b * cx! + m.d * cy! + m.f]);
      const xs = corners.map(([cx]) => cx!);
      const ys = corners.map(([, cy]) => cy!);
      texts.push({ text, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), under: !figuresDrawn, colour: String(ctx.fillStyle) });
      fillText(text, x, y);
    };
    const look = frame ?? { scale: width < 500 ? 1 : 1.1, padding: { top: 8, right: 12, bottom: 4, left: 4 } };
    const config = chartConfig(spec, { lang, fontFamily: 'sans-serif', scale: look.scale, padding: look.padding, responsive: false, compact: width < 500 || frame !== undefined });
    config.plugins = [...(config.plugins ?? []), { id: 'figuresDrawn', beforeDatasetsDraw: () => void (figuresDrawn = true) }];
    const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config);
    const points = spec.kind === 'timeline' ? spec.series.flatMap((_, index) => chart.getDatasetMeta(index).data.map((point) => ({ x: point.x, y: point.y }))) : [];
    chart.destroy();
    return { texts, points };
  }

  // A square post's plot: large type (38 px on 1080) in a squat box under the headline, where the
  // names of the 30 million line found no place on their line that covered no figure.
  const squarePost = { height: 1080, scale: 38 / 12, padding: { top: 240, right: 108, bottom: 290, left: 108 } };

  it('never cover a figure: the page drawings, phone and wide, and a square post find a clear place for every name', () => {
    const spec = picked[0]!;
    if (spec.kind !== 'timeline') throw new Error('timeline expected');
    for (const [width, lang, frame] of [[720, 'vi'], [720, 'en'], [360, 'vi'], [360, 'en'], [1080, 'vi', squarePost], [1080, 'en', squarePost]] as const) {
      const { texts, points } = drawRecorded(spec, width, lang, frame);
      // A name is written in the targets' colour, on one line or (its value part) on two.
      const names = texts.filter((t) => t.colour === targetColour);
      const written = names.map((name) => name.text).join('\n');
      for (const target of spec.targets) {
        const short = target.label[lang].split(': ')[0]!;
        const words = short.split(' ');
        const twoLines = words.slice(1).map((_, i) => `${words.slice(0, i + 1).join(' ')}\n${words.slice(i + 1).join(' ')}`);
        const ways = [target.label[lang], short, ...twoLines];
        expect(ways.some((way) => `\n${written}\n`.includes(`\n${way}\n`)), `${width} ${lang}: ${target.label[lang]} in ${JSON.stringify(written)}`).toBe(true);
      }
      for (const name of names) {
        const covered = points.filter((p) => p.x >= name.left - 4 && p.x <= name.right + 4 && p.y >= name.top - 4 && p.y <= name.bottom + 4);
        expect(covered, `${width} ${lang}: "${name.text}" covers a figure`).toEqual([]);
      }
      expect(names.filter((n) => n.under).map((n) => n.text), `${width} ${lang}`).toEqual([]);
      // The launch rule's words never overprint a target's name.
      const events = texts.filter((t) => spec.events.some((event) => t.text === event.label[lang] || t.text === event.short?.[lang]));
      expect(events.length, `${width} ${lang}`).toBe(spec.events.length);
      for (const event of events) for (const name of names) expect(event.left < name.right && name.left < event.right && event.top < name.bottom && name.top < event.bottom, `${width} ${lang}: "${event.text}" over "${name.text}"`).toBe(false);
      // Nor a figure: on a narrow plot whose first figures rise beside the launch, it stands along its rule.
      for (const event of events) {
        const covered = points.filter((p) => p.x >= event.left - 4 && p.x <= event.right + 4 && p.y >= event.top - 4 && p.y <= event.bottom + 4);
        expect(covered, `${width} ${lang}: "${event.text}" covers a figure`).toEqual([]);
      }
    }
    // The same on every newsroom image, with and without the address line (the square post of a
    // local build, whose plot is a line taller, is where they met).
    for (const lang of ['vi', 'en'] as const) {
      for (const [format, address] of imageFormatList.flatMap((format) => [[format, host], [format, undefined]] as const)) {
        const boxes = svgTextBoxes(chartImageSvg(spec, lang, format, address));
        const isName = (text: string) => spec.targets.some((target) => text === target.label[lang] || text === target.label[lang].split(': ')[0]);
        const isEvent = (text: string) => spec.events.some((event) => text === event.label[lang] || text === event.short?.[lang]);
        for (const event of boxes.filter((box) => isEvent(box.text))) {
          for (const name of boxes.filter((box) => isName(box.text))) {
            const apart = event.right <= name.left || name.right <= event.left || event.bottom <= name.top || name.bottom <= event.top;
            expect(apart, `${lang} ${format}: "${event.text}" over "${name.text}"`).toBe(true);
          }
        }
      }
    }
  });
});

describe('a target named beside its own line', () => {
  /** The target lines of an image, top first: each is drawn as one path of dashes in the targets' colour. */
  function targetLineYs(svg: string): number[] {
    return [...svg.matchAll(new RegExp(`<path fill="${targetColour}" d="([^"]+)"`, 'gi'))]
      .map(([, d = '']) => {
        const ys = [...d.matchAll(/[ML]-?[\d.]+ (-?[\d.]+)/g)].map(([, y]) => Number(y));
        return (Math.min(...ys) + Math.max(...ys)) / 2;
      })
      .sort((a, b) => a - b);
  }

  // The national chart's 50-million target sets the top of its axis: with no room above the plot
  // its name went below its line, onto the 45-million line (the 1200 × 630 image) or beside it.
  const spec = picked[0]!;
  if (spec.kind !== 'timeline') throw new Error('timeline expected');
  for (const lang of ['vi', 'en'] as const) {
    for (const format of imageFormatList) {
      it(`${lang} ${format}: no other target line runs through a target's name or between it and its line`, () => {
        const svg = chartImageSvg(spec, lang, format, host);
        const lines = targetLineYs(svg);
        expect(lines).toHaveLength(spec.targets.length);
        // Lines top first are the targets highest first.
        const byHeight = [...spec.targets].sort((a, b) => b.value - a.value);
        const boxes = svgTextBoxes(svg);
        let named = 0;
        for (const [i, target] of byHeight.entries()) {
          const own = lines[i]!;
          for (const name of boxes.filter((box) => box.text === target.label[lang] || box.text === target.label[lang].split(': ')[0])) {
            named += 1;
            const from = Math.min(name.top, own);
            const to = Math.max(name.bottom, own);
            const between = lines.filter((y, j) => j !== i && y > from - 1 && y < to + 1);
            expect(between, `"${name.text}" (${name.top.toFixed(0)}–${name.bottom.toFixed(0)}) and its line at ${own.toFixed(0)}`).toEqual([]);
          }
        }
        // The one-line names are all checked here (a name on two lines is matched by neither form).
        expect(named).toBeGreaterThanOrEqual(2);
      });
    }
  }
});

describe('a national ranking of 63 provinces (synthetic figures)', () => {
  const ranking = latestRatesChart(
    'bars',
    loadRegions().provinces.map((province, i) => testFigure({ place: { code: province.code, name: province.name, level: 'province' }, value: 90 - i, date: '2021-07-01', rank: i + 1 })),
    'downloads',
    'population',
  )!;
  for (const lang of ['vi', 'en'] as const) {
    for (const format of imageFormatList) {
      it(`${lang} ${format}: shows the bars that fit, no label over another, and says how many more`, () => {
        const { width, height } = imageFormats[format];
        const boxes = svgTextBoxes(chartImageSvg(ranking, lang, format, host));
        expectBroadcastType(boxes, width, height);
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            expect(overlap, `${a.text} / ${b.text}`).toBe(false);
          }
        }
        // The bars drawn are the first of the ranking, each with its value; the note counts the rest.
        const values = boxes.filter((box) => /^\d+(,\d+)?\s?%$/.test(box.text.trim()) && box.size > 0).map((box) => box.text);
        const shown = ranking.bars.filter((bar) => boxes.some((box) => box.text.startsWith(bar.regionName))).length;
        expect(shown).toBeGreaterThan(3);
        expect(shown).toBeLessThan(63);
        expect(boxes.some((box) => box.text.startsWith(ranking.bars[0]!.regionName))).toBe(true);
        expect(values.length).toBeGreaterThanOrEqual(shown);
        const note = t(lang, 'chart.image.moreBars').replace('{n}', String(63 - shown));
        expect(boxes.map((box) => box.text)).toContain(note);
      });
    }
  }
});

import { describe, expect, it } from 'vitest';
import { renderSvg, textElement } from '../../src/lib/chart-render.ts';
import { latestRatesChart } from '../../src/lib/stats/charts.ts';
import { chartsFromDisk } from '../../src/lib/stats/disk.ts';
import { testFigure as f } from './figure-fixtures.ts';

const spec = {
  ...latestRatesChart('render', [f({}), f({ place: { code: '66', name: 'Đắk Lắk', level: 'province' }, value: 12.5 })], 'downloads', 'population')!,
  title: { vi: 'Tỷ lệ cài đặt: Đắk Lắk, Thừa Thiên Huế', en: 'Install rate' },
};

describe('build-time drawing', () => {
  it('draws an SVG with whole Vietnamese labels and the drawn numbers stamped on it', () => {
    const svg = renderSvg(spec, 'vi', 720);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 720 \d+"/);
    expect(svg).toContain('>Đắk Lắk · 7/9/2020</text>');
    expect(svg).toContain('>16,08\u00a0%</text>');
    expect(svg).toContain('data-values="[[16.08,12.5]]"');
    expect(svg).not.toContain('<?xml');
  });
  it('writes captured labels as escaped, aligned SVG text', () => {
    const text = textElement({ text: 'a<b & "c"', x: 10, y: 20, font: 'bold 13px sans-serif', align: 'right', baseline: 'middle', fill: '#000', matrix: [1, 0, 0, 1, 0, 0], width: 40 });
    expect(text).toBe('<text x="10" y="20" font-size="13" font-weight="700" fill="#000" text-anchor="end" dominant-baseline="central">a&lt;b &amp; &quot;c&quot;</text>');
  });
});

describe('inline chart SVGs on one page', () => {
  it('never share an id (Skia numbers clip paths per drawing)', () => {
    const specs = chartsFromDisk().slice(0, 6);
    const page = specs.flatMap((spec) => [renderSvg(spec, 'en', 360), renderSvg(spec, 'en', 720)]).join('');
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Skia's own numbering restarts in every build process, and the render cache mixes drawings of
    // several processes on one page: no id may be left in Skia's numbering.
    expect(page).not.toMatch(/id="cl_\d+"/);
    // Every reference points at an id of the same page.
    for (const [, ref] of page.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  });
});

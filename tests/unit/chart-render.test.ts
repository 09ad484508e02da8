import { describe, expect, it } from 'vitest';
import { renderSvg, textElement } from '../../src/lib/charts/draw/render.ts';
import { latestRatesChart } from '../../src/lib/charts/model/from-figures.ts';
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

describe('the drawings pages show', () => {
  it('are standalone SVG files: their own namespace, a text alternative, labels pinned to their width', () => {
    for (const width of [360, 720]) {
      const svg = renderSvg(spec, 'en', width);
      const root = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
      expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(root).toContain(`viewBox="0 0 ${width} `);
      expect(root).toContain('role="img"');
      expect(root).toContain(`aria-label="${spec.summary.en.replace(/"/g, '&quot;')}"`);
      // Shown as an image, the SVG cannot use the page's fonts: every label keeps its measured width.
      const labels = [...svg.matchAll(/<text [^>]*>/g)].map((m) => m[0]);
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) expect(label).toMatch(/textLength="[\d.]+" lengthAdjust="spacingAndGlyphs"/);
    }
  });
});

import type { ActiveElement } from 'chart.js';
import { Chart } from '../lib/charts/draw/parts.ts';
import { chartConfig, chartHeight } from '../lib/charts/draw/config.ts';
import type { ChartSpec } from '../lib/charts/model/spec.ts';

/**
 * The interactive chart behind `<chart-live>` (loaded on demand by `chart-live.ts`): replaces the
 * static chart (SVG picture drawn at build time from the same spec and the same `chartConfig`)
 * with a canvas: tooltips on hover and touch, and keyboard focus (Tab to the chart, arrows move
 * between figures, Escape hides the tooltip). Throws, leaving the SVG, if anything is missing.
 */
export class LiveChart {
  readonly chart: Chart;
  private readonly kind: ChartSpec['kind'];
  private position = -1;

  constructor(host: HTMLElement, spec: ChartSpec) {
    const frame = host.querySelector<HTMLElement>('.chart-frame');
    if (!frame) throw new Error('chart-live: no frame');
    this.kind = spec.kind;
    const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    const width = frame.clientWidth || 360;
    const box = document.createElement('div');
    box.className = 'chart-canvas';
    box.style.position = 'relative';
    box.style.height = `${chartHeight(spec, width)}px`;
    const canvas = document.createElement('canvas');
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${spec.title[lang]}. ${spec.summary[lang]}`);
    box.append(canvas);
    const config = chartConfig(spec, {
      lang,
      fontFamily: getComputedStyle(host).fontFamily,
      scale: width < 500 ? 1 : 1.1,
      padding: { top: 8, right: spec.kind === 'bar' ? 56 : 12, bottom: 4, left: 4 },
      responsive: true,
      compact: width < 500,
    });
    frame.append(box);
    try {
      this.chart = new Chart(canvas, config);
    } catch (error) {
      box.remove();
      throw error;
    }
    frame.classList.add('is-live');
    canvas.addEventListener('keydown', (event) => this.onKey(event));
    canvas.addEventListener('blur', () => this.show(-1));
  }

  destroy(): void {
    this.chart.destroy();
  }

  /** Every measured figure in reading order (by position on the x axis, then dataset). */
  private figures(): ActiveElement[] {
    const chart = this.chart;
    const list: ActiveElement[] = [];
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      // Target lines are not measurements (each is named on its line).
      if (meta.type === 'line' && (dataset as { borderDash?: unknown }).borderDash) return;
      meta.data.forEach((element, index) => list.push({ datasetIndex, index, element }));
    });
    return this.kind === 'bar' ? list : list.sort((a, b) => a.element.x - b.element.x);
  }

  private show(position: number): void {
    const chart = this.chart;
    const figures = this.figures();
    this.position = position;
    const active = figures[position];
    const elements = active ? [{ datasetIndex: active.datasetIndex, index: active.index }] : [];
    chart.setActiveElements(elements);
    chart.tooltip?.setActiveElements(elements, active ? { x: active.element.x, y: active.element.y } : { x: 0, y: 0 });
    chart.update();
  }

  private onKey(event: KeyboardEvent): void {
    const count = this.figures().length;
    if (count === 0) return;
    const moves: Record<string, number> = {
      ArrowRight: this.position + 1,
      ArrowDown: this.position + 1,
      ArrowLeft: this.position - 1,
      ArrowUp: this.position - 1,
      Home: 0,
      End: count - 1,
    };
    if (event.key === 'Escape') {
      this.show(-1);
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.show(Math.min(count - 1, Math.max(0, next)));
  }
}

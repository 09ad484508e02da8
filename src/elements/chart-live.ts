import type { Chart } from 'chart.js';
import type { LiveChart } from './chart-engine.ts';
import type { ChartSpec } from '../lib/charts/model/spec.ts';

/**
 * `<chart-live>`: the static chart (an SVG drawn at build time, shown as a picture) is the chart; this element
 * only decides WHEN the interactive one (tooltips, keyboard) is worth its cost. Chart.js is
 * ~60 KB gzipped and ~150 ms of script on a cheap phone per chart, so the engine
 * (`chart-engine.ts`) is fetched and run only when the reader reaches for the chart: pointer
 * over it, a touch, or keyboard focus. Until then the page runs no chart script at all.
 * The chart's spec comes with it, from the file named by `data-spec`, so the page does not carry
 * it. Without JavaScript, or if anything fails (offline: the spec is never saved), the SVG simply
 * stays, and the next touch tries again.
 *
 * Markup: `<chart-live data-spec="/nhung/<id>/moi-nhat-tuong-tac.json"><div class="chart-frame"><picture class="chart-drawing">…</picture></div></chart-live>`
 */

const TRIGGERS = ['pointerenter', 'pointerdown', 'focusin'] as const;

async function fetchSpec(url: string | undefined): Promise<ChartSpec> {
  if (!url) throw new Error('chart-live: no data-spec');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`chart-live: ${url} answered ${response.status}`);
  return (await response.json()) as ChartSpec;
}

class ChartLiveElement extends HTMLElement {
  private live: LiveChart | undefined;
  private starting = false;
  private readonly onTrigger = (event: Event) => void this.start(event);

  /** The Chart.js instance once live (tests and the engine's keyboard handling read it). */
  get chart(): Chart | undefined {
    return this.live?.chart;
  }

  connectedCallback(): void {
    const frame = this.querySelector<HTMLElement>('.chart-frame');
    if (!frame || this.live) return;
    // A tab stop for keyboard readers, named like the live canvas that takes its place.
    frame.tabIndex = 0;
    frame.setAttribute('role', 'img');
    frame.setAttribute('aria-label', this.closest('figure')?.querySelector('.chart-summary')?.textContent ?? '');
    for (const type of TRIGGERS) this.addEventListener(type, this.onTrigger, { passive: true });
  }

  disconnectedCallback(): void {
    for (const type of TRIGGERS) this.removeEventListener(type, this.onTrigger);
    this.live?.destroy();
    this.live = undefined;
  }

  private async start(event: Event): Promise<void> {
    if (this.starting || this.live) return;
    this.starting = true;
    for (const type of TRIGGERS) this.removeEventListener(type, this.onTrigger);
    try {
      const [engine, spec] = await Promise.all([import('./chart-engine.ts'), fetchSpec(this.dataset['spec'])]);
      if (!this.isConnected) return;
      this.live = new engine.LiveChart(this, spec);
    } catch (error) {
      for (const type of TRIGGERS) this.addEventListener(type, this.onTrigger, { passive: true });
      throw error;
    } finally {
      this.starting = false;
    }
    const canvas = this.live?.chart.canvas;
    const frame = this.querySelector<HTMLElement>('.chart-frame');
    if (!canvas || !frame) return;
    const focused = document.activeElement === frame;
    for (const name of ['tabindex', 'role', 'aria-label']) frame.removeAttribute(name);
    if (focused) canvas.focus();
    // The touch or pointer that woke the chart also shows its tooltip, without a second tap.
    if (event instanceof PointerEvent && event.type !== 'focusin') {
      canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: event.clientX, clientY: event.clientY, bubbles: true }));
    }
  }
}

if (!customElements.get('chart-live')) customElements.define('chart-live', ChartLiveElement);

/**
 * `<province-map>`: hover and keyboard details for a build-time province map. Without
 * JavaScript the SVG, each province's native tooltip and the table beside it carry everything;
 * this adds one tab stop on the map, arrow keys (and Home/End) to move between provinces in
 * dictionary order, a visible outline, and the province's figure in a live region.
 */
class ProvinceMap extends HTMLElement {
  private paths: SVGElement[] = [];
  private active = -1;

  connectedCallback(): void {
    const svg = this.querySelector('svg');
    const details = this.querySelector<HTMLElement>('.map-details');
    if (!svg || !details) return;
    const hint = details.textContent ?? '';
    // Main-map drawings only (inset groups repeat a province), in dictionary order. The hint is
    // already in `details`, hidden by CSS until this element is defined: nothing moves at load.
    const collator = new Intl.Collator(document.documentElement.lang || 'vi');
    this.paths = [...svg.querySelectorAll<SVGElement>('.map-provinces [data-code]')].sort((a, b) =>
      collator.compare(a.dataset['name'] ?? '', b.dataset['name'] ?? ''),
    );
    if (this.paths.length === 0) return;
    svg.setAttribute('tabindex', '0');
    svg.setAttribute('aria-describedby', details.id);
    const show = (index: number) => {
      const previous = this.paths[this.active];
      previous?.classList.remove('is-active');
      this.active = index;
      const path = this.paths[index]!;
      path.classList.add('is-active');
      // Drawn last, so the outline is not hidden under a neighbour.
      path.parentNode?.appendChild(path);
      details.textContent = path.querySelector('title')?.textContent ?? path.dataset['name'] ?? '';
    };
    svg.addEventListener('pointerover', (event) => {
      const target = (event.target as Element).closest<SVGElement>('[data-code]');
      const code = target?.dataset['code'];
      const index = this.paths.findIndex((p) => p.dataset['code'] === code);
      // show() re-appends the path under the pointer, and Chromium answers with a fresh
      // pointerover for it: ignoring the province already shown ends that loop, which also
      // re-selected the province after Escape had cleared it.
      if (index >= 0 && index !== this.active) show(index);
    });
    svg.addEventListener('keydown', (event) => {
      const last = this.paths.length - 1;
      const moves: Record<string, number> = {
        ArrowRight: this.active + 1,
        ArrowDown: this.active + 1,
        ArrowLeft: this.active - 1,
        ArrowUp: this.active - 1,
        Home: 0,
        End: last,
      };
      if (event.key === 'Escape') {
        this.paths[this.active]?.classList.remove('is-active');
        this.active = -1;
        details.textContent = hint;
        return;
      }
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      show((next + this.paths.length) % this.paths.length);
    });
  }
}

if (!customElements.get('province-map')) customElements.define('province-map', ProvinceMap);

/**
 * `<site-search>`: runs Pagefind on the search page, in the browser, with no request leaving
 * the site (the index is served from `/pagefind/`, in parts on a large site: see
 * `lib/search/parts.ts`). It enhances a plain GET form: the query and filters live in the URL
 * (`?q=…&kind=…&province=…`), so a search from the header box of any page, a shared link or the
 * back button all show the same results. Without JavaScript the form stays hidden and the page
 * explains why and links the main sections.
 */
import { cleanExcerpt, cleanText } from '../lib/search/fold.ts';
import { furtherParts, searchedProvinces, searchListFile } from '../lib/search/parts.ts';

interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  /** Positions of the matched words inside this section. */
  locations?: number[];
}
interface PagefindData {
  url: string;
  /** The page's indexed text, folded twins included. */
  content: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}

/**
 * Results shown at once. Each costs its page's fragment (1–5 KB gzipped; 2,6 KB on average), and
 * the first query must stay within 150 KB on a weak link (tests/e2e/search.spec.ts), so six are
 * shown (two phone screens) and the reader asks for more with the button under the list.
 */
const PAGE_SIZE = 6;
/**
 * Pagefind ranks by how often the words occur (termFrequency 1 by default), so a guide that
 * mentions "bị cảnh báo" three times in passing outranked the FAQ answer titled with it.
 * Weighing frequency less lets headings and the page's subject decide; tuned on the queries in
 * tests/e2e/search.spec.ts, which must all keep their expected first page. Pagefind's scores also
 * move with the order pages were indexed in (at 0,3 the troubleshooting guide overtook the FAQ
 * when the order changed); 0,1 keeps every expected first page in path order, reversed, and the
 * order Pagefind reads a folder in.
 */
const RANKING = { termFrequency: 0.1 };

class SiteSearch extends HTMLElement {
  #pagefind: Promise<PagefindApi> | null = null;
  #searchList: Promise<unknown> | null = null;
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The current query's results not yet shown (loaded by the "more" button). */
  #pending: PagefindResult[] = [];

  connectedCallback(): void {
    const form = this.#form();
    form.hidden = false;
    this.querySelector('.search-nojs')?.remove();
    const params = new URLSearchParams(location.search);
    for (const name of ['q', 'kind', 'province']) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      const value = params.get(name);
      if (field && value) this.#setValue(field, value);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search();
    });
    form.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#search(), 250);
    });
    form.addEventListener('change', () => void this.#search());
    this.#moreButton().addEventListener('click', () => void this.#showMore());
    void this.#loadProvinces();
    // The index starts loading now, while the reader types (a query in the URL searches at once).
    void this.#api().catch(() => undefined);
    if (params.get('q') || params.get('kind') || params.get('province')) void this.#search();
  }

  #form(): HTMLFormElement {
    return this.querySelector('form')!;
  }

  #setValue(field: HTMLInputElement | HTMLSelectElement, value: string): void {
    if (field instanceof HTMLSelectElement && ![...field.options].some((option) => option.value === value)) {
      field.add(new Option(value, value));
    }
    field.value = value;
  }

  /** `/pagefind/search.json`: the parts and provinces of each language (null if missing or damaged). */
  #list(): Promise<unknown> {
    this.#searchList ??= fetch(new URL(searchListFile, indexRoot()))
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
    return this.#searchList;
  }

  #api(): Promise<PagefindApi> {
    this.#pagefind ??= (async () => {
      // The list comes in beside Pagefind's script, not after it (one round trip on a weak link).
      const [api, list] = await Promise.all([import(/* @vite-ignore */ new URL('pagefind.js', indexRoot()).href) as Promise<PagefindApi>, this.#list()]);
      const options = { excerptLength: 24, ranking: RANKING };
      const further = furtherParts(list, language());
      // One index (a city's or province's site): searched on the page's own thread, which skips
      // Pagefind's worker script (12 kB gzipped of the first query's 150; a search of a few
      // hundred pages takes milliseconds). In parts (a national site) the worker searches them,
      // so typing stays smooth on a cheap phone.
      await api.options(further.length === 0 ? { ...options, noWorker: true } : options);
      // Merged parts are searched in the page's language with the same options as the first; by
      // path, as the first part is, or their results' links would carry the origin.
      await Promise.all([api.init(), ...further.map((folder) => api.mergeIndex(new URL(folder, indexRoot()).pathname, options))]);
      return api;
    })();
    return this.#pagefind;
  }

  /**
   * Fills the province list with the provinces that have pages in this language's index, from
   * the build's list (Pagefind's own filter files would cost a first query 48 kB at national scale).
   */
  async #loadProvinces(): Promise<void> {
    const names = searchedProvinces(await this.#list(), language());
    const select = this.#form().elements.namedItem('province');
    if (!(select instanceof HTMLSelectElement)) return;
    for (const name of names) {
      if (![...select.options].some((option) => option.value === name)) select.add(new Option(name, name));
    }
    // The province filter shows only once there are provinces to pick from.
    if (names.length > 0) select.closest('[hidden]')?.removeAttribute('hidden');
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const data = new FormData(this.#form());
    const query = String(data.get('q') ?? '').trim();
    const filters: Record<string, string> = {};
    for (const name of ['kind', 'province']) {
      const value = String(data.get(name) ?? '');
      if (value) filters[name] = value;
    }
    const params = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters });
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);

    const status = this.querySelector<HTMLElement>('[role="status"]')!;
    const list = this.querySelector<HTMLOListElement>('ol.search-results')!;
    this.#pending = [];
    this.#moreButton().hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    status.textContent = this.dataset['loading'] ?? '';
    try {
      const api = await this.#api();
      const response = await api.search(query || null, { filters });
      const all = response?.results ?? [];
      const shown = await Promise.all(all.slice(0, PAGE_SIZE).map((result) => result.data()));
      if (run !== this.#run) return;
      const template = all.length === 0 ? 'noResults' : all.length === 1 ? 'resultsOne' : 'results';
      status.textContent = (this.dataset[template] ?? '').replace('{count}', String(all.length)).replace('{query}', query || '…');
      list.replaceChildren(...shown.map((result) => this.#item(result)));
      this.#pending = all.slice(PAGE_SIZE);
      this.#moreButton().hidden = this.#pending.length === 0;
    } catch {
      if (run === this.#run) status.textContent = this.dataset['error'] ?? '';
    }
  }

  #moreButton(): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>('button.search-more')!;
  }

  /** "More results": the next page of the current query, appended; focus moves to the first new one. */
  async #showMore(): Promise<void> {
    const run = this.#run;
    const next = this.#pending.slice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (run !== this.#run) return;
    this.#pending = this.#pending.slice(PAGE_SIZE);
    const items = data.map((result) => this.#item(result));
    this.querySelector('ol.search-results')!.append(...items);
    this.#moreButton().hidden = this.#pending.length === 0;
    items[0]?.querySelector('a')?.focus();
  }

  #item(result: PagefindData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = cleanText(result.meta.title ?? result.url);
    heading.append(link);
    item.append(heading);
    const kind = result.filters['kind']?.[0];
    const labels = JSON.parse(this.dataset['kinds'] ?? '{}') as Record<string, string>;
    if (kind && labels[kind]) {
      const label = document.createElement('p');
      label.className = 'search-kind';
      label.textContent = labels[kind];
      item.append(label);
    }
    item.append(excerptParagraph(result.excerpt, result.content));
    // The sections of the page where the words matched most (a question of the FAQ, a step).
    const sections = result.sub_results
      .filter((sub) => sub.url.includes('#') && (sub.locations?.length ?? 0) > 0)
      .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
      .slice(0, 3);
    if (sections.length > 0) {
      const sub = document.createElement('ul');
      sub.className = 'search-sections';
      for (const section of sections) {
        const entry = document.createElement('li');
        const anchor = document.createElement('a');
        anchor.href = section.url;
        anchor.textContent = cleanText(section.title);
        entry.append(anchor);
        sub.append(entry);
      }
      item.append(sub);
    }
    return item;
  }
}

/** The excerpt as text nodes and `<mark>` elements: Pagefind's HTML is never injected. */
function excerptParagraph(excerpt: string, content: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  cleanExcerpt(excerpt, content).forEach((token, i) => {
    if (i > 0) paragraph.append(' ');
    if (token.marked) {
      const mark = document.createElement('mark');
      mark.textContent = token.text;
      paragraph.append(mark);
    } else paragraph.append(token.text);
  });
  return paragraph;
}

/** Where the index is served (`/pagefind/`, on this site's origin). */
function indexRoot(): URL {
  return new URL('/pagefind/', location.origin);
}

/** The page's language as Pagefind names its index (`vi`, `en`). */
function language(): string {
  return document.documentElement.lang.toLowerCase();
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);

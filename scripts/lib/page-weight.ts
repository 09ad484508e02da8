/**
 * Page weight of a built page: what a phone on a weak link downloads. Pure: the caller supplies
 * file sizes and a gzip sizer, so tests run on strings and `scripts/report.ts` on `dist/`.
 *
 * Counting rules (kept simple and stated, so numbers are comparable run to run):
 * - HTML: the document with the bodies of inline `<style>` and `<script>` removed, gzipped.
 * - CSS: inline `<style>` bodies (gzipped together) + each `<link rel="stylesheet">` file, gzipped.
 * - JS: inline scripts (gzipped together) + each `<script src>` file, gzipped. Data blocks such as
 *   `application/ld+json` are not JavaScript and are counted as HTML.
 * - Images: for each `<picture>` or lone `<img>`, the largest candidate of the first listed
 *   format: what a 2x phone that supports that format fetches. Raster files count their bytes
 *   (already compressed); SVG, text that the server gzips, counts gzipped.
 */

import { extractAssets } from '../../src/lib/core/html-assets.ts';

export interface PageWeight {
  /** URL path of the page, e.g. `/huong-dan/android/`. */
  path: string;
  html: number;
  css: number;
  js: number;
  images: number;
  /** Referenced local files that were not found (a broken reference is worth reporting). */
  missing: string[];
}

export interface Budget {
  /** Name shown in the report. */
  name: string;
  /** Pages the budget applies to. */
  match: RegExp;
  /** Maximum gzipped HTML + CSS, bytes. */
  maxHtmlCss: number;
  /** Maximum gzipped JavaScript, bytes. */
  maxJs: number;
}

/**
 * The issue's rule for guide pages: their HTML + CSS fits in about the first round trip of a slow
 * connection (14 KB gzipped), and they make one script request: `Base`'s script, the offline
 * worker's registration and the share panel's copy button and phone share sheet (deferred;
 * about 1 KB gzipped; it was 512 B before guide pages had a share panel). FAQ pages are guide content too.
 */
export const budgets: Budget[] = [
  { name: 'guide', match: /^\/(huong-dan|hoi-dap|en\/guide|en\/faq)\//, maxHtmlCss: 14 * 1024, maxJs: 1536 },
];

export interface GroupBudget {
  name: string;
  /** Every page of the group; the budget is checked only when all of them were weighed. */
  paths: readonly string[];
  /** Maximum of HTML + CSS + JS + images over the group, bytes (a shared file counts per page). */
  maxTotal: number;
}

/** The whole guide, read cover to cover in one language, with every illustration: 100 KB gzipped. */
export const groupBudgets: GroupBudget[] = [
  { name: 'guide (vi)', paths: ['/huong-dan/', '/huong-dan/android/', '/huong-dan/iphone/', '/huong-dan/khac-phuc-loi/', '/huong-dan/giup-nguoi-khac-cai-dat/'], maxTotal: 100 * 1024 },
  { name: 'guide (en)', paths: ['/en/guide/', '/en/guide/android/', '/en/guide/iphone/', '/en/guide/troubleshooting/', '/en/guide/helping-others/'], maxTotal: 100 * 1024 },
];

const pageTotal = (page: PageWeight) => page.html + page.css + page.js + page.images;

/** Each group's total (undefined when one of its pages was not weighed). */
export function groupTotal(pages: readonly PageWeight[], group: GroupBudget): number | undefined {
  const members = group.paths.map((path) => pages.find((page) => page.path === path));
  return members.every(Boolean) ? members.reduce((sum, page) => sum + pageTotal(page!), 0) : undefined;
}

/**
 * Weighs one page. `fileBytes(url)` returns a referenced file's content (or undefined when it
 * is missing or not on this site); `gzipSize` measures a compressed size.
 */
export function weighPage(
  path: string,
  html: string,
  fileBytes: (url: string) => Uint8Array | undefined,
  gzipSize: (data: string | Uint8Array) => number,
): PageWeight {
  const assets = extractAssets(html);
  const missing: string[] = [];
  const sum = (urls: string[], measure: (bytes: Uint8Array, url: string) => number) =>
    urls.reduce((total, url) => {
      const bytes = fileBytes(url);
      if (!bytes) {
        missing.push(url);
        return total;
      }
      return total + measure(bytes, url);
    }, 0);
  return {
    path,
    html: gzipSize(assets.bareHtml),
    css: (assets.inlineCss ? gzipSize(assets.inlineCss) : 0) + sum(assets.stylesheets, gzipSize),
    js: (assets.inlineJs.trim() ? gzipSize(assets.inlineJs) : 0) + sum(assets.scripts, gzipSize),
    images: sum(assets.images, (bytes, url) => (/\.svg(?:[?#]|$)/i.test(url) ? gzipSize(bytes) : bytes.byteLength)),
    missing,
  };
}

export interface Violation {
  path: string;
  budget: string;
  message: string;
}

/** Every page over its budget, with a sentence saying by how much. */
export function checkBudgets(pages: readonly PageWeight[], rules: readonly Budget[] = budgets, groups: readonly GroupBudget[] = groupBudgets): Violation[] {
  const violations: Violation[] = [];
  for (const page of pages) {
    for (const rule of rules.filter((r) => r.match.test(page.path))) {
      const htmlCss = page.html + page.css;
      if (htmlCss > rule.maxHtmlCss) {
        violations.push({ path: page.path, budget: rule.name, message: `HTML+CSS ${formatBytes(htmlCss)} > ${formatBytes(rule.maxHtmlCss)}` });
      }
      if (page.js > rule.maxJs) {
        violations.push({ path: page.path, budget: rule.name, message: `JS ${formatBytes(page.js)} > ${formatBytes(rule.maxJs)}` });
      }
    }
  }
  for (const group of groups) {
    const total = groupTotal(pages, group);
    if (total !== undefined && total > group.maxTotal) {
      violations.push({ path: group.paths[0]!, budget: group.name, message: `whole group ${formatBytes(total)} > ${formatBytes(group.maxTotal)}` });
    }
  }
  return violations;
}

/** Bytes for people: `812 B`, `6.4 kB` (1 kB = 1024 B, as the budgets). */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** The report as a plain-text table: one row per page, a total row, then the budget verdict. */
export function formatReport(
  pages: readonly PageWeight[],
  violations: readonly Violation[],
  rules: readonly Budget[] = budgets,
): string {
  const header = ['page', 'HTML gz', 'CSS gz', 'JS gz', 'images', 'HTML+CSS'];
  const total = pages.reduce(
    (acc, p) => ({ html: acc.html + p.html, css: acc.css + p.css, js: acc.js + p.js, images: acc.images + p.images }),
    { html: 0, css: 0, js: 0, images: 0 },
  );
  const rows = [
    ...pages.map((p) => [p.path, p.html, p.css, p.js, p.images, p.html + p.css]),
    [`total (${pages.length} pages)`, total.html, total.css, total.js, total.images, total.html + total.css],
  ].map(([name, ...numbers]) => [String(name), ...numbers.map((n) => formatBytes(n as number))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), ...rows.map(line)];
  for (const page of pages.filter((p) => p.missing.length > 0)) out.push(`missing from ${page.path}: ${page.missing.join(', ')}`);
  const budgeted = pages.filter((p) => rules.some((b) => b.match.test(p.path))).length;
  for (const group of groupBudgets) {
    const total = groupTotal(pages, group);
    if (total !== undefined) out.push(`${group.name}, ${group.paths.length} pages with illustrations: ${formatBytes(total)} (budget ${formatBytes(group.maxTotal)})`);
  }
  out.push(
    violations.length === 0
      ? `budgets: OK (${budgeted} budgeted pages; ${rules.map((r) => `${r.name}: HTML+CSS ≤ ${formatBytes(r.maxHtmlCss)} gz, JS ≤ ${formatBytes(r.maxJs)}`).join('; ')})`
      : `budgets: ${violations.length} over\n` + violations.map((v) => `  ${v.path} [${v.budget}] ${v.message}`).join('\n'),
  );
  return out.join('\n');
}

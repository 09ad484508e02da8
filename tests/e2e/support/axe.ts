import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** axe-core's browser build, injected into pages (support/reused-page.ts loads it with every document where asked). */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical axe violations on the page (or in `include`, a CSS selector), as
 * `rule: targets` lines; assert that the list is empty.
 *
 * Every rule runs, with `resultTypes: ['violations']`: axe does not collect the details of every
 * node that passed or came out incomplete (it keeps one of each); violations keep all their nodes.
 * On a page without frames, axe-core is injected once (unless the page loaded it already: see
 * `axeOnLoad` in support/reused-page.ts) and run in the page (`axe.run`). AxeBuilder's
 * frame-aware mode runs axe in each frame and again in a fresh blank page to combine the frames'
 * results, and its single-frame ("legacy") mode injects axe twice; on a page with frames it is
 * still used, so a cross-origin frame is checked. (On a 2-core machine, 15 pages in one page:
 * 664–709 ms a page by AxeBuilder's legacy mode, 331–339 ms so.)
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const options: RunOptions = { resultTypes: ['violations'] };
  let violations: AxeResults['violations'];
  if (page.frames().length === 1) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    violations = await page.evaluate(
      ([selector, options]) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(selector ?? document, options).then((results) => results.violations),
      [include, options] as const,
    );
  } else {
    let builder = new AxeBuilder({ page }).options(options);
    if (include) builder = builder.include(include);
    ({ violations } = await builder.analyze());
  }
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

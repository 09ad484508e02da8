import { buildDay } from '../../lib/core/build-info.ts';
import { renderKey } from '../../lib/images/render-cache.ts';
import { loadRegions } from '../../content/regions.ts';

/**
 * A page's `cacheKey` for Astro's incremental build: `parts` (what this page shows) plus what
 * every page built on the base layout prints besides its own content — the province names (the
 * search's province filter, place links) and the build's day (the footer). The route's code is
 * hashed by Astro, the site's address by its configuration hash.
 */
export function pageCacheKey(kind: string, parts: readonly unknown[]): string {
  return renderKey(kind, [...parts, loadRegions().provinces, buildDay]);
}

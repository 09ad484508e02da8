import { redirects } from './redirects.ts';

/** Old URLs that only redirect: search engines should index where they land, not the stub. */
const redirectSources = new Set(Object.keys(redirects));

/**
 * Whether a page belongs in `sitemap.xml`: every page in both languages except redirect stubs,
 * chrome-less chart embeds (`/nhung/…`, `/en/embed/…`: they live inside other sites' iframes)
 * and the 404 page.
 */
export function inSitemap(url: string): boolean {
  const path = new URL(url).pathname;
  if (redirectSources.has(path)) return false;
  if (/^\/(nhung|en\/embed)\//.test(path)) return false;
  return !/^\/(en\/)?404\/?$/.test(path);
}

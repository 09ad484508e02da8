/**
 * The one list of moved or alias URLs. Officials print and link our URLs, so a URL never dies:
 * when a page moves, add `old: new` here. Astro writes a static fallback page for each entry
 * (meta refresh + canonical) and `src/integrations/redirects-file.ts` writes the same list as
 * `_redirects` (301) for static hosts that read it (Netlify, Cloudflare Pages, …).
 * A browser test visits every old URL and checks where it lands.
 */
export const redirects: Record<string, string> = {
  // Many people call the iPhone guide "iOS"; the leaflet of Aug 2020 drafts used /cai-dat/.
  '/huong-dan/ios/': '/huong-dan/iphone/',
  '/en/guide/ios/': '/en/guide/iphone/',
  '/cai-dat/': '/huong-dan/',
  '/en/install/': '/en/guide/',
};

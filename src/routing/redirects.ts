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
  // Dec 2026: one chart per place and basis. A place's rate chart that mixed bases moved to its
  // population-basis chart; a chart with no one-basis successor leads to the place's statistics page.
  // (Bắc Ninh's count chart came back with the 19/8/2020 figure, so its address is a chart again.)
  '/nhung/chuoi-bac-giang/': '/nhung/chuoi-bac-giang-dan-so/',
  '/en/embed/chuoi-bac-giang/': '/en/embed/chuoi-bac-giang-dan-so/',
  '/nhung/chuoi-bac-ninh/': '/nhung/chuoi-bac-ninh-dan-so/',
  '/en/embed/chuoi-bac-ninh/': '/en/embed/chuoi-bac-ninh-dan-so/',
  '/nhung/chuoi-da-nang/': '/nhung/chuoi-da-nang-dan-so/',
  '/en/embed/chuoi-da-nang/': '/en/embed/chuoi-da-nang-dan-so/',
  '/nhung/chuoi-ha-noi/': '/nhung/chuoi-ha-noi-dan-so/',
  '/en/embed/chuoi-ha-noi/': '/en/embed/chuoi-ha-noi-dan-so/',
  '/nhung/chuoi-hai-duong/': '/nhung/chuoi-hai-duong-dan-so/',
  '/en/embed/chuoi-hai-duong/': '/en/embed/chuoi-hai-duong-dan-so/',
  '/nhung/chuoi-ho-chi-minh/': '/nhung/chuoi-ho-chi-minh-dan-so/',
  '/en/embed/chuoi-ho-chi-minh/': '/en/embed/chuoi-ho-chi-minh-dan-so/',
  '/nhung/chuoi-quang-ninh/': '/nhung/chuoi-quang-ninh-dan-so/',
  '/en/embed/chuoi-quang-ninh/': '/en/embed/chuoi-quang-ninh-dan-so/',
  '/nhung/chuoi-binh-duong/': '/so-lieu/binh-duong/',
  '/en/embed/chuoi-binh-duong/': '/en/statistics/binh-duong/',
  '/nhung/chuoi-ca-mau/': '/so-lieu/ca-mau/',
  '/en/embed/chuoi-ca-mau/': '/en/statistics/ca-mau/',
  '/nhung/ty-le-tai-chua-ro-co-so/': '/so-lieu/',
  '/en/embed/ty-le-tai-chua-ro-co-so/': '/en/statistics/',
};

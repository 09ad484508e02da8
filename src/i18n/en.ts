import type { UiKey } from './vi.ts';

/** English UI strings: a faithful version of `vi.ts`, key for key. */
export const en: Record<UiKey, string> = {
  // — site —
  'site.name': 'Bluezone – Install guide',
  'site.tagline': 'Information portal for Bluezone, Vietnam’s COVID-19 contact-tracing app',
  'site.skipToContent': 'Skip to main content',
  'site.languageSwitch': 'Tiếng Việt',
  'site.languageSwitchLabel': 'Read this page in Vietnamese',
  'site.navLabel': 'Main sections',
  'site.menu': 'Menu',
  'site.footer.about':
    'An open-source information site that helps people install and use Bluezone. Content is based on official letters and published figures; every figure names its source.',
  'site.footer.appSource': 'Bluezone was released by the Ministry of Information and Communications and the Ministry of Health (2020).',
  'site.footer.built': 'Site built on',
  'site.footer.sources': 'Sources of figures and letters',
  'nav.home': 'Home',
  'nav.guide': 'Guide',
  'nav.faq': 'FAQ',
  'nav.statistics': 'Statistics',
  'nav.directives': 'Directives',
  'nav.data': 'Data',
  'nav.search': 'Search',
  'nav.share': 'Share',
  // — home —
  // — guide —
  // — faq —
  // — directives —
  // — statistics —
  // — charts —
  // — data —
  // — search —
  'search.title': 'Search',
  'search.description': 'Search the install guide, FAQ, directives and statistics about Bluezone; Vietnamese words work with or without marks.',
  'search.label': 'Search this site',
  'search.placeholder': 'e.g. bluetooth, Ca Mau',
  'search.submit': 'Search',
  'search.intro': 'Vietnamese words work with or without marks: “cai dat” finds “cài đặt”. You can also search by a letter’s number (5355, 1119/UBND) or a province name (Cà Mau).',
  'search.filters': 'Filter results',
  'search.kind': 'Kind of page',
  'search.kind.all': 'All',
  'search.kind.guide': 'Guide',
  'search.kind.faq': 'FAQ',
  'search.kind.directive': 'Directives',
  'search.kind.statistics': 'Statistics',
  'search.province': 'Province',
  'search.province.all': 'All provinces',
  'search.noJs': 'Search runs in your browser and needs JavaScript, which is off or not supported here. Everything on the site can be reached from the main sections:',
  'search.loading': 'Searching…',
  'search.results': '{count} results for “{query}”',
  'search.results.one': '1 result for “{query}”',
  'search.noResults': 'Nothing found for “{query}”. Try a shorter or different word, or browse the main sections below.',
  'search.error': 'The search data could not be loaded. Reload the page, or browse the main sections below.',
  'search.sections': 'Main sections',
  // — share —
  // — errors —
  'error.notFound.title': 'Page not found',
};

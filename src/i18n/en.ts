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
  // — share —
  // — errors —
  'error.notFound.title': 'Page not found',
};

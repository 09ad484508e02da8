import type { Lang } from '../i18n/index.ts';

/**
 * The public URL map for section landing pages (see README, "Stable URLs").
 * Vietnamese lives at the root, English under /en/. Pages deeper than these pass their own
 * twin path to the layout.
 */
export const sectionPaths = {
  home: { vi: '/', en: '/en/' },
  guide: { vi: '/huong-dan/', en: '/en/guide/' },
  faq: { vi: '/hoi-dap/', en: '/en/faq/' },
  statistics: { vi: '/so-lieu/', en: '/en/statistics/' },
  directives: { vi: '/van-ban/', en: '/en/directives/' },
  data: { vi: '/du-lieu/', en: '/en/data/' },
  search: { vi: '/tim-kiem/', en: '/en/search/' },
  share: { vi: '/chia-se/', en: '/en/share/' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Section = keyof typeof sectionPaths;

export function sectionPath(section: Section, lang: Lang): string {
  return sectionPaths[section][lang];
}

/** Absolute URL on the configured site (QR codes, feeds, share snippets). */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

import type { Lang } from '../i18n/index.ts';
import { isPlaceholderHost } from './build-env.ts';

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
  accessibility: { vi: '/kha-nang-tiep-can/', en: '/en/accessibility/' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Section = keyof typeof sectionPaths;

export function sectionPath(section: Section, lang: Lang): string {
  return sectionPaths[section][lang];
}

/** Absolute URL on the configured site (QR codes, feeds, share snippets). */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/**
 * The site's host name when it is a real address, for text people read or hear ("trang
 * bluezone.gov.vn"); undefined for a placeholder or local address (`*.example`, `*.test`,
 * `*.invalid`, `localhost`, loopback), so no citizen is ever sent to an address that does not exist.
 */
export function publicHost(site: URL | string | undefined): string | undefined {
  if (site === undefined) return undefined;
  const { hostname, host } = new URL(site);
  if (isPlaceholderHost(hostname) || /(^|\.)localhost$/i.test(hostname) || /^127\.|^\[?::1\]?$|^0\.0\.0\.0$/.test(hostname)) return undefined;
  return host;
}

/** The loudspeaker text of the country (`/phat-thanh/`) or of a province (`/phat-thanh/kien-giang/`); Vietnamese only. */
export function radioPath(provinceSlug?: string): string {
  return provinceSlug ? `/phat-thanh/${provinceSlug}/` : '/phat-thanh/';
}

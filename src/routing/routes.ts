import type { Lang } from '../i18n/index.ts';
import type { ChartSpec } from '../lib/charts/model/spec.ts';
import { campaign } from '../content/campaign.ts';
import { isPlaceholderHost } from '../lib/core/build-env.ts';
import { slugify } from '../lib/core/slug.ts';
import type { Region, RegionIndex } from '../content/regions.ts';

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

/** Where each language's embed pages (charts and maps that other sites frame) live. */
export const embedRoots = { vi: '/nhung/', en: '/en/embed/' } as const satisfies Record<Lang, string>;

/** `/nhung/<id>/` or `/en/embed/<id>/`. */
export function embedPath(id: string, lang: Lang): string {
  return `${embedRoots[lang]}${id}/`;
}

/** Folders the build writes beside the pages: Astro's content-hashed assets and Pagefind's search index. */
export const assetsRoot = '/_astro/';
export const searchIndexRoot = '/pagefind/';

/** A file of a chart, next to its embed page. */
export function chartFilePath(id: string, lang: Lang, name: string): string {
  return `${embedPath(id, lang)}${name}`;
}

/** Statistics page of a place: `/so-lieu/quang-ninh/`, `/so-lieu/quang-ninh/cam-pha/`. */
export function placePath(region: Region, regions: RegionIndex, lang: Lang): string {
  const base = sectionPath('statistics', lang);
  if (region.level === 'country') return base;
  if (region.level === 'province') return `${base}${region.slug}/`;
  const province = regions.byCode(region.parentCode ?? '');
  if (!province) throw new Error(`District ${region.code} has no province`);
  return `${base}${province.slug}/${region.slug}/`;
}

/** The page a chart is published on (its link back). */
export function chartHomePath(spec: ChartSpec, regions: RegionIndex, lang: Lang): string {
  const region = regions.byCode(spec.regionCode);
  return `${region ? placePath(region, regions, lang) : sectionPath('statistics', lang)}#${spec.id}`;
}

/** The latest-figures RSS feed of the statistics section: `/so-lieu/rss.xml`, `/en/statistics/rss.xml`. */
export function statisticsRssPath(lang: Lang): string {
  return `${sectionPath('statistics', lang)}rss.xml`;
}

/** The script a host page loads to size chart iframes to their content (one file, both languages). */
export const embedResizeScriptPath = `${embedRoots.vi}resize.js`;

/** The catalogue of every chart and map with its files, for newsroom systems (one file, both languages). */
export const chartCatalogueJsonPath = `${embedRoots.vi}index.json`;

/** The newest figure of every chart, at a stable address (one file, both languages). */
export const latestFiguresJsonPath = `${sectionPath('statistics', 'vi')}moi-nhat.json`;

/** The map page: `/so-lieu/ban-do/`, `/en/statistics/map/`. */
export function mapPagePath(lang: Lang): string {
  return lang === 'vi' ? `${sectionPath('statistics', 'vi')}ban-do/` : `${sectionPath('statistics', 'en')}map/`;
}

/** A map's embed page, next to the charts' (`/nhung/ban-do-tai-dan-so/`, `/en/embed/ban-do-tai-dan-so/`). */
export const mapEmbedPath = embedPath;

/** URL of a letter's page. */
export function directivePath(slug: string, lang: Lang): string {
  return `${sectionPath('directives', lang)}${slug}/`;
}

/** URL of a filter page: `filterPath('year', '2020', 'vi')` → `/van-ban/nam/2020/`. */
export function filterPath(kind: FilterKind, value: string, lang: Lang): string {
  return `${sectionPath('directives', lang)}${filterSegments[kind][lang]}/${value}/`;
}

/** `/van-ban/dong-thoi-gian/`, `/en/directives/timeline/`. */
export function timelinePath(lang: Lang): string {
  return sectionPath('directives', lang) + fixedPages.timeline[lang];
}

/** `/van-ban/chua-co/`, `/en/directives/not-in-library/`. */
export function missingPath(lang: Lang): string {
  return sectionPath('directives', lang) + fixedPages.missing[lang];
}

/** `/van-ban/rss.xml`, `/en/directives/rss.xml`. */
export function rssPath(lang: Lang): string {
  return sectionPath('directives', lang) + fixedPages.rss[lang];
}

/** Machine-readable metadata of every letter; one file, both languages inside. */
export const jsonIndexPath = '/van-ban/index.json';

/** Public path of the printable leaflet: `/huong-dan/to-roi/`, `/en/guide/leaflet/a5/`. */
export function leafletPath(lang: Lang, size: LeafletSize = 'a4'): string {
  const root = lang === 'vi' ? '/huong-dan/to-roi/' : '/en/guide/leaflet/';
  return size === 'a4' ? root : `${root}a5/`;
}

/** Public URL of a guide page: `/huong-dan/android/`, `/en/guide/troubleshooting/`. */
export function guidePath(lang: Lang, slug: string): string {
  return `${sectionPath('guide', lang)}${slug}/`;
}

/** Path of a page's build-time card: `/huong-dan/android/` → `/og/huong-dan/android/card.png`. */
export function ogImagePath(pathname: string): string {
  const dir = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return `/og${dir}card.png`;
}

/** Public path of a banner file. */
export function bannerPath(lang: Lang, size: { width: number; height: number }, format: 'svg' | 'png'): string {
  return `/chia-se/banner/${bannerFile(lang, size, format)}`;
}

/** Where the preview's stylesheet is served. */
export const installCardCssPath = '/chia-se/the-cai-dat.css';

/** Public address of a snapshot's JSON file (language-neutral data, served once). */
export function snapshotJsonPath(id: string): string {
  return `/du-lieu/${id}.json`;
}

/** The blank reporting template in each language's data section. */
export function templatePath(lang: Lang): string {
  return lang === 'vi' ? '/du-lieu/mau-bao-cao.csv' : '/en/data/report-template.csv';
}

/** The filter pages' URL segments per language (`/van-ban/tinh/…` ↔ `/en/directives/province/…`). */
export const filterSegments = {
  province: { vi: 'tinh', en: 'province' },
  level: { vi: 'cap', en: 'level' },
  year: { vi: 'nam', en: 'year' },
} as const satisfies Record<string, Record<Lang, string>>;
export type FilterKind = keyof typeof filterSegments;

/** The library's fixed pages besides the list and the letters (vi/en URL segments). */
export const fixedPages = {
  timeline: { vi: 'dong-thoi-gian/', en: 'timeline/' },
  missing: { vi: 'chua-co/', en: 'not-in-library/' },
  rss: { vi: 'rss.xml', en: 'rss.xml' },
} as const satisfies Record<string, Record<Lang, string>>;

/** File name of a banner, named after the campaign's app: `bluezone-vi-728x90.svg`. */
export function bannerFile(lang: Lang, size: { width: number; height: number }, format: 'svg' | 'png'): string {
  return `${slugify(campaign.app.name)}-${lang}-${size.width}x${size.height}.${format}`;
}
/** Paper sizes of the leaflet: A4 (one page) and A5 (a half page, two to a sheet when cut). */
export type LeafletSize = 'a4' | 'a5';

/** A printable QR code's file: `/qr/huong-dan.svg`, `/qr/app-store.png`. */
export function qrPath(id: string, format: 'svg' | 'png'): string {
  return `/qr/${id}.${format}`;
}

/** Language of a page from its URL: English lives under /en/. For components MDX renders without props. */
export function langOfPath(pathname: string): Lang {
  const english = sectionPath('home', 'en');
  return pathname === english.slice(0, -1) || pathname.startsWith(english) ? 'en' : 'vi';
}

import type { Lang } from '../i18n/index.ts';

/** Paper sizes of the leaflet: A4 (one page) and A5 (a half page, two to a sheet when cut). */
export type LeafletSize = 'a4' | 'a5';

/** Public path of the printable leaflet: `/huong-dan/to-roi/`, `/en/guide/leaflet/a5/`. */
export function leafletPath(lang: Lang, size: LeafletSize = 'a4'): string {
  const root = lang === 'vi' ? '/huong-dan/to-roi/' : '/en/guide/leaflet/';
  return size === 'a4' ? root : `${root}a5/`;
}

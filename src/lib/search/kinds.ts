/**
 * What the search filters by. The kind of a page follows from its URL (the URL map in
 * `routes.ts`), so a new page is filtered right without any change to it.
 */
export const searchKinds = ['guide', 'faq', 'directive', 'statistics'] as const;

export type SearchKind = (typeof searchKinds)[number];

const kindByPrefix: [RegExp, SearchKind][] = [
  [/^\/(en\/)?$/, 'guide'],
  [/^\/(huong-dan|en\/guide)\//, 'guide'],
  [/^\/(hoi-dap|en\/faq)\//, 'faq'],
  [/^\/(van-ban|en\/directives)\//, 'directive'],
  [/^\/(so-lieu|du-lieu|en\/statistics|en\/data)\//, 'statistics'],
];

/** The search kind of a page by its path; null for pages outside the four kinds (share kit…). */
export function searchKindOf(pathname: string): SearchKind | null {
  return kindByPrefix.find(([prefix]) => prefix.test(pathname))?.[1] ?? null;
}

const provincePages = /^\/(?:so-lieu|en\/statistics|van-ban\/tinh|en\/directives\/province)\/([a-z0-9-]+)\//;

/**
 * The province slug a page is about when its URL says so (`/so-lieu/ca-mau/`,
 * `/van-ban/tinh/ca-mau/`, their English twins); pages whose URL does not name one pass the
 * province to the layout themselves.
 */
export function provinceSlugOf(pathname: string): string | null {
  return provincePages.exec(pathname)?.[1] ?? null;
}


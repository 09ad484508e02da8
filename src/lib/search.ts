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

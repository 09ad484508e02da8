import { getCollection, type CollectionEntry } from 'astro:content';
import { otherLang, type Lang } from '../../i18n/index.ts';
import { assertUnique, entriesIn, twinsOf } from '../../lib/guides/entries.ts';
import { guidePath } from '../../routing/routes.ts';
import { assertCitations } from '../../lib/guides/citations.ts';

/** A neighbouring guide for the "previous / next" links. */
export interface GuideLink {
  title: string;
  href: string;
}

export interface GuidePageProps {
  entry: CollectionEntry<'guides'>;
  twinPath: string;
  prev: GuideLink | null;
  next: GuideLink | null;
}

/** All guides, checked: at least one, slugs unique per language, every page translated, every citation backed by a listed source. */
export async function loadGuides(): Promise<CollectionEntry<'guides'>[]> {
  const all = await getCollection('guides');
  if (all.length === 0) throw new Error('No guide found in content/guides/{vi,en}/');
  assertUnique(all, 'slug');
  twinsOf(all);
  assertCitations(all, 'content/guides');
  return all;
}

/** `getStaticPaths` of the guide pages of one language. */
export async function guideStaticPaths(lang: Lang) {
  const all = await loadGuides();
  const twins = twinsOf(all);
  const mine = entriesIn(all, lang);
  const link = (entry: CollectionEntry<'guides'> | undefined): GuideLink | null =>
    entry ? { title: entry.data.title, href: guidePath(lang, entry.data.slug) } : null;
  return mine.map((entry, index) => ({
    params: { slug: entry.data.slug },
    props: {
      entry,
      twinPath: guidePath(otherLang(lang), twins.get(entry.id)!.data.slug),
      prev: link(mine[index - 1]),
      next: link(mine[index + 1]),
    } satisfies GuidePageProps,
  }));
}

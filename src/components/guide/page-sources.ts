import { getCollection } from 'astro:content';
import { pageSources } from '../../lib/guides/citations.ts';
import { entriesIn, faqByTopic } from '../../lib/guides/entries.ts';
import { guidePath, langOfPath, sectionPath } from '../../routing/routes.ts';
import type { Source } from '../../content/source.ts';

const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/**
 * The numbered source list of a guide page or of the FAQ page (all answers, in the order they
 * are shown). The page's SourceList and every `<Cite>` on it use this one list, so a citation's
 * number always matches its line.
 */
export async function sourcesOfPage(pathname: string): Promise<Source[]> {
  const path = withSlash(pathname);
  const lang = langOfPath(path);
  if (path === sectionPath('faq', lang)) {
    return pageSources(faqByTopic(await getCollection('faq'), lang).flatMap((group) => group.items));
  }
  const guide = entriesIn(await getCollection('guides'), lang).find((entry) => guidePath(lang, entry.data.slug) === path);
  if (!guide) throw new Error(`<Cite> is used on ${path}, which is neither a guide page nor the FAQ page`);
  return pageSources([guide]);
}

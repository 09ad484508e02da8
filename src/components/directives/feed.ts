import rss from '@astrojs/rss';
import { t, type Lang } from '../../i18n/index.ts';
import { numberSymbol } from '../../lib/directives/library.ts';
import { directivePath, sectionPath } from '../../routing/routes.ts';
import { parseIsoDate } from '../../lib/core/format.ts';
import { loadRegions } from '../../content/regions.ts';
import { loadDirectives } from './load.ts';
import { FEED_SIZE } from '../../routing/pagination.ts';

/**
 * The RSS 2.0 feed of the library in one language: the newest letters (at most
 * `FEED_SIZE`, so the feed stays small however large the library), one item each, dated by its
 * date of issue (noon in Vietnam), categorised by province, level and year.
 */
export async function directivesFeed(lang: Lang, site: URL): Promise<Response> {
  const entries = (await loadDirectives()).slice(0, FEED_SIZE);
  const regions = loadRegions();
  return rss({
    title: `${t(lang, 'directives.title')} – ${t(lang, 'site.name')}`,
    description: t(lang, 'directives.description'),
    site: new URL(sectionPath('directives', lang), site).href,
    customData: `<language>${lang === 'vi' ? 'vi-VN' : 'en-GB'}</language>`,
    items: entries.map(({ data }) => ({
      title: lang === 'vi' ? `${numberSymbol(data)}: ${data.subject}` : data.title_en,
      link: new URL(directivePath(data.slug, lang), site).href,
      pubDate: parseIsoDate(data.date),
      description: lang === 'vi' ? `${data.issuer}. ${data.subject}` : data.summary_en,
      categories: [
        regions.byCode(data.province)?.name ?? data.province,
        t(lang, `directives.level.${data.level}`),
        data.date.slice(0, 4),
      ],
    })),
  });
}

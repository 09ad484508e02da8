import rss from '@astrojs/rss';
import { type Lang, t } from '../../i18n/index.ts';
import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { latestFigures } from '../../lib/charts/publish/feed.ts';
import { loadRegions } from '../../content/regions.ts';
import { sectionPath } from '../../routing/routes.ts';
import { FEED_SIZE } from '../../routing/pagination.ts';

/**
 * RSS of the latest figures: one item per chart, its summary sentence as the text, the newest
 * `FEED_SIZE` charts (every province and district makes about 1.550 charts; the full list is
 * `/so-lieu/moi-nhat.json` and `/nhung/index.json`).
 */
export async function latestFiguresRss(lang: Lang, site: URL) {
  const feed = latestFigures(await loadChartCatalogue(), loadRegions(), site);
  return rss({
    title: t(lang, 'stats.feed.title'),
    description: t(lang, 'stats.feed.description'),
    site: new URL(sectionPath('statistics', lang), site).href,
    items: feed.charts.slice(0, FEED_SIZE).map((chart) => ({
      title: chart.title[lang],
      link: chart.page[lang],
      pubDate: new Date(`${chart.asOf}T12:00:00+07:00`),
      description: chart.summary[lang],
    })),
    customData: `<language>${lang === 'vi' ? 'vi-VN' : 'en'}</language>`,
  });
}

import rss from '@astrojs/rss';
import { type Lang, t } from '../../i18n/index.ts';
import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { latestFigures } from '../../lib/charts/publish/feed.ts';
import { loadRegions } from '../../content/regions.ts';
import { sectionPath } from '../../routing/routes.ts';

/** RSS of the latest figures: one item per chart, its summary sentence as the text. */
export async function latestFiguresRss(lang: Lang, site: URL) {
  const feed = latestFigures(await loadChartCatalogue(), loadRegions(), site);
  return rss({
    title: t(lang, 'stats.feed.title'),
    description: t(lang, 'stats.feed.description'),
    site: new URL(sectionPath('statistics', lang), site).href,
    items: feed.charts.map((chart) => ({
      title: chart.title[lang],
      link: chart.page[lang],
      pubDate: new Date(`${chart.asOf}T12:00:00+07:00`),
      description: chart.summary[lang],
    })),
    customData: `<language>${lang === 'vi' ? 'vi-VN' : 'en'}</language>`,
  });
}

import { type ChartBundle, catalogueEntry } from './catalogue.ts';
import type { RegionIndex } from '../../../content/regions.ts';

/**
 * The "latest figures" feed for newsroom graphics systems: each chart's newest data date and
 * summary sentence, newest first, with the addresses of its files.
 */
export function latestFigures(bundle: ChartBundle, regions: RegionIndex, site: URL | string) {
  const entries = bundle.charts.map((chart) => catalogueEntry(chart, regions, site));
  const asOf = entries.reduce((newest, entry) => (entry.asOf > newest ? entry.asOf : newest), '');
  return {
    asOf,
    charts: entries
      .sort((a, b) => b.asOf.localeCompare(a.asOf) || a.id.localeCompare(b.id))
      .map((entry) => ({
        id: entry.id,
        asOf: entry.asOf,
        title: entry.title,
        summary: entry.summary,
        page: entry.page,
        embed: entry.embed,
        csv: entry.data.csv,
        json: entry.data.json,
        images: entry.images,
      })),
  };
}

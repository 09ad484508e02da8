import type { Lang } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { chartSource } from './chart-series.ts';
import { whatLabel, type ChartSource } from './chart-spec.ts';
import { fill } from './chart-text.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { Observation } from './stats.ts';

/**
 * Every figure published about one place, as its statistics page lists them: including what
 * charts leave out (upper bounds such as "<8%", places named in a top/bottom list without a
 * number), each with its wording, basis and source.
 */
export interface PlaceFigure {
  date: string;
  /** What was counted and on which basis, in words. */
  what: string;
  /** The figure as published ("dưới 8%", "hơn 3.000.000", "16,08%"). */
  value: string;
  /** Published rank, or list membership ("5 thấp nhất"). */
  standing: string;
  source: ChartSource;
}

type Qualifier = 'about' | 'more_than' | 'less_than' | undefined;

function worded(number: string, qualifier: Qualifier, lang: Lang): string {
  return qualifier ? `${t(lang, `chart.qualifier.${qualifier}`)} ${number}` : number;
}

export function placeFigures(list: readonly Observation[], regionCode: string, lang: Lang): PlaceFigure[] {
  const counted = new Set<string>();
  return list
    .filter((o) => o.row.region.code === regionCode)
    .flatMap((o) => {
      const { row } = o;
      const source = chartSource(o.source);
      const standing =
        row.rank !== undefined
          ? row.rankOf !== undefined
            ? `${row.rank}/${row.rankOf}`
            : String(row.rank)
          : row.group
            ? fill(t(lang, `chart.group.${row.group.kind}`), { size: String(row.group.size) })
            : '';
      const items: PlaceFigure[] = [];
      // Cẩm Phả's letter gives one count with two bases: the count is listed once.
      const countKey = `${o.snapshotId}|${o.measure}`;
      if (row.installs !== undefined && !counted.has(countKey)) {
        counted.add(countKey);
        items.push({ date: o.asOf, what: whatLabel('count', o.measure, null, lang), value: worded(formatNumber(row.installs, lang), row.installsQualifier, lang), standing: row.ratePercent === undefined ? standing : '', source });
      }
      if (row.ratePercent !== undefined || row.group !== undefined || (row.rank !== undefined && row.installs === undefined)) {
        items.push({
          date: o.asOf,
          what: whatLabel('rate', o.measure, o.rateBasis, lang),
          value: row.ratePercent === undefined ? '' : worded(formatPercent(row.ratePercent, lang), row.rateQualifier, lang),
          standing,
          source,
        });
      }
      return items;
    });
}

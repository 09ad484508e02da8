import type { Lang } from '../../../i18n/index.ts';
import { chartRows, type ChartSpec, type ChartSource } from '../model/spec.ts';
import { csvCell } from '../../core/escape.ts';
import { valueWords } from '../../stats/words.ts';
import { imageFormatList, imageFormats, type ImageFormat } from '../../images/formats.ts';

/**
 * The data behind each chart as files for newsrooms: CSV for spreadsheets, JSON for graphics
 * systems. Both carry exactly the drawn numbers (`chartRows`), with each figure's source.
 */

/** Byte-order mark: Excel only reads a CSV as UTF-8 (Vietnamese letters intact) when it starts with one. */
export const BOM = '\uFEFF';

/** Absolute form of a source URL (letters are cited by their page on this site). */
function absolute(url: string | null, site: URL | string): string | null {
  return url === null ? null : new URL(url, site).href;
}

export const csvColumns = [
  'chart_id',
  'series_vi',
  'series_en',
  'region_code',
  'region_name',
  'date',
  'kind',
  'measure',
  'basis',
  'value',
  'qualifier',
  'printed_in',
  'as_published_vi',
  'as_published_en',
  'rank',
  'rank_of',
  'source_name',
  'source_title',
  'source_url',
] as const;

/** The chart's numbers as CSV: UTF-8 with BOM, CRLF line ends, one row per drawn figure. */
export function chartCsv(spec: ChartSpec, site: URL | string): string {
  const lines = [csvColumns.join(',')];
  for (const row of chartRows(spec)) {
    lines.push(
      [
        spec.id,
        row.series.vi,
        row.series.en,
        row.regionCode,
        row.regionName,
        row.date,
        row.kind,
        row.measure,
        row.basis,
        row.value,
        row.qualifier,
        row.printedIn,
        valueWords(row, 'vi'),
        valueWords(row, 'en'),
        row.rank,
        row.rankOf,
        row.source.name,
        row.source.title,
        absolute(row.source.url, site),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

function sourceJson(source: ChartSource, site: URL | string) {
  return { name: source.name, title: source.title, url: absolute(source.url, site) };
}

/** The chart's numbers as JSON: what it shows, its sources, its targets and breaks, every row. */
export function chartJson(spec: ChartSpec, site: URL | string): object {
  return {
    id: spec.id,
    title: spec.title,
    summary: spec.summary,
    asOf: spec.asOf,
    unit: spec.unit,
    ...(spec.kind === 'bar' ? { measure: spec.measure, basis: spec.basis } : {}),
    sources: spec.sources.map((source) => sourceJson(source, site)),
    targets:
      spec.kind === 'timeline'
        ? spec.targets.map((target) => ({ value: target.value, unit: target.unit, from: target.from, deadline: target.deadline, label: target.label, source: sourceJson(spec.sources[target.source]!, site) }))
        : [],
    breaks: spec.kind === 'timeline' ? spec.breaks : [],
    missing: spec.kind === 'timeline' ? spec.missing : null,
    rows: chartRows(spec).map((row) => ({
      series: row.series,
      regionCode: row.regionCode,
      regionName: row.regionName,
      date: row.date,
      kind: row.kind,
      measure: row.measure,
      basis: row.basis,
      value: row.value,
      qualifier: row.qualifier,
      printedIn: row.printedIn,
      asPublished: { vi: valueWords(row, 'vi'), en: valueWords(row, 'en') },
      figure: row.figure,
      rank: row.rank,
      rankOf: row.rankOf,
      source: sourceJson(row.source, site),
    })),
  };
}

/** Where a chart's files live; `latest` names never move, dated ones never change. */
export interface ChartFileNames {
  /** The drawings the chart's page shows, by width (`moi-nhat.svg` is the wide one, 720 px). */
  svg: string;
  svgNarrow: string;
  /** Newsroom images per format (`moi-nhat-1920x1080.png`, `.svg`). */
  images: Record<ImageFormat, { png: string; svg: string }>;
  csv: string;
  json: string;
}

/** The widths a chart is drawn at for pages: a phone's and a wide column's (the page picks by screen width). */
export const WEB_WIDTHS = { narrow: 360, wide: 720 } as const;

/** The drawings a chart's page shows, one per web width: what the page's `<picture>` offers and what the build writes. */
export function pageDrawings(lang: Lang): Record<keyof typeof WEB_WIDTHS, { file: string; width: number }> {
  const names = latestNames(lang);
  return { wide: { file: names.svg, width: WEB_WIDTHS.wide }, narrow: { file: names.svgNarrow, width: WEB_WIDTHS.narrow } };
}

/** Image file names of one format: `<stem>-1920x1080.png` and `.svg` (charts and maps alike). */
export function imageNames(stem: string, format: ImageFormat): { png: string; svg: string } {
  const base = `${stem}-${imageFormats[format].file}`;
  return { png: `${base}.png`, svg: `${base}.svg` };
}

/** File names of the latest version (language decides the folder's wording). */
export function latestNames(lang: Lang): ChartFileNames {
  const stem = lang === 'vi' ? 'moi-nhat' : 'latest';
  const images = Object.fromEntries(imageFormatList.map((format) => [format, imageNames(stem, format)])) as ChartFileNames['images'];
  return { svg: `${stem}.svg`, svgNarrow: `${stem}-${WEB_WIDTHS.narrow}.svg`, images, csv: `${stem}.csv`, json: `${stem}.json` };
}

/**
 * The chart's spec as the interactive chart reads it (`/nhung/<id>/moi-nhat-tuong-tac.json`):
 * fetched with Chart.js when the reader reaches for a chart, so a page of charts does not carry
 * every chart's figures twice (drawn and as data). Bilingual, so under `/nhung/` only.
 */
export const LIVE_SPEC_FILE = 'moi-nhat-tuong-tac.json';

/** File names of a dated version (`2020-09-07.csv`). */
export function datedNames(asOf: string): Pick<ChartFileNames, 'csv' | 'json'> {
  return { csv: `${asOf}.csv`, json: `${asOf}.json` };
}

/** A chart's published JSON and how the Vietnamese pages print its values, for the chart tests. */

/** A row of a chart's published JSON (`/nhung/<id>/moi-nhat.json`). */
export interface Row {
  series: { vi: string; en: string };
  regionCode: string;
  date: string;
  kind: 'rate' | 'count';
  measure: string;
  basis: string | null;
  value: number;
  qualifier: string;
  printedIn: 'units' | 'millions';
}

/** A chart's published JSON, as a newsroom reads it. */
export interface ChartJson {
  id: string;
  asOf: string;
  unit: 'percent' | 'count';
  summary: { vi: string; en: string };
  rows: Row[];
  targets: { value: number }[];
  missing: { vi: string; en: string } | null;
}

/** How the Vietnamese page writes a value as published (16,08 % · hơn 20 triệu · khoảng 145.800 · 2,8 triệu). */
export function viValue(row: Pick<Row, 'value' | 'qualifier' | 'printedIn'>, unit: 'percent' | 'count'): string {
  const format = (value: number, digits: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value);
  const text = unit === 'percent' ? `${format(row.value, 2)}\u00a0%` : row.printedIn === 'millions' ? `${format(row.value / 1_000_000, 3)} triệu` : format(row.value, 0);
  const words: Record<string, string> = { more_than: 'hơn ', about: 'khoảng ', less_than: 'dưới ', exact: '' };
  return `${words[row.qualifier]}${text}`;
}

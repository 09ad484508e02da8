import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  MEASURES,
  RATE_BASES,
  REGION_LEVELS,
  DEFAULT_METHOD,
  snapshotSchemaWith,
  type Measure,
  type RateBasis,
  type RegionLevel,
  type RegionLookup,
  type Snapshot,
  type SnapshotRow,
  type SnapshotSource,
  rowKey,
} from '../../content/snapshot.ts';
import { campaign } from '../../content/campaign.ts';

/**
 * Turning a statistics feed (CSV reporting template or snapshot JSON) into validated snapshots.
 * No file or network access here: the fetch script and the benchmark hand in the bytes, this
 * module parses, validates and says exactly what is wrong (row and field), so invalid data is
 * never written.
 */

/** The CSV reporting template's columns, in order (`/du-lieu/mau-bao-cao.csv`). */
export const CSV_COLUMNS = [
  'as_of',
  'region_code',
  'region_name',
  'level',
  'installs',
  'population',
  'adults_15_60',
  'smartphones',
  'rate_percent',
  'rate_basis',
  'rank',
  'rank_of',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The template: header row only (a CSV has no comments; the filled example is on `/du-lieu/`). */
export const CSV_TEMPLATE = `${CSV_COLUMNS.join(',')}\r\n`;

/**
 * The filled example shown on `/du-lieu/`: Cẩm Phả's real figures of 31/01/2021 (letter
 * 588/TBTT-VHTT), one row per basis. A test imports it, so the page never shows a broken example.
 */
export const CSV_EXAMPLE = [
  CSV_COLUMNS.join(','),
  '2021-01-31,195,Cẩm Phả,district,72014,190232,,,"37,86",population,2,',
  '2021-01-31,195,Cẩm Phả,district,72014,,,192789,"37,35",smartphones,5,',
].join('\n');

/** One problem in the input: where (file, line/row of a CSV, row of a JSON snapshot) and which field. */
export interface ImportProblem {
  /** The snapshot file it concerns (`2021-06-25-feed.json`), when there is one. */
  file?: string;
  /** CSV: the line in the file (header = line 1). JSON: undefined. */
  line?: number;
  /** 1-based data row (CSV data row or index in a JSON snapshot's `rows` + 1); undefined for file-level problems. */
  row?: number;
  /** The column or field name (`installs`, `rate_percent`, `asOf`, `source.id`). */
  field: string;
  message: string;
}

/** `line 5 (row 4), installs: must not be negative` — one line per problem for logs. */
export function formatProblem(problem: ImportProblem): string {
  const where =
    problem.line !== undefined
      ? `line ${problem.line}${problem.row !== undefined ? ` (row ${problem.row})` : ''}`
      : problem.row !== undefined
        ? `row ${problem.row}`
        : problem.file === undefined
          ? 'file'
          : undefined;
  return [problem.file, where, problem.field].filter((part) => part !== undefined).join(', ') + `: ${problem.message}`;
}

// ─── numbers ────────────────────────────────────────────────────────────────

/** Result of parsing one cell: a value, nothing (empty cell), or an error message. */
export type CellResult = { ok: true; value: number | undefined } | { ok: false; message: string };

/** Shared result for an empty cell (most cells of a report are empty; no allocation per cell). */
const EMPTY_CELL: CellResult = Object.freeze({ ok: true, value: undefined });

const PLAIN_INTEGER = /^\d+$/;
/** Thousands grouped with one consistent separator: `145.800`, `1,851,827`, `72 014` (also no-break spaces). */
const GROUPED_INTEGER = /^\d{1,3}(?:([.,\u00a0\u202f ])\d{3})(?:\1\d{3})*$/;

/**
 * A count cell: empty → undefined; digits, optionally grouped in thousands (`145.800`,
 * `1,851,827`); anything else (negative, decimal, text) is an error. Counts up to 2^53.
 */
export function parseCount(cell: string): CellResult {
  if (cell === '') return EMPTY_CELL;
  const text = cell.trim();
  if (text === '') return EMPTY_CELL;
  if (text.startsWith('-')) return { ok: false, message: `must not be negative ("${cell}")` };
  const plain = PLAIN_INTEGER.test(text);
  if (!plain && !GROUPED_INTEGER.test(text)) return { ok: false, message: `not a whole number ("${cell}")` };
  const value = Number(plain ? text : text.replace(/[.,\u00a0\u202f ]/g, ''));
  if (!Number.isSafeInteger(value)) return { ok: false, message: `too large ("${cell}")` };
  return { ok: true, value };
}

const DECIMAL = /^\d+(?:[.,]\d+)?$/;

/**
 * A percentage cell: `16,08` (Vietnamese decimal comma), `16.08`, optionally with `%`;
 * empty → undefined. Must be between 0 and 100. No thousands separators (a rate is ≤ 100).
 */
export function parseRate(cell: string): CellResult {
  if (cell === '') return EMPTY_CELL;
  let text = cell.trim();
  if (text === '') return EMPTY_CELL;
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  if (text.startsWith('-')) return { ok: false, message: `a rate cannot be negative ("${cell}")` };
  if (!DECIMAL.test(text)) return { ok: false, message: `not a percentage ("${cell}"); write e.g. 16,08 or 16.08` };
  const value = Number(text.replace(',', '.'));
  if (value > 100) return { ok: false, message: `a rate cannot exceed 100% ("${cell}")` };
  return { ok: true, value };
}

/** True when `text` is a real ISO calendar date (`2021-02-30` is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A date cell: ISO `2020-09-07`, or as Vietnamese officials write it, `07/09/2020` (day first).
 * Returns the ISO date or undefined when unparsable.
 */
export function parseDate(cell: string): string | undefined {
  const text = cell.trim();
  if (isIsoDate(text)) return text;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

// ─── CSV rows ───────────────────────────────────────────────────────────────

/** Options every import needs. */
export interface ImportContext {
  regions: RegionLookup;
  /** Today's date in Vietnam (ISO); later `as_of` dates are rejected. */
  today: string;
  /** Date cells already parsed (a report file repeats a few dates a million times). */
  dateCache?: Map<string, string>;
}

/** A parsed, row-level-valid CSV row. */
export interface CsvRow {
  asOf: string;
  row: SnapshotRow;
}

/** Header check: every template column exactly once, nothing else. Returns the column positions. */
export function checkHeader(header: readonly string[]): { ok: true; positions: Record<CsvColumn, number> } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const names = header.map((h) => h.trim().toLowerCase());
  const positions = {} as Record<CsvColumn, number>;
  for (const column of CSV_COLUMNS) {
    const index = names.indexOf(column);
    if (index === -1) problems.push({ line: 1, field: column, message: 'column missing from the header' });
    else positions[column] = index;
  }
  names.forEach((name, index) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) problems.push({ line: 1, field: name || `column ${index + 1}`, message: 'unknown column' });
    else if (names.indexOf(name) !== index) problems.push({ line: 1, field: name, message: 'column appears twice' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, positions };
}

/**
 * Parses and checks one data record of the template. Reports every problem of the row (not just
 * the first), each with its line, row and column. The region must exist in the reference and
 * its level must match; an empty `region_name` is filled from the reference.
 */
export function parseCsvRecord(
  record: readonly string[],
  positions: Record<CsvColumn, number>,
  where: { line: number; row: number },
  context: ImportContext,
): { row?: CsvRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ line: where.line, row: where.row, field, message });
  const cell = (column: CsvColumn) => record[positions[column]] ?? '';

  if (record.length !== CSV_COLUMNS.length) problem('(row)', `has ${record.length} cells, the header has ${CSV_COLUMNS.length}`);

  const dateCell = cell('as_of');
  let asOf = context.dateCache?.get(dateCell);
  if (asOf === undefined) {
    asOf = parseDate(dateCell);
    if (asOf !== undefined) context.dateCache?.set(dateCell, asOf);
  }
  if (asOf === undefined) problem('as_of', `not a date ("${cell('as_of')}"); write yyyy-mm-dd, e.g. 2020-09-07`);
  else if (asOf > context.today) problem('as_of', `${asOf} is in the future (today is ${context.today})`);

  const code = cell('region_code').trim();
  const levelText = cell('level').trim();
  const level = (REGION_LEVELS as readonly string[]).includes(levelText) ? (levelText as RegionLevel) : undefined;
  if (level === undefined) problem('level', `must be ${REGION_LEVELS.join(', ')} ("${levelText}")`);
  const known = context.regions.byCode(code);
  let name = cell('region_name').trim();
  if (!known) problem('region_code', code === '' ? 'missing' : `unknown region code "${code}"`);
  else {
    if (level !== undefined && known.level !== level) problem('level', `${code} is a ${known.level}, not a ${level}`);
    if (name === '') name = known.name;
    else if (name !== known.name && name !== known.fullName) problem('region_name', `${code} is "${known.name}", not "${name}"`);
  }

  const counts: Partial<Record<'installs' | 'population' | 'adults_15_60' | 'smartphones' | 'rank' | 'rank_of', number>> = {};
  for (const column of ['installs', 'population', 'adults_15_60', 'smartphones', 'rank', 'rank_of'] as const) {
    const parsed = parseCount(cell(column));
    if (!parsed.ok) problem(column, parsed.message);
    else if (parsed.value !== undefined) counts[column] = parsed.value;
  }
  for (const column of ['rank', 'rank_of'] as const) if (counts[column] === 0) problem(column, 'must be 1 or more');

  const rate = parseRate(cell('rate_percent'));
  if (!rate.ok) problem('rate_percent', rate.message);
  const basisText = cell('rate_basis').trim();
  let basis: RateBasis | undefined;
  if (basisText === '') basis = undefined;
  else if ((RATE_BASES as readonly string[]).includes(basisText) && basisText !== 'not_stated') basis = basisText as RateBasis;
  else problem('rate_basis', `must be population, adults_15_60, smartphones or empty ("${basisText}")`);

  const installs = counts.installs;
  if (installs !== undefined) {
    for (const column of ['population', 'adults_15_60', 'smartphones'] as const) {
      const denominator = counts[column];
      if (denominator !== undefined && installs > denominator) problem('installs', `${installs} is more than ${column} ${denominator}`);
    }
  }
  if (counts.rank !== undefined && counts.rank_of !== undefined && counts.rank > counts.rank_of) problem('rank', `${counts.rank} is beyond rank_of ${counts.rank_of}`);
  const ratePercent = rate.ok ? rate.value : undefined;
  if (installs === undefined && ratePercent === undefined && counts.rank === undefined && rate.ok) {
    problem('installs', 'the row has no figure: give installs, rate_percent or rank');
  }

  if (problems.length || asOf === undefined || !known || level === undefined) return { problems };
  const row: SnapshotRow = { region: { code, name, level } };
  if (installs !== undefined) row.installs = installs;
  if (counts.population !== undefined) row.population = counts.population;
  if (counts.adults_15_60 !== undefined) row.adults15to60 = counts.adults_15_60;
  if (counts.smartphones !== undefined) row.smartphones = counts.smartphones;
  if (ratePercent !== undefined) row.ratePercent = ratePercent;
  if (ratePercent !== undefined || counts.rank !== undefined) row.rateBasis = basis ?? 'not_stated';
  if (counts.rank !== undefined) row.rank = counts.rank;
  if (counts.rank_of !== undefined) row.rankOf = counts.rank_of;
  return { row: { asOf, row }, problems };
}

/**
 * Region code and basis as one integer: `VN` → 0, provinces (2 digits) 1–100, districts (3 digits)
 * 1001–2000: province `60` and district `060` are different places.
 */
function duplicateKey(row: SnapshotRow): number {
  const code = row.region.code === 'VN' ? 0 : Number(row.region.code) + 1 + (row.region.code.length === 3 ? 1000 : 0);
  return code * RATE_BASES.length + RATE_BASES.indexOf(row.rateBasis ?? 'not_stated');
}

/** Options for turning CSV rows into snapshots. */
export interface CsvImportOptions extends ImportContext {
  /** Source of every snapshot made from this file (id, name, url; `retrievedAt` set by the caller). */
  source: SnapshotSource;
  /** What the `installs` column counts (default `downloads`). */
  measure?: Measure;
  /** Keep rows to build snapshots (default true). The benchmark validates only. */
  collect?: boolean;
  /** Stop listing problems after this many (the rest are counted). Default 100. */
  maxProblems?: number;
  /** Refuse a file with more data rows than this (the fetch's cap); unlimited when absent (the benchmark). */
  maxRows?: number;
}

/** Outcome of an import: snapshots (one per `as_of` date) when there are no problems. */
export interface ImportResult {
  snapshots: Snapshot[];
  problems: ImportProblem[];
  /** Problems beyond `maxProblems`, counted but not listed. */
  moreProblems: number;
  rows: number;
  /**
   * Set when the body is not the format at all (not the template's header, not JSON in the
   * snapshot shape: an HTML error page served with status 200, say). The fetch exits with its own code.
   */
  unrecognised?: string;
}

/**
 * Streams a CSV (bytes or text chunks; UTF-8 with or without BOM) through csv-parse and
 * validates every row: header, dates (parsable, not in the future), region codes, counts,
 * rates, denominators and duplicates (same date, region and basis). Memory grows with the
 * number of distinct (date, region, basis) keys, not with the file size, when `collect` is off.
 */
export async function importCsv(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: CsvImportOptions): Promise<ImportResult> {
  const maxProblems = options.maxProblems ?? 100;
  const collect = options.collect ?? true;
  const problems: ImportProblem[] = [];
  let moreProblems = 0;
  const report = (found: ImportProblem[]) => {
    for (const p of found) {
      if (problems.length < maxProblems) problems.push(p);
      else moreProblems++;
    }
  };
  const byDate = new Map<string, SnapshotRow[]>();
  /** date → (region code × basis as one small integer) → first row number, for duplicate detection; compact for a million rows. */
  const seen = new Map<string, Map<number, number>>();
  const context: ImportContext = { ...options, dateCache: new Map() };
  let positions: Record<CsvColumn, number> | undefined;
  let rows = 0;
  let unrecognised: string | undefined;

  const parser = parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true });
  const input = Readable.from(chunks, { objectMode: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  /** Handles one record; returns false to stop reading (a bad header). Synchronous: no promise per row. */
  const handle = (record: string[], line: number): boolean => {
    if (positions === undefined) {
      const header = checkHeader(record);
      if (!header.ok) {
        report(header.problems);
        unrecognised = `the first line is not the reporting template's header (${formatProblem(header.problems[0]!)})`;
        return false;
      }
      positions = header.positions;
      return true;
    }
    rows++;
    if (options.maxRows !== undefined && rows > options.maxRows) {
      report([{ line, field: '(file)', message: `more than ${options.maxRows} data rows` }]);
      return false;
    }
    const where = { line, row: rows };
    const parsed = parseCsvRecord(record, positions, where, context);
    if (!parsed.row) {
      report(parsed.problems);
      return true;
    }
    const { asOf, row } = parsed.row;
    const key = duplicateKey(row);
    let keys = seen.get(asOf);
    if (!keys) seen.set(asOf, (keys = new Map()));
    const first = keys.get(key);
    if (first !== undefined) {
      report([{ ...where, field: 'region_code', message: `duplicate of row ${first} (same as_of, region and rate_basis)` }]);
      return true;
    }
    keys.set(key, rows);
    if (collect) {
      let list = byDate.get(asOf);
      if (!list) byDate.set(asOf, (list = []));
      list.push(row);
    }
    return true;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
        if (!handle(record, info.lines)) {
          input.unpipe(parser);
          input.destroy();
          parser.destroy();
          resolve();
        }
      });
      parser.on('end', resolve);
      parser.on('error', reject);
    });
  } catch (error) {
    const e = error as { code?: string; message: string; lines?: number };
    if (!e.code?.startsWith('CSV_')) throw error; // transport errors belong to the caller
    report([{ line: e.lines, field: '(file)', message: e.message }]);
    unrecognised ??= `not CSV (${e.message})`;
  }
  if (positions === undefined && problems.length === 0) {
    report([{ line: 1, field: '(file)', message: 'empty file: expected the header row' }]);
    unrecognised = 'empty body';
  }
  else if (positions !== undefined && rows === 0) report([{ line: 2, field: '(file)', message: 'no data rows' }]);

  const snapshots: Snapshot[] = [];
  if (problems.length === 0 && collect) {
    for (const [asOf, list] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      snapshots.push({ asOf, source: options.source, measure: options.measure ?? 'downloads', method: DEFAULT_METHOD, rows: list });
    }
  }
  return { snapshots: problems.length ? [] : snapshots, problems, moreProblems, rows, ...(unrecognised ? { unrecognised } : {}) };
}

// ─── JSON ───────────────────────────────────────────────────────────────────

/** Maps a Zod issue path (`rows.3.installs`) to a problem (`row 4, installs`). */
function problemFromPath(path: readonly PropertyKey[], message: string): ImportProblem {
  if (path[0] === 'rows' && typeof path[1] === 'number') {
    return { row: path[1] + 1, field: path.slice(2).map(String).join('.') || '(row)', message };
  }
  return { field: path.map(String).join('.') || '(snapshot)', message };
}

/** Options of a JSON import: the provenance every snapshot gets, whatever the feed says. */
export interface JsonImportOptions {
  regions: RegionLookup;
  /** The configured source; a `source` in the feed is ignored (a feed never decides its own provenance). */
  source: SnapshotSource;
  /** Refuse a feed with more rows in all than this. */
  maxRows?: number;
}

/** True for a value that looks like a snapshot at all: an object with `asOf` and a `rows` array. */
function snapshotShaped(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'asOf' in value && Array.isArray((value as { rows?: unknown }).rows);
}

/**
 * Validates a JSON feed: one snapshot object or an array of them, in the snapshot shape (its
 * `source` is replaced by the configured one), against the regions reference and the row cap.
 * Dates and counts are then checked by `plausibilityProblems`.
 */
export function importJson(text: string, options: JsonImportOptions): ImportResult {
  const fail = (message: string): ImportResult => ({ snapshots: [], problems: [{ field: '(file)', message }], moreProblems: 0, rows: 0, unrecognised: message });
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(snapshotShaped)) return fail('JSON, but not in the snapshot shape (an object, or a list of objects, with asOf and rows)');
  const rows = list.reduce((sum, item) => sum + (item.rows as unknown[]).length, 0);
  if (options.maxRows !== undefined && rows > options.maxRows) {
    return { snapshots: [], problems: [{ field: 'rows', message: `${rows} rows in all, more than ${options.maxRows}` }], moreProblems: 0, rows };
  }
  const schema = snapshotSchemaWith(options.regions);
  const snapshots: Snapshot[] = [];
  const problems: ImportProblem[] = [];
  list.forEach((item, index) => {
    const prefix = list.length > 1 ? `snapshot ${index + 1}: ` : '';
    const result = schema.safeParse({ ...item, source: options.source });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(problemFromPath(issue.path, prefix + issue.message));
      return;
    }
    snapshots.push(result.data);
  });
  return { snapshots: problems.length ? [] : snapshots, problems, moreProblems: 0, rows };
}

/** Checks that a whole snapshot built from a CSV also passes the schema (defence in depth). */
export function checkSnapshot(snapshot: Snapshot, regions: RegionLookup): ImportProblem[] {
  const result = snapshotSchemaWith(regions).safeParse(snapshot);
  return result.success ? [] : result.error.issues.map((issue) => problemFromPath(issue.path, `${snapshot.asOf}: ${issue.message}`));
}

// ─── append-only ────────────────────────────────────────────────────────────

/** File name of a snapshot in `content/stats/`: `<asOf>-<source id>.json`. */
export function snapshotFileName(snapshot: Pick<Snapshot, 'asOf' | 'source'>): string {
  return `${snapshot.asOf}-${snapshot.source.id}.json`;
}

/**
 * One spelling per address, so `HTTPS://Example.org:443/a/../feed.csv#x` and
 * `https://example.org/feed.csv` are the same source (WHATWG URL: lower-case scheme and host,
 * default port dropped, dot segments resolved; the fragment never reaches a server).
 */
export function normaliseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** What the data says, without when it was read, in one order and one URL spelling: two fetches of the same data compare equal. */
function comparable(snapshot: Snapshot): string {
  const { retrievedAt: _ignored, ...source } = snapshot.source;
  if (source.url !== undefined) source.url = normaliseUrl(source.url);
  if (source.alsoAt !== undefined) source.alsoAt = source.alsoAt.map(normaliseUrl).sort();
  const rows = snapshot.rows.map((row) => ({ key: rowKey(row, snapshot.measure), json: stableJson(row) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.json < b.json ? -1 : 1));
  return stableJson({ ...snapshot, source, method: snapshot.method ?? DEFAULT_METHOD, rows: rows.map((r) => r.json) });
}

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Verdict for one incoming snapshot against those already committed. */
export type AppendDecision = { kind: 'new' } | { kind: 'same' } | { kind: 'rejected'; problem: ImportProblem };

/**
 * Append-only rule: a snapshot is new only when it is newer than every committed snapshot of the
 * same source. The same data again (same date, same rows in any order, same address however
 * spelled) is "nothing new", not an error; a second, different snapshot for a committed day and
 * an older date are refused (committed data never changes).
 */
export function decideAppend(incoming: Snapshot, existing: readonly Snapshot[]): AppendDecision {
  const sameSource = existing.filter((s) => s.source.id === incoming.source.id);
  const sameDay = sameSource.filter((s) => s.asOf === incoming.asOf);
  if (sameDay.some((s) => comparable(s) === comparable(incoming))) return { kind: 'same' };
  if (sameDay.length) {
    return {
      kind: 'rejected',
      problem: {
        field: 'as_of',
        message: `a second snapshot for ${incoming.asOf} from source "${incoming.source.id}" with other figures than the committed one; committed snapshots are never changed (a correction is a snapshot of a later date or another source id, with a note)`,
      },
    };
  }
  const newest = sameSource.reduce<string | undefined>((max, s) => (max === undefined || s.asOf > max ? s.asOf : max), undefined);
  if (newest !== undefined && incoming.asOf < newest) {
    return {
      kind: 'rejected',
      problem: {
        field: 'as_of',
        message: `${incoming.asOf} is older than the newest committed snapshot of source "${incoming.source.id}" (${newest}); committed snapshots are never changed`,
      },
    };
  }
  return { kind: 'new' };
}

// ─── plausibility ───────────────────────────────────────────────────────────

/**
 * Bounds a figure must stay within to be believed (README, "Plausibility bounds"). The largest
 * real jump in the committed data is ×7,3 (national downloads, 02/08 → 09/08/2020), so ×10 refuses typos (an extra zero) and
 * unit mix-ups while letting a real surge through; a real larger jump needs `jumpReason`.
 */
export const PLAUSIBLE = {
  /** Bluezone's launch: no figure can be older. */
  earliest: campaign.launch.date,
  /** Largest change between two consecutive figures of one series, either way, without a `jumpReason`. */
  jumpFactor: 10,
  /**
   * Rows per feed: every region of 2020 (1 country + 63 provinces + 705 districts) on all three
   * bases is 2 307 rows; the whole committed history is about 150.
   */
  maxRows: 2500,
  /** Bytes per feed: 2 500 template rows at ~100 bytes; the whole committed history is ~40 KB of JSON. */
  maxBytes: 256 * 1024,
} as const;

/** Populations the count check knows: the confirmed 2019 census figures of the regions reference. */
export interface PlausibilityContext {
  today: string;
  regions: { provinces: readonly { code: string; population2019: { count: number } | null }[] };
}

/**
 * Checks one snapshot against the bounds that need no other snapshot: a date between launch and
 * today, no count above the place's known population. (No rate above 100 %: the schema.)
 */
export function plausibilityProblems(snapshot: Snapshot, context: PlausibilityContext): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (snapshot.asOf < PLAUSIBLE.earliest) problems.push({ field: 'asOf', message: `${snapshot.asOf} is before ${campaign.app.name}'s launch (${PLAUSIBLE.earliest})` });
  if (snapshot.asOf > context.today) problems.push({ field: 'asOf', message: `${snapshot.asOf} is in the future (today is ${context.today})` });
  const populations = new Map(context.regions.provinces.flatMap((p) => (p.population2019 ? [[p.code, p.population2019.count] as const] : [])));
  snapshot.rows.forEach((row, index) => {
    const population = populations.get(row.region.code);
    if (row.installs !== undefined && population !== undefined && row.installs > population) {
      problems.push({ row: index + 1, field: 'installs', message: `${row.installs} is more than the population of ${row.region.name} (${population})` });
    }
  });
  return problems;
}

/** A jump refused by `jumpProblems`: the later snapshot of the pair carries the problem. */
export interface Jump<T> {
  earlier: T;
  later: T;
  problem: ImportProblem;
}

/**
 * Consecutive figures of one series (place × measure × counting method for counts; × basis for
 * rates) that change by more than `PLAUSIBLE.jumpFactor` either way, unless the later snapshot
 * gives a `jumpReason`. Upper bounds ("<8%") are not figures to compare.
 */
export function jumpProblems<T extends { snapshot: Snapshot }>(entries: readonly T[]): Jump<T>[] {
  const series = new Map<string, { entry: T; value: number; row: number }[]>();
  for (const entry of entries) {
    const { snapshot } = entry;
    const method = snapshot.method ?? DEFAULT_METHOD;
    snapshot.rows.forEach((row, index) => {
      const measure = row.measure ?? snapshot.measure;
      const add = (key: string, value: number | undefined) => {
        if (value === undefined || value === 0) return;
        let list = series.get(key);
        if (!list) series.set(key, (list = []));
        list.push({ entry, value, row: index + 1 });
      };
      add(`installs|${row.region.code}|${measure}|${method}`, row.installsQualifier === 'less_than' ? undefined : row.installs);
      add(`ratePercent|${row.region.code}|${measure}|${row.rateBasis}|${method}`, row.rateQualifier === 'less_than' ? undefined : row.ratePercent);
    });
  }
  const jumps: Jump<T>[] = [];
  for (const [key, list] of series) {
    list.sort((a, b) => (a.entry.snapshot.asOf < b.entry.snapshot.asOf ? -1 : a.entry.snapshot.asOf > b.entry.snapshot.asOf ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]!;
      const after = list[i]!;
      const factor = Math.max(after.value / before.value, before.value / after.value);
      if (factor <= PLAUSIBLE.jumpFactor || after.entry.snapshot.jumpReason !== undefined) continue;
      const field = key.slice(0, key.indexOf('|'));
      jumps.push({
        earlier: before.entry,
        later: after.entry,
        problem: {
          row: after.row,
          field,
          message: `${after.value} on ${after.entry.snapshot.asOf} is ×${factor.toFixed(1)} ${after.value > before.value ? 'up' : 'down'} from ${before.value} on ${before.entry.snapshot.asOf} (more than ×${PLAUSIBLE.jumpFactor}); give the snapshot a jumpReason if it is real`,
        },
      });
    }
  }
  return jumps;
}

/** Measures accepted by `--measure` (re-exported for the script's usage text). */
export { MEASURES };

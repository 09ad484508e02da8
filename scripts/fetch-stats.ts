/**
 * fetch-stats: pulls the latest install figures from a configured source into
 * `content/stats/` as new snapshot files. The ONLY code in the project that touches the network.
 *
 *   node scripts/fetch-stats.ts --source <url-or-file> [options]
 *   STATS_SOURCE_URL=<url> node scripts/fetch-stats.ts
 *   node scripts/fetch-stats.ts --if-configured      (what `npm run build` runs first)
 *
 * Exit codes (documented in README):
 *   0  new snapshot(s) written, or nothing new; with --if-configured also: no source configured,
 *      or source unreachable (the build then uses the committed snapshots, one line says so)
 *   1  usage error (unknown option, no source without --if-configured) or unexpected failure
 *   2  source unreachable: network error, timeout, HTTP error status, too many redirects,
 *      truncated body, missing local file
 *   3  invalid data: wrong content type, invalid JSON/CSV, body over --max-bytes, a row that fails
 *      validation, a snapshot not newer than the committed ones. Nothing is written.
 *
 * Everything is validated before anything is written; each file is written to a temp name and
 * renamed, never over an existing snapshot.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegions } from '../src/lib/regions.ts';
import { formatDate, isoDateInVietnam } from '../src/lib/format.ts';
import { slugify } from '../src/lib/slug.ts';
import {
  MEASURES,
  checkSnapshot,
  decideAppend,
  formatProblem,
  importCsv,
  importJson,
  snapshotFileName,
  type ImportProblem,
  type ImportResult,
} from '../src/lib/stats-import.ts';
import { snapshotSchemaWith, type Measure, type Snapshot, type SnapshotSource } from '../src/schemas/snapshot.ts';

const EXIT = { ok: 0, usage: 1, unreachable: 2, invalid: 3 } as const;

/** A failure that maps to an exit code. */
class FetchError extends Error {
  readonly kind: 'unreachable' | 'invalid';
  readonly retryable: boolean;
  constructor(kind: 'unreachable' | 'invalid', message: string, retryable = false) {
    super(message);
    this.kind = kind;
    this.retryable = retryable;
  }
}

const { values: args } = parseArgs({
  options: {
    source: { type: 'string' },
    'if-configured': { type: 'boolean', default: false },
    'stats-dir': { type: 'string' },
    format: { type: 'string' },
    'source-id': { type: 'string' },
    'source-name': { type: 'string' },
    'source-url': { type: 'string' },
    measure: { type: 'string', default: 'downloads' },
    timeout: { type: 'string', default: '15000' },
    retries: { type: 'string', default: '2' },
    backoff: { type: 'string', default: '1000' },
    'max-bytes': { type: 'string', default: String(100 * 1024 * 1024) },
    'max-redirects': { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

const USAGE = `usage: node scripts/fetch-stats.ts [--source <url|file>] [--if-configured] [--stats-dir DIR]
  [--format csv|json] [--source-id ID] [--source-name NAME] [--source-url URL] [--measure ${MEASURES.join('|')}]
  [--timeout MS] [--retries N] [--backoff MS] [--max-bytes N] [--max-redirects N]
Source: --source, else $STATS_SOURCE_URL. Snapshot folder: --stats-dir, else $STATS_DIR, else content/stats.`;

function positiveInt(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new FetchErrorUsage(`--${name} must be a whole number, got "${text}"`);
  return value;
}
class FetchErrorUsage extends Error {}

const statsDir = resolve(args['stats-dir'] ?? process.env.STATS_DIR ?? 'content/stats');

/** Committed snapshots, parsed (they are validated by the build; here we only need their data). */
function committedSnapshots(): { file: string; data: Snapshot }[] {
  if (!existsSync(statsDir)) return [];
  return readdirSync(statsDir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, data: JSON.parse(readFileSync(join(statsDir, file), 'utf8')) as Snapshot }));
}

/** The one line a build prints about which data it used. */
function usingCommitted(reason: string): string {
  const list = committedSnapshots();
  const newest = list.reduce<string | undefined>((max, s) => (max === undefined || s.data.asOf > max ? s.data.asOf : max), undefined);
  const folder = relativeDir();
  return `fetch-stats: ${reason}; using the ${list.length} committed snapshots in ${folder}${newest ? ` (newest ${formatDate(newest, 'vi')})` : ''}`;
}

function relativeDir(): string {
  const cwd = process.cwd();
  return statsDir.startsWith(cwd + '/') ? statsDir.slice(cwd.length + 1) : statsDir;
}

// ─── reading the source ─────────────────────────────────────────────────────

type Format = 'csv' | 'json';

/** Picks the format from --format, the content type, or the file extension. */
function formatOf(location: string, contentType: string | undefined): Format {
  if (args.format === 'csv' || args.format === 'json') return args.format;
  if (args.format !== undefined) throw new FetchErrorUsage(`--format must be csv or json, got "${args.format}"`);
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined) {
    if (type === 'text/csv' || type === 'application/csv' || type === 'text/comma-separated-values') return 'csv';
    if (type === 'application/json' || type.endsWith('+json')) return 'json';
    if (type === 'text/plain' || type === 'application/octet-stream') {
      const ext = extname(new URL(location).pathname).toLowerCase();
      if (ext === '.csv') return 'csv';
      if (ext === '.json') return 'json';
    }
    throw new FetchError('invalid', `unexpected content type "${contentType}" (expected text/csv or application/json)`);
  }
  const ext = extname(location).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new FetchError('invalid', `cannot tell the format of ${location}; name it .csv or .json, or pass --format`);
}

/** Counts bytes, enforces --max-bytes, and shows progress on a terminal for long downloads. */
async function* metered(body: AsyncIterable<Uint8Array>, maxBytes: number, expected: number | undefined): AsyncGenerator<Uint8Array> {
  let received = 0;
  const tty = process.stderr.isTTY === true;
  let lastReport = Date.now();
  let reported = false;
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) throw new FetchError('invalid', `body larger than --max-bytes ${maxBytes}`);
    if (tty && Date.now() - lastReport > 250) {
      lastReport = Date.now();
      reported = true;
      const total = expected ? ` / ${(expected / 1e6).toFixed(1)} MB` : '';
      process.stderr.write(`\rfetch-stats: ${(received / 1e6).toFixed(1)} MB${total}   `);
    }
    yield chunk;
  }
  if (reported) process.stderr.write('\n');
  if (expected !== undefined && received < expected) {
    throw new FetchError('unreachable', `truncated body: got ${received} of ${expected} bytes`, true);
  }
}

/** Reads the whole (bounded) body as text, for JSON. */
async function readText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw new FetchError('invalid', 'the body is not valid UTF-8');
  }
}

interface Opened {
  location: string;
  format: Format;
  body: AsyncIterable<Uint8Array>;
  abort: () => void;
}

/** One HTTP attempt with a timeout covering headers AND body, redirects followed by hand (bounded). */
async function openUrl(url: string, timeoutMs: number, maxRedirects: number, maxBytes: number): Promise<Opened> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FetchError('unreachable', `timed out after ${timeoutMs} ms`, true)), timeoutMs);
  const abort = () => {
    clearTimeout(timer);
    controller.abort();
  };
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(current, { redirect: 'manual', signal: controller.signal, headers: { accept: 'text/csv, application/json;q=0.9' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= maxRedirects) throw new FetchError('unreachable', `more than ${maxRedirects} redirects (last: ${current})`);
        current = new URL(response.headers.get('location')!, current).toString();
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
        throw new FetchError('unreachable', `HTTP ${response.status} ${response.statusText} from ${current}`, retryable);
      }
      const lengthHeader = response.headers.get('content-length');
      const expected = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
      if (expected !== undefined && expected > maxBytes) {
        await response.body?.cancel();
        throw new FetchError('invalid', `body of ${expected} bytes is larger than --max-bytes ${maxBytes}`);
      }
      const format = formatOf(current, response.headers.get('content-type') ?? '');
      if (!response.body) throw new FetchError('unreachable', 'empty response', true);
      const source = response.body as unknown as AsyncIterable<Uint8Array>;
      const body = (async function* () {
        try {
          yield* metered(source, maxBytes, expected);
        } catch (error) {
          throw asFetchError(error, controller);
        } finally {
          clearTimeout(timer);
        }
      })();
      return { location: current, format, body, abort };
    }
  } catch (error) {
    abort();
    throw asFetchError(error, controller);
  }
}

/** Network-level errors (reset, refused, DNS, abort) become "unreachable" and retryable. */
function asFetchError(error: unknown, controller?: AbortController): unknown {
  if (error instanceof FetchError || error instanceof FetchErrorUsage) return error;
  if (controller?.signal.aborted && controller.signal.reason instanceof FetchError) return controller.signal.reason;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new FetchError('unreachable', `network error: ${detail}`, true);
}

function openFile(path: string): Opened {
  if (!existsSync(path) || !statSync(path).isFile()) throw new FetchError('unreachable', `no such file: ${path}`);
  const maxBytes = positiveInt('max-bytes', args['max-bytes']!);
  const size = statSync(path).size;
  if (size > maxBytes) throw new FetchError('invalid', `file of ${size} bytes is larger than --max-bytes ${maxBytes}`);
  const stream = createReadStream(path);
  return { location: path, format: formatOf(path, undefined), body: stream as AsyncIterable<Uint8Array>, abort: () => stream.destroy() };
}

/** Reads and validates the source; returns snapshots or throws FetchError. */
async function readSource(location: string, isUrl: boolean): Promise<{ result: ImportResult; location: string }> {
  const regions = loadRegions();
  const today = isoDateInVietnam(new Date());
  const opened = isUrl
    ? await openUrl(location, positiveInt('timeout', args.timeout!), positiveInt('max-redirects', args['max-redirects']!), positiveInt('max-bytes', args['max-bytes']!))
    : openFile(location);
  try {
    if (opened.format === 'json') {
      const result = importJson(await readText(opened.body), { regions, today });
      // Record when the feed was read, unless the feed says so itself.
      const retrievedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      result.snapshots = result.snapshots.map((s) => (s.source.retrievedAt ? s : { ...s, source: { ...s.source, retrievedAt } }));
      return { result, location: opened.location };
    }
    const measure = args.measure as Measure;
    if (!(MEASURES as readonly string[]).includes(measure)) throw new FetchErrorUsage(`--measure must be one of ${MEASURES.join(', ')}`);
    const result = await importCsv(opened.body, { regions, today, source: csvSource(location, isUrl), measure });
    for (const snapshot of result.snapshots) result.problems.push(...checkSnapshot(snapshot, regions));
    if (result.problems.length) result.snapshots = [];
    return { result, location: opened.location };
  } catch (error) {
    throw asFetchError(error);
  } finally {
    opened.abort();
  }
}

/** Source metadata for snapshots made from a CSV (which carries figures only). */
function csvSource(location: string, isUrl: boolean): SnapshotSource {
  const fallbackName = isUrl ? new URL(location).hostname : basename(location);
  const id = args['source-id'] ?? slugify(isUrl ? new URL(location).hostname : basename(location, extname(location)));
  const source: SnapshotSource = { id, name: args['source-name'] ?? fallbackName, retrievedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const url = isUrl ? location : args['source-url'];
  if (url !== undefined) source.url = url;
  else source.reference = basename(location);
  return source;
}

/** Bounded retries with exponential backoff, for retryable failures only. */
async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  const retries = positiveInt('retries', args.retries!);
  const backoff = positiveInt('backoff', args.backoff!);
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof FetchError) || !error.retryable || n >= retries) throw error;
      const wait = backoff * 2 ** n;
      console.error(`fetch-stats: ${error.message}; retrying in ${wait} ms (${n + 1}/${retries})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

// ─── writing ────────────────────────────────────────────────────────────────

/**
 * Writes all new snapshots or none: every file first goes to a temp name in the same folder
 * (same file system, so the rename is atomic), then each is renamed into place; an existing
 * file is never overwritten. If a temp write fails, the temps are removed and nothing appears.
 */
function writeAllAtomically(files: { file: string; text: string }[]): void {
  const staged: { temp: string; file: string }[] = [];
  try {
    for (const { file, text } of files) {
      if (existsSync(file)) throw new Error(`refusing to overwrite ${file}`);
      const temp = join(statsDir, `.${basename(file)}.${process.pid}.tmp`);
      staged.push({ temp, file });
      writeFileSync(temp, text, { flag: 'wx' });
    }
    for (const { temp, file } of staged) renameSync(temp, file);
  } finally {
    for (const { temp } of staged) rmSync(temp, { force: true });
  }
}

function printProblems(problems: ImportProblem[], more: number, location: string): void {
  console.error(`fetch-stats: invalid data from ${location}; nothing written (${problems.length + more} problem${problems.length + more === 1 ? '' : 's'}):`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  if (more) console.error(`  … and ${more} more`);
}

// ─── main ───────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
  if (args.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const configured = args.source ?? process.env.STATS_SOURCE_URL;
  if (!configured) {
    if (args['if-configured']) {
      console.log(usingCommitted('no source configured (STATS_SOURCE_URL)'));
      return EXIT.ok;
    }
    console.error(`fetch-stats: no source given.\n${USAGE}`);
    return EXIT.usage;
  }
  const isUrl = /^https?:\/\//i.test(configured);
  let read: { result: ImportResult; location: string };
  try {
    read = await withRetries(() => readSource(configured, isUrl));
  } catch (error) {
    if (error instanceof FetchErrorUsage) {
      console.error(`fetch-stats: ${error.message}\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof FetchError && error.kind === 'unreachable') {
      if (args['if-configured']) {
        console.log(usingCommitted(`source unreachable (${error.message})`));
        return EXIT.ok;
      }
      console.error(`fetch-stats: source unreachable: ${error.message}`);
      return EXIT.unreachable;
    }
    if (error instanceof FetchError) {
      printProblems([{ field: '(file)', message: error.message }], 0, configured);
      return EXIT.invalid;
    }
    throw error;
  }

  const { result } = read;
  if (result.problems.length) {
    printProblems(result.problems, result.moreProblems, configured);
    return EXIT.invalid;
  }

  // Append-only: decide for every snapshot before writing any.
  const existing = committedSnapshots().map((s) => s.data);
  const toWrite: Snapshot[] = [];
  const problems: ImportProblem[] = [];
  for (const snapshot of result.snapshots) {
    const decision = decideAppend(snapshot, existing);
    if (decision.kind === 'rejected') problems.push(decision.problem);
    else if (decision.kind === 'new') {
      const file = join(statsDir, snapshotFileName(snapshot));
      if (existsSync(file)) problems.push({ field: 'as_of', message: `${basename(file)} already exists with other figures` });
      else toWrite.push(snapshot);
    }
  }
  const schema = snapshotSchemaWith(loadRegions());
  for (const snapshot of toWrite) if (!schema.safeParse(snapshot).success) problems.push({ field: '(snapshot)', message: `${snapshot.asOf} failed the final check` });
  if (problems.length) {
    printProblems(problems, 0, configured);
    return EXIT.invalid;
  }
  writeAllAtomically(toWrite.map((snapshot) => ({ file: join(statsDir, snapshotFileName(snapshot)), text: `${JSON.stringify(snapshot, null, 2)}\n` })));
  if (toWrite.length === 0) {
    console.log(usingCommitted(`nothing new from ${configured} (${result.snapshots.length} snapshot${result.snapshots.length === 1 ? '' : 's'} already committed)`));
  } else {
    console.log(
      `fetch-stats: wrote ${toWrite.length} new snapshot${toWrite.length === 1 ? '' : 's'} (${toWrite.length > 3 ? `${toWrite.slice(0, 2).map(snapshotFileName).join(', ')} … ${snapshotFileName(toWrite.at(-1)!)}` : toWrite.map(snapshotFileName).join(', ')}) from ${configured} into ${relativeDir()}`,
    );
  }
  return EXIT.ok;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof FetchErrorUsage) {
      console.error(`fetch-stats: ${error.message}`);
    } else console.error('fetch-stats: unexpected failure:', error);
    process.exitCode = EXIT.usage;
  },
);

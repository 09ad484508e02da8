/**
 * fetch-stats: pulls the latest install figures from ONE configured source into `content/stats/`
 * as new snapshot files. The ONLY code in the project that touches the network.
 *
 *   node scripts/fetch-stats.ts --source <url-or-file> [options]
 *   STATS_SOURCE_URL=<url> node scripts/fetch-stats.ts
 *   node scripts/fetch-stats.ts --if-configured      (what `npm run build` runs first)
 *
 * Nothing the source sends is trusted: provenance (id, name, address, letter) comes from the
 * configuration, only `https:` is fetched (plain `http:` on loopback only, for tests), redirects
 * are followed by hand to the same host over `https:` (at most 3), and every row passes the
 * schema and the plausibility bounds before anything is written. Exit codes: `EXIT` below and
 * the README's table.
 */
import { closeSync, createReadStream, existsSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegions } from '../src/content/regions.ts';
import { formatDate, isoDateInVietnam } from '../src/lib/core/format.ts';
import { slugify } from '../src/lib/core/slug.ts';
import {
  MEASURES,
  PLAUSIBLE,
  decideAppend,
  formatProblem,
  importCsv,
  importJson,
  jumpProblems,
  normaliseUrl,
  plausibilityProblems,
  snapshotFileName,
  type ImportProblem,
  type ImportResult,
} from '../src/lib/stats/import.ts';
import { snapshotSchemaWith, snapshotSourceSchema, type Measure, type Snapshot, type SnapshotSource } from '../src/content/snapshot.ts';

/** Exit codes, one per cause (README "Exit codes"). */
const EXIT = {
  ok: 0,
  /** Unknown option, bad value, no source, a refused source (not https:, credentials in it): nothing was requested. */
  usage: 1,
  /** DNS, refused or reset connection, truncated body, missing local file. */
  network: 2,
  /** The data is in the right format but fails validation, a plausibility bound or the append-only rule. */
  invalid: 3,
  /** An HTTP error status (401, 403, 404, 5xx, …) or a refused redirect (other host, http:, more than 3). */
  http: 4,
  /** TLS failure: certificate not trusted, expired, for another name; handshake failure. */
  tls: 5,
  /** No complete answer within --timeout. */
  timeout: 6,
  /** A 200 that is neither the CSV template nor snapshot JSON (an HTML error page, say). */
  format: 7,
  /** Another run holds the lock on the snapshot folder. */
  busy: 8,
  /** A committed snapshot is invalid (named with its field); fix it first. */
  committed: 9,
} as const;
type Failure = Exclude<keyof typeof EXIT, 'ok'>;

/** Redirects followed at most (each to the same host over https:). */
const MAX_REDIRECTS = 3;

/** A failure that maps to an exit code; the message is the one line naming the cause. */
class FetchError extends Error {
  readonly kind: Failure;
  readonly retryable: boolean;
  /** Every problem found in the data, listed above the cause line. */
  readonly problems: ImportProblem[];
  constructor(kind: Failure, message: string, retryable = false, problems: ImportProblem[] = []) {
    super(message);
    this.kind = kind;
    this.retryable = retryable;
    this.problems = problems;
  }
}

const USAGE = `usage: node scripts/fetch-stats.ts [--source <url|file>] [--if-configured] [--stats-dir DIR]
  [--format csv|json] [--source-id ID] [--source-name NAME] [--source-url URL] [--source-document SLUG]
  [--measure ${MEASURES.join('|')}] [--timeout MS] [--retries N] [--backoff MS] [--max-bytes N] [--max-rows N]
Source: --source, else $STATS_SOURCE_URL (https: only). Provenance: --source-id/$STATS_SOURCE_ID,
--source-name/$STATS_SOURCE_NAME (else the host name). Folder: --stats-dir, else $STATS_DIR, else content/stats.`;

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        source: { type: 'string' },
        'if-configured': { type: 'boolean', default: false },
        'stats-dir': { type: 'string' },
        format: { type: 'string' },
        'source-id': { type: 'string' },
        'source-name': { type: 'string' },
        'source-url': { type: 'string' },
        'source-document': { type: 'string' },
        measure: { type: 'string', default: 'downloads' },
        timeout: { type: 'string', default: '15000' },
        retries: { type: 'string', default: '2' },
        backoff: { type: 'string', default: '1000' },
        'max-bytes': { type: 'string', default: String(PLAUSIBLE.maxBytes) },
        'max-rows': { type: 'string', default: String(PLAUSIBLE.maxRows) },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new FetchError('usage', `${(error as Error).message} (see --help)`);
  }
}

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new FetchError('usage', `--${name} must be a whole number, got "${text}"`);
  return value;
}

// ─── the configuration: where to read, and whose figures they are ─────────

interface Config {
  location: string;
  /** Set for a URL source (already checked against the policy). */
  url?: URL;
  /** Provenance of every snapshot written: from the configuration only. */
  source: SnapshotSource;
  format?: 'csv' | 'json';
  measure: Measure;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBytes: number;
  maxRows: number;
}

const LOOPBACK_HOST = /^(?:127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/;

/**
 * The source policy, checked before any request: an `https:` address without credentials;
 * plain `http:` only on loopback (local tests). A refused source is never contacted.
 */
function checkSourceUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('usage', `source refused: "${text}" is not a valid address`);
  }
  if (url.username || url.password) throw new FetchError('usage', `source refused: ${url.protocol}//${url.host}… carries credentials in the address`);
  const loopback = LOOPBACK_HOST.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new FetchError('usage', `source refused: ${normaliseUrl(url.href)} is not https: (plain http: only on loopback, for tests); nothing was requested`);
  }
  return url;
}

/** A redirect is followed only to the same host, over https: (or the same loopback http: origin in tests). */
function checkRedirect(from: URL, target: URL, status: number): void {
  const sameHost = target.host === from.host;
  const secure = target.protocol === 'https:' || (target.protocol === from.protocol && LOOPBACK_HOST.test(target.hostname));
  if (!sameHost || !secure) throw new FetchError('http', `redirect refused: ${status} from ${from.href} to ${target.href} (only the same host over https: is followed)`);
}

function readConfig(args: ReturnType<typeof parseCommandLine>, configured: string): Config {
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(configured);
  const url = looksLikeUrl ? checkSourceUrl(configured) : undefined;
  const citedUrl = url?.href ?? args['source-url'];
  const source: Record<string, string> = {
    id: args['source-id'] ?? (process.env.STATS_SOURCE_ID || slugify(url ? url.hostname : basename(configured, extname(configured)))),
    name: args['source-name'] ?? (process.env.STATS_SOURCE_NAME || (url ? url.hostname : basename(configured))),
  };
  if (citedUrl !== undefined) {
    // Only cited, never fetched (a local file's original address): any http(s) address the schema accepts.
    try {
      source.url = normaliseUrl(citedUrl);
    } catch {
      throw new FetchError('usage', `--source-url: "${citedUrl}" is not a valid address`);
    }
  }
  if (args['source-document'] !== undefined) source.document = args['source-document'];
  if (citedUrl === undefined && source.document === undefined) source.reference = basename(configured);
  const checked = snapshotSourceSchema.safeParse(source);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new FetchError('usage', `configured source, ${issue.path.join('.') || 'source'}: ${issue.message}`);
  }
  const measure = args.measure as Measure;
  if (!(MEASURES as readonly string[]).includes(measure)) throw new FetchError('usage', `--measure must be one of ${MEASURES.join(', ')}, got "${args.measure}"`);
  if (args.format !== undefined && args.format !== 'csv' && args.format !== 'json') throw new FetchError('usage', `--format must be csv or json, got "${args.format}"`);
  return {
    location: configured,
    ...(url ? { url } : {}),
    source: checked.data,
    ...(args.format ? { format: args.format as 'csv' | 'json' } : {}),
    measure,
    timeoutMs: wholeNumber('timeout', args.timeout!),
    retries: wholeNumber('retries', args.retries!),
    backoffMs: wholeNumber('backoff', args.backoff!),
    maxBytes: wholeNumber('max-bytes', args['max-bytes']!),
    maxRows: wholeNumber('max-rows', args['max-rows']!),
  };
}

// ─── reading the source ─────────────────────────────────────────────────────

type Format = 'csv' | 'json';

/** Picks the format from --format, the content type, or the file extension. */
function formatOf(config: Config, location: string, contentType: string | undefined): Format {
  if (config.format) return config.format;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const ext = extname(contentType === undefined ? location : new URL(location).pathname).toLowerCase();
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/comma-separated-values') return 'csv';
  if (type === 'application/json' || type?.endsWith('+json')) return 'json';
  if (type === undefined || type === 'text/plain' || type === 'application/octet-stream') {
    if (ext === '.csv') return 'csv';
    if (ext === '.json') return 'json';
  }
  throw new FetchError('format', type === undefined ? `cannot tell the format of ${location}; name it .csv or .json, or pass --format` : `a ${type} answer from ${location} is neither the CSV template nor snapshot JSON (an error page?)`);
}

/** Counts bytes and enforces --max-bytes while the body streams in. */
async function* metered(body: AsyncIterable<Uint8Array>, maxBytes: number, expected: number | undefined): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) throw new FetchError('invalid', `the answer is larger than --max-bytes ${maxBytes}`);
    yield chunk;
  }
  if (expected !== undefined && received < expected) throw new FetchError('network', `truncated body: got ${received} of ${expected} bytes`, true);
}

/** Reads the whole (bounded) body as UTF-8 text, for JSON. */
async function readText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw new FetchError('format', 'the answer is not UTF-8 text');
  }
}

interface Opened {
  format: Format;
  body: AsyncIterable<Uint8Array>;
  close: () => void;
}

/** TLS failures keep their OpenSSL/Node code (`DEPTH_ZERO_SELF_SIGNED_CERT`, `CERT_HAS_EXPIRED`, `ERR_SSL_…`). */
const TLS_CODE = /CERT|SSL|TLS|EPROTO/;

/**
 * Errors from fetch and its body stream (reset, refused, DNS, TLS, abort) become a FetchError of
 * the right kind; anything else (a bug) is passed on untouched, to end as "unexpected failure".
 */
function classify(error: unknown, controller?: AbortController): unknown {
  if (error instanceof FetchError) return error;
  if (controller?.signal.aborted && controller.signal.reason instanceof FetchError) return controller.signal.reason;
  let inner = error as { cause?: unknown; code?: string; message?: string; name?: string };
  while (inner.cause && typeof inner.cause === 'object') inner = inner.cause as typeof inner;
  const fromNetwork = inner !== error || typeof inner.code === 'string' || inner.name === 'AbortError';
  if (!fromNetwork) return error;
  const code = inner.code ?? inner.message ?? String(error);
  if (TLS_CODE.test(code)) return new FetchError('tls', `TLS error: ${code}`);
  return new FetchError('network', `network error: ${code}`, true);
}

/** One HTTP attempt: a timeout covering headers AND body, redirects checked and followed by hand. */
async function openUrl(config: Config, origin: URL): Promise<Opened> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FetchError('timeout', `timed out after ${config.timeoutMs} ms`, true)), config.timeoutMs);
  const close = () => {
    clearTimeout(timer);
    controller.abort();
  };
  let current = origin;
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(current, { redirect: 'manual', signal: controller.signal, headers: { accept: 'text/csv, application/json;q=0.9' } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const target = new URL(location, current);
        checkRedirect(origin, target, response.status);
        if (hop >= MAX_REDIRECTS) throw new FetchError('http', `more than ${MAX_REDIRECTS} redirects (last to ${target.href})`);
        current = target;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
        throw new FetchError('http', `HTTP ${response.status} ${response.statusText} from ${current.href}`, retryable);
      }
      const lengthHeader = response.headers.get('content-length');
      const expected = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
      if (expected !== undefined && expected > config.maxBytes) {
        await response.body?.cancel();
        throw new FetchError('invalid', `the answer (${expected} bytes) is larger than --max-bytes ${config.maxBytes}`);
      }
      const format = formatOf(config, current.href, response.headers.get('content-type') ?? '');
      if (!response.body) throw new FetchError('format', 'empty answer');
      const source = response.body as unknown as AsyncIterable<Uint8Array>;
      const body = (async function* () {
        try {
          yield* metered(source, config.maxBytes, expected);
        } catch (error) {
          throw classify(error, controller);
        }
      })();
      return { format, body, close };
    }
  } catch (error) {
    close();
    throw classify(error, controller);
  }
}

function openFile(config: Config): Opened {
  const path = config.location;
  if (!existsSync(path) || !statSync(path).isFile()) throw new FetchError('network', `no such file: ${path}`);
  const size = statSync(path).size;
  if (size > config.maxBytes) throw new FetchError('invalid', `the file (${size} bytes) is larger than --max-bytes ${config.maxBytes}`);
  const stream = createReadStream(path);
  return { format: formatOf(config, path, undefined), body: stream as AsyncIterable<Uint8Array>, close: () => stream.destroy() };
}

/** Reads and validates the source: snapshots with the configured provenance, or a FetchError. */
async function readSource(config: Config): Promise<Snapshot[]> {
  const regions = loadRegions();
  const today = isoDateInVietnam(new Date());
  const source = { ...config.source, retrievedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const opened = config.url ? await openUrl(config, config.url) : openFile(config);
  let result: ImportResult;
  try {
    result =
      opened.format === 'json'
        ? importJson(await readText(opened.body), { regions, source, maxRows: config.maxRows })
        : await importCsv(opened.body, { regions, today, source, measure: config.measure, maxRows: config.maxRows });
  } catch (error) {
    throw classify(error);
  } finally {
    opened.close();
  }
  const from = config.source.url ?? config.location;
  if (result.unrecognised) throw new FetchError('format', `the answer from ${from} is neither the CSV template nor snapshot JSON: ${result.unrecognised}`);
  const problems = [...result.problems, ...result.snapshots.flatMap((s) => plausibilityProblems(s, { today, regions }).map((p) => ({ ...p, file: snapshotFileName(s) })))];
  const more = result.moreProblems;
  if (problems.length) throw new FetchError('invalid', `invalid data from ${from} (${problems.length + more} problem${problems.length + more === 1 ? '' : 's'}); nothing written`, false, more ? [...problems, { field: '…', message: `and ${more} more` }] : problems);
  return result.snapshots;
}

/** Bounded retries with exponential backoff, for retryable failures only. */
async function withRetries<T>(config: Config, attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof FetchError) || !error.retryable || n >= config.retries) throw error;
      const wait = config.backoffMs * 2 ** n;
      console.error(`fetch-stats: ${error.message}; retrying in ${wait} ms (${n + 1}/${config.retries})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

// ─── the snapshot folder ────────────────────────────────────────────────────

class Folder {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The folder as a reader knows it (relative to where the command runs). */
  get shown(): string {
    const cwd = process.cwd();
    return this.dir.startsWith(cwd + '/') ? this.dir.slice(cwd.length + 1) : this.dir;
  }

  files(): string[] {
    return existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.endsWith('.json')).sort() : [];
  }

  /** Committed snapshots, each checked by the schema: an invalid file stops everything, named with its field. */
  committed(): { file: string; snapshot: Snapshot }[] {
    const schema = snapshotSchemaWith(loadRegions());
    return this.files().map((file) => {
      const where = join(this.shown, file);
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(join(this.dir, file), 'utf8'));
      } catch (error) {
        throw new FetchError('committed', `${where}: invalid JSON (${(error as Error).message})`);
      }
      const result = schema.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw new FetchError('committed', `${where}, ${issue.path.join('.') || '(snapshot)'}: ${issue.message}`);
      }
      return { file, snapshot: result.data };
    });
  }

  /** Count and newest date of the committed snapshots, for the line a build prints (no validation: the build does that). */
  summary(): string {
    const files = this.files();
    let newest: string | undefined;
    for (const file of files) {
      const asOf = /^(\d{4}-\d{2}-\d{2})-/.exec(file)?.[1];
      if (asOf !== undefined && (newest === undefined || asOf > newest)) newest = asOf;
    }
    return `the ${files.length} committed snapshots in ${this.shown}${newest ? ` (newest ${formatDate(newest, 'vi')})` : ''}`;
  }

  /**
   * A lock file so two runs cannot interleave (both deciding a file is new, then both writing it).
   * Created exclusively; a lock left by a crashed run is reported, never silently taken over.
   */
  lock(): () => void {
    const path = join(this.dir, '.fetch-stats.lock');
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      const running = Number.isInteger(pid) && pid > 0 && isRunning(pid);
      throw new FetchError(
        'busy',
        running
          ? `another fetch-stats run (pid ${pid}) is updating ${this.shown}; try again when it ends`
          : `${join(this.shown, '.fetch-stats.lock')} was left by a run that no longer exists (pid ${pid || '?'}); delete it and try again`,
      );
    }
    const release = () => rmSync(path, { force: true });
    process.once('exit', release);
    return release;
  }

  /**
   * Writes all new snapshots or none: each goes to a temp file in the same folder (same file
   * system), is fsynced, then linked to its name (a rename that never overwrites: EEXIST instead)
   * and the temp removed; if any step fails, the files already placed are removed again.
   */
  writeAll(files: { name: string; text: string }[]): void {
    const temps: string[] = [];
    const placed: string[] = [];
    try {
      for (const { name, text } of files) {
        const temp = join(this.dir, `.${name}.${process.pid}.tmp`);
        temps.push(temp);
        const fd = openSync(temp, 'wx');
        try {
          writeSync(fd, text);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      files.forEach(({ name }, index) => {
        const target = join(this.dir, name);
        try {
          linkSync(temps[index]!, target);
        } catch (error) {
          if ((error as { code?: string }).code === 'EEXIST') throw new FetchError('invalid', `${join(this.shown, name)} already exists; nothing written`);
          throw error;
        }
        placed.push(target);
      });
      const dir = openSync(this.dir, 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch (error) {
      for (const file of placed) rmSync(file, { force: true });
      throw error;
    } finally {
      for (const temp of temps) rmSync(temp, { force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Decides, under the lock, which snapshots are new; refuses the whole batch on any problem. */
function plan(folder: Folder, incoming: Snapshot[], from: string): Snapshot[] {
  const committed = folder.committed();
  const existing = committed.map((c) => c.snapshot);
  const problems: ImportProblem[] = [];
  const fresh: Snapshot[] = [];
  for (const snapshot of incoming) {
    const name = snapshotFileName(snapshot);
    const decision = decideAppend(snapshot, [...existing, ...fresh]);
    if (decision.kind === 'rejected') problems.push({ ...decision.problem, file: name });
    else if (decision.kind === 'new') {
      if (existsSync(join(folder.dir, name))) problems.push({ file: name, field: '(file)', message: 'already exists and holds another source or date; nothing is overwritten' });
      else fresh.push(snapshot);
    }
  }
  const entries = [...committed.map((c) => ({ ...c, fresh: false })), ...fresh.map((snapshot) => ({ file: snapshotFileName(snapshot), snapshot, fresh: true }))];
  for (const jump of jumpProblems(entries)) {
    if (jump.later.fresh || jump.earlier.fresh) problems.push({ ...jump.problem, file: jump.later.file });
  }
  if (problems.length) throw new FetchError('invalid', `invalid data from ${from} (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing written`, false, problems);
  return fresh;
}

// ─── main ───────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
  const args = parseCommandLine();
  if (args.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const folder = new Folder(resolve(args['stats-dir'] ?? (process.env.STATS_DIR || 'content/stats')));
  const configured = args.source ?? process.env.STATS_SOURCE_URL;
  if (!configured) {
    if (args['if-configured']) {
      console.log(`fetch-stats: no source configured (STATS_SOURCE_URL); using ${folder.summary()}`);
      return EXIT.ok;
    }
    throw new FetchError('usage', 'no source given: pass --source or set STATS_SOURCE_URL (see --help)');
  }
  const config = readConfig(args, configured);
  try {
    const snapshots = await withRetries(config, () => readSource(config));
    const release = folder.lock();
    try {
      const fresh = plan(folder, snapshots, config.source.url ?? configured);
      folder.writeAll(fresh.map((snapshot) => ({ name: snapshotFileName(snapshot), text: `${JSON.stringify(snapshot, null, 2)}\n` })));
      const names = fresh.map(snapshotFileName);
      console.log(
        fresh.length === 0
          ? `fetch-stats: no change from ${config.source.url ?? configured} (${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} already committed); using ${folder.summary()}`
          : `fetch-stats: wrote ${fresh.length} new snapshot${fresh.length === 1 ? '' : 's'} (${names.length > 3 ? `${names.slice(0, 2).join(', ')} … ${names.at(-1)}` : names.join(', ')}) into ${folder.shown}`,
      );
      return EXIT.ok;
    } finally {
      release();
    }
  } catch (error) {
    if (!(error instanceof FetchError) || error.kind === 'usage' || error.kind === 'committed') throw error;
    const failure = error;
    for (const p of failure.problems) console.error(`  ${formatProblem(p)}`);
    if (args['if-configured']) {
      // The build goes on with the committed data; the statistics pages show its age.
      console.error(`fetch-stats: warning: ${failure.message} (exit ${EXIT[failure.kind]} without --if-configured); the build uses ${folder.summary()}`);
      return EXIT.ok;
    }
    console.error(`fetch-stats: ${failure.message}`);
    return EXIT[failure.kind];
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof FetchError) {
      console.error(`fetch-stats: ${error.message}`);
      process.exitCode = EXIT[error.kind];
    } else {
      console.error('fetch-stats: unexpected failure:', error);
      process.exitCode = EXIT.usage;
    }
  },
);

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * Runs scripts/fetch-stats.ts as a child process against a real HTTP server on an ephemeral
 * 127.0.0.1 port, always on a temporary copy of content/stats (never the repo's).
 */

const header = 'as_of,region_code,region_name,level,installs,population,adults_15_60,smartphones,rate_percent,rate_basis,rank,rank_of';
const goodCsv = `\uFEFF${header}\n2021-06-25,195,Cẩm Phả,district,80000,190232,,,"42,05",population,,\n2021-06-25,96,,province,,,,,"16,08",,59,63\n`;
const goodJson = JSON.stringify({
  asOf: '2021-06-26',
  source: { id: 'json-feed', name: 'JSON feed', url: 'https://example.org/feed.json' },
  measure: 'downloads',
  rows: [{ region: { code: 'VN', name: 'Việt Nam', level: 'country' }, installs: 38000000, installsQualifier: 'more_than' }],
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/good.csv': (_q, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(goodCsv),
  '/good.json': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(goodJson),
  '/redirect-once': (_q, res) => res.writeHead(302, { location: '/good.csv' }).end(),
  '/loop': (_q, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/500': (_q, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  '/404': (_q, res) => res.writeHead(404).end('nope'),
  '/hang': () => {
    /* never answers */
  },
  '/hang-body': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write(`${header}\n`); // then nothing
  },
  '/truncated': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(goodCsv) + 500) });
    res.write(goodCsv.slice(0, 120));
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>maintenance</p>'),
  '/invalid.json': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"asOf": "2021-06-26", "rows": ['),
  '/bad-rows.csv': (_q, res) =>
    res
      .writeHead(200, { 'content-type': 'text/csv' })
      .end(`${header}\n2021-06-25,195,,district,80000,190232,,,"42,05",population,,\n2021-06-25,999,,district,-4,,,,,,,\n2099-01-01,96,,province,,,,,"116,08",,59,63\n2021-06-25,195,,district,80000,190232,,,"42,05",population,,\n`),
  '/oversize': (_q, res) => res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '5000000' }).end(`${header}\n`.padEnd(5_000_000, '\n')),
  '/oversize-chunked': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(header + '\n' + '2021-06-25,96,,province,1,,,,,,,\n'.repeat(200_000));
  },
  '/older.csv': (_q, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(`${header}\n2020-08-01,96,,province,1000,,,,,,,\n`),
};

let server: Server;
let base: string;
const hits: Record<string, number> = {};
let statsDir: string;
let work: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    (routes[path] ?? ((_q, r: ServerResponse) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'fetch-stats-'));
  statsDir = join(work, 'stats');
  cpSync('content/stats', statsDir, { recursive: true });
  for (const key of Object.keys(hits)) delete hits[key];
  return () => rmSync(work, { recursive: true, force: true });
});

/** Hash of every file (name + bytes) in the snapshot folder, hidden temp files included. */
function folderHash(dir = statsDir): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // A generous timeout so a busy machine does not fail the good feeds; the hang cases pass a short one.
      ['scripts/fetch-stats.ts', '--stats-dir', statsDir, '--timeout', '10000', '--retries', '1', '--backoff', '20', ...args],
      { env: { ...process.env, STATS_SOURCE_URL: '', ...env }, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('fetch-stats with no source or an unreachable one', () => {
  it('--if-configured without a source prints one line and exits 0', async () => {
    const before = folderHash();
    const result = await run(['--if-configured']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^fetch-stats: no source configured \(STATS_SOURCE_URL\); using the \d+ committed snapshots in .* \(newest \d{1,2}\/\d{1,2}\/\d{4}\)\n$/);
    expect(folderHash()).toBe(before);
  });

  it('without --if-configured and without a source it is a usage error (1)', async () => {
    expect((await run([])).code).toBe(1);
  });

  it('--if-configured with the source down still exits 0 and says which data it used', async () => {
    const before = folderHash();
    const result = await run(['--if-configured'], { STATS_SOURCE_URL: `${base}/500` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fetch-stats: source unreachable \(HTTP 500 .*\); using the \d+ committed snapshots/);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(folderHash()).toBe(before);
  });
});

describe('fetch-stats against good feeds', () => {
  it('writes a new CSV snapshot once; the same data again writes nothing', async () => {
    const before = readdirSync(statsDir).length;
    const first = await run(['--source', `${base}/good.csv`, '--source-id', 'feed-test', '--source-name', 'Test feed']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote 1 new snapshot \(2021-06-25-feed-test\.json\)/);
    const files = readdirSync(statsDir);
    expect(files).toHaveLength(before + 1);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // no temp file left behind
    const written = JSON.parse(readFileSync(join(statsDir, '2021-06-25-feed-test.json'), 'utf8'));
    expect(written).toMatchObject({ asOf: '2021-06-25', source: { id: 'feed-test', name: 'Test feed', url: `${base}/good.csv` }, measure: 'downloads' });
    expect(written.rows[1]).toEqual({ region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 16.08, rateBasis: 'not_stated', rank: 59, rankOf: 63 });

    const after = folderHash();
    const second = await run(['--source', `${base}/good.csv`, '--source-id', 'feed-test', '--source-name', 'Test feed']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing new/);
    expect(folderHash()).toBe(after);
  });

  it('follows a bounded redirect and reads JSON in the snapshot shape (from the env variable)', async () => {
    expect((await run(['--source', `${base}/redirect-once`, '--source-id', 'redirected'])).code).toBe(0);
    expect(readdirSync(statsDir)).toContain('2021-06-25-redirected.json');
    const json = await run([], { STATS_SOURCE_URL: `${base}/good.json` });
    expect(json.code).toBe(0);
    const written = JSON.parse(readFileSync(join(statsDir, '2021-06-26-json-feed.json'), 'utf8'));
    expect(written.rows[0]).toMatchObject({ installs: 38000000, installsQualifier: 'more_than' });
    expect(written.source.retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Fetching the same JSON again is nothing new, although it is read at another instant.
    const hash = folderHash();
    expect((await run([], { STATS_SOURCE_URL: `${base}/good.json` })).stdout).toMatch(/nothing new/);
    expect(folderHash()).toBe(hash);
  });

  it('reads a local file too', async () => {
    const file = join(work, 'bao-cao.csv');
    writeFileSync(file, goodCsv);
    const result = await run(['--source', file, '--source-id', 'huyen-doan']);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(statsDir, '2021-06-25-huyen-doan.json'), 'utf8')).source).toMatchObject({ id: 'huyen-doan', reference: 'bao-cao.csv' });
  });
});

describe('fetch-stats against broken feeds: exit code, clear message, folder byte-identical', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['HTTP 500 (retried, then unreachable)', ['/500'], 2, /source unreachable: HTTP 500/],
    ['HTTP 404', ['/404'], 2, /source unreachable: HTTP 404/],
    ['a server that never answers', ['/hang', '--timeout', '800'], 2, /timed out after 800 ms/],
    ['a body that stops mid-way', ['/hang-body', '--timeout', '800'], 2, /timed out after 800 ms/],
    ['a truncated body', ['/truncated'], 2, /source unreachable: (truncated body|network error)/],
    ['a redirect loop', ['/loop'], 2, /more than 5 redirects/],
    ['nothing listening', ['closed'], 2, /source unreachable: network error/],
    ['the wrong content type', ['/html'], 3, /unexpected content type "text\/html"/],
    ['invalid JSON', ['/invalid.json'], 3, /invalid JSON/],
    ['a body over --max-bytes (declared)', ['/oversize', '--max-bytes', '100000'], 3, /larger than --max-bytes 100000/],
    ['a body over --max-bytes (chunked)', ['/oversize-chunked', '--max-bytes', '100000'], 3, /larger than --max-bytes 100000/],
    ['a snapshot older than the newest of its source', ['/older.csv', '--source-id', 'baoanhdatmui'], 3, /not newer than the newest committed snapshot of source "baoanhdatmui"/],
  ];

  it.each(cases)('%s', async (_name, [path, ...extra], code, message) => {
    const before = folderHash();
    const url = path === 'closed' ? 'http://127.0.0.1:9/feed.csv' : `${base}${path}`;
    const result = await run(['--source', url, ...extra]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(code);
    expect(folderHash()).toBe(before);
  });

  it('retries a 500 a bounded number of times with backoff', async () => {
    await run(['--source', `${base}/500`, '--retries', '2']);
    expect(hits['/500']).toBe(3);
    await run(['--source', `${base}/404`, '--retries', '2']);
    expect(hits['/404']).toBe(1); // a 404 is not retried
  });

  it('lists every bad CSV row with its line and field, writes nothing, even under --if-configured', async () => {
    const before = folderHash();
    const result = await run(['--source', `${base}/bad-rows.csv`, '--if-configured']);
    expect(result.code).toBe(3);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toMatch(/^fetch-stats: invalid data from .*bad-rows\.csv; nothing written \(\d+ problems\):$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        '  line 3 (row 2), region_code: unknown region code "999"',
        '  line 3 (row 2), installs: must not be negative ("-4")',
        '  line 4 (row 3), as_of: 2099-01-01 is in the future (today is ' + lines.find((l) => l.includes('today is'))!.split('today is ')[1],
        '  line 4 (row 3), rate_percent: a rate cannot exceed 100% ("116,08")',
        '  line 5 (row 4), region_code: duplicate of row 1 (same as_of, region and rate_basis)',
      ]),
    );
    expect(folderHash()).toBe(before);
  });
});

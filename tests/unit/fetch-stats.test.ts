import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * Runs scripts/fetch-stats.ts as a child process against real servers on ephemeral 127.0.0.1
 * ports (plain HTTP, which the source policy allows on loopback only, and HTTPS with a
 * self-signed certificate made for the run), always on a temporary copy of content/stats.
 * Every failure must leave that folder byte-identical.
 */

const header = 'as_of,region_code,region_name,level,installs,population,adults_15_60,smartphones,rate_percent,rate_basis,rank,rank_of';
const csvRows = ['2021-06-25,195,Cẩm Phả,district,80000,190232,,,"42,05",population,,', '2021-06-25,96,,province,,,,,"16,08",,59,63'];
const goodCsv = `\uFEFF${header}\n${csvRows.join('\n')}\n`;
const reorderedCsv = `${header}\n${[...csvRows].reverse().join('\n')}\n`;
const vn = { code: 'VN', name: 'Việt Nam', level: 'country' };
/** A feed that claims its own provenance: every field of it must be ignored. */
const goodJson = JSON.stringify({
  asOf: '2021-06-26',
  source: { id: 'self-declared', name: '<script>alert(1)</script>', url: 'https://evil.example/', document: 'fake-letter' },
  measure: 'downloads',
  rows: [{ region: vn, installs: 38000000, installsQualifier: 'more_than' }],
});
const csv = (...lines: string[]) => `${header}\n${lines.join('\n')}\n`;
const json = (value: unknown) => (_q: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
const text = (type: string, body: string, status = 200) => (_q: IncomingMessage, res: ServerResponse) => res.writeHead(status, { 'content-type': type }).end(body);
const redirect = (location: () => string) => (_q: IncomingMessage, res: ServerResponse) => res.writeHead(302, { location: location() }).end();

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const hits: Record<string, number> = {};
let base: string;
let tlsBase: string;
let otherHost: string;
/** A port nothing listens on (opened, then closed). */
let closedPort: number;

const routes: Record<string, Handler> = {
  // Every second answer lists the same rows in the other order.
  '/good.csv': (_q, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(hits['/good.csv']! % 2 ? goodCsv : reorderedCsv),
  '/good.json': text('application/json', goodJson),
  '/redirect-once': redirect(() => '/good.csv'),
  '/r1': redirect(() => '/r2'),
  '/r2': redirect(() => '/r3'),
  '/r3': redirect(() => '/r4'),
  '/r4': redirect(() => '/good.csv'),
  '/to-other-host': redirect(() => `${otherHost}/good.csv`),
  '/to-http': redirect(() => `${tlsBase.replace('https:', 'http:')}/good.csv`),
  '/401': text('text/plain', 'who are you', 401),
  '/403': text('text/plain', 'forbidden', 403),
  '/404': text('text/html', '<p>nope</p>', 404),
  '/500': text('text/plain', 'boom', 500),
  '/503': text('text/html', '<p>maintenance</p>', 503),
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
  '/html': text('text/html', '<!doctype html><p>maintenance</p>'),
  '/html-as-csv': text('text/csv', '<!doctype html><html><body><p>Hệ thống đang bảo trì</p></body></html>'),
  '/not-a-snapshot.json': json({ error: 'quota exceeded' }),
  '/invalid.json': text('application/json', '{"asOf": "2021-06-26", "rows": ['),
  '/bad-rows.csv': text(
    'text/csv',
    csv(
      '2021-06-25,195,,district,80000,190232,,,"42,05",population,,',
      '2021-06-25,999,,district,-4,,,,,,,',
      '2099-01-01,96,,province,,,,,"116,08",,59,63',
      '2021-06-25,195,,district,80000,190232,,,"42,05",population,,',
    ),
  ),
  '/oversize': (_q, res) => res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '5000000' }).end(`${header}\n`.padEnd(5_000_000, '\n')),
  '/oversize-chunked': (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(header + '\n' + '2021-06-25,96,,province,1,,,,,,,\n'.repeat(200_000));
  },
  '/older.csv': text('text/csv', csv('2020-08-01,96,,province,1000,,,,,,,')),
  '/before-launch.csv': text('text/csv', csv('2020-04-17,96,,province,20000,,,,,,,')), // within ×10 of Cà Mau's next figure
  // Hà Nội's 2019 census population is 8.053.663 (content/regions/provinces-2020.csv).
  '/above-population.csv': text('text/csv', csv('2021-06-25,01,,province,9000000,,,,,,,')),
  '/jump.csv': text('text/csv', csv('2021-06-28,VN,,country,1000000,,,,,,,')),
  '/jump.json': json({ asOf: '2021-06-28', measure: 'downloads', rows: [{ region: vn, installs: 1000000 }] }),
  '/jump-explained.json': json({ asOf: '2021-06-28', measure: 'downloads', jumpReason: 'TEST FIXTURE: a deliberate drop to test the reason field', rows: [{ region: vn, installs: 1000000 }] }),
  '/same-day.csv': text('text/csv', csv('2021-06-25,96,,province,,,,,"16,09",,59,63')),
};

const servers: (Server | TlsServer)[] = [];
let work: string;
let statsDir: string;
let certFile: string;

function handler(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url!, 'http://x').pathname;
  hits[path] = (hits[path] ?? 0) + 1;
  (routes[path] ?? text('text/plain', 'not found', 404))(req, res);
}

async function listen(server: Server | TlsServer): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

let certDir = '';
beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'fetch-stats-tls-'));
  certFile = join(certDir, 'cert.pem');
  const keyFile = join(certDir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  const port = await listen(createServer(handler));
  base = `http://127.0.0.1:${port}`;
  otherHost = `http://localhost:${port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  tlsBase = `https://127.0.0.1:${await listen(createTlsServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, handler))}`;
});
afterAll(async () => {
  try {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    rmSync(certDir, { recursive: true, force: true });
  }
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'fetch-stats-'));
  statsDir = join(work, 'stats');
  cpSync('content/stats', statsDir, { recursive: true });
  for (const key of Object.keys(hits)) delete hits[key];
  return () => rmSync(work, { recursive: true, force: true });
});

/** Hash of every file (name + bytes) in the snapshot folder, hidden temp and lock files included. */
function folderHash(dir = statsDir): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The last line on stderr: the one naming the cause. */
  last: string;
}
/** Runs the script; the self-signed certificate is trusted unless `trust` is false. */
function run(args: string[], env: Record<string, string> = {}, trust = true): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // A generous timeout so a busy machine does not fail the good feeds; the hang cases pass a short one.
      ['scripts/fetch-stats.ts', '--stats-dir', statsDir, '--timeout', '10000', '--retries', '0', '--backoff', '20', ...args],
      { env: { ...process.env, STATS_SOURCE_URL: '', STATS_SOURCE_ID: '', STATS_SOURCE_NAME: '', NODE_EXTRA_CA_CERTS: trust ? certFile : '', ...env }, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr, last: stderr.trimEnd().split('\n').at(-1) ?? '' }),
    );
  });
}
const read = (file: string) => JSON.parse(readFileSync(join(statsDir, file), 'utf8'));

describe('fetch-stats with no source', () => {
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
});

describe('fetch-stats against good feeds', () => {
  it('writes a CSV snapshot once; the same rows in another order from the same address spelled otherwise are "no change"', async () => {
    const before = readdirSync(statsDir).length;
    const first = await run(['--source', `${base}/good.csv`, '--source-id', 'feed-test', '--source-name', 'Test feed']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote 1 new snapshot \(2021-06-25-feed-test\.json\)/);
    const files = readdirSync(statsDir);
    expect(files).toHaveLength(before + 1);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // no temp or lock file left behind
    const written = read('2021-06-25-feed-test.json');
    expect(written).toMatchObject({ asOf: '2021-06-25', source: { id: 'feed-test', name: 'Test feed', url: `${base}/good.csv` }, measure: 'downloads' });
    expect(written.rows[1]).toEqual({ region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 16.08, rateBasis: 'not_stated', rank: 59, rankOf: 63 });

    const after = folderHash();
    const spelledOtherwise = `${base.replace('http:', 'HTTP:')}/data/../good.csv#latest`;
    const second = await run(['--source', spelledOtherwise, '--source-id', 'feed-test', '--source-name', 'Test feed']);
    expect(hits['/good.csv']).toBe(2); // the second answer listed the rows in the other order
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^fetch-stats: no change from /);
    expect(folderHash()).toBe(after);
  });

  it('takes provenance from the configuration, never from the feed', async () => {
    const result = await run([], { STATS_SOURCE_URL: `${base}/good.json`, STATS_SOURCE_ID: 'json-feed', STATS_SOURCE_NAME: 'JSON feed' });
    expect(result.code).toBe(0);
    const { source, rows } = read('2021-06-26-json-feed.json');
    expect(Object.keys(source).sort()).toEqual(['id', 'name', 'retrievedAt', 'url']);
    expect(source).toMatchObject({ id: 'json-feed', name: 'JSON feed', url: `${base}/good.json` });
    expect(source.retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(rows[0]).toMatchObject({ installs: 38000000, installsQualifier: 'more_than' });
    // Read again at another instant: no change.
    const hash = folderHash();
    expect((await run([], { STATS_SOURCE_URL: `${base}/good.json`, STATS_SOURCE_ID: 'json-feed', STATS_SOURCE_NAME: 'JSON feed' })).stdout).toMatch(/no change/);
    expect(folderHash()).toBe(hash);
  });

  it('follows up to 3 redirects on the same host, and cites the configured address, not where it was sent', async () => {
    expect((await run(['--source', `${base}/r2`, '--source-id', 'redirected'])).code).toBe(0);
    expect(read('2021-06-25-redirected.json').source.url).toBe(`${base}/r2`);
    expect(hits['/good.csv']).toBe(1);
  });

  it('reads over https (certificate trusted) and defaults the provenance to the host', async () => {
    const result = await run(['--source', `${tlsBase}/good.csv`]);
    expect(result.code).toBe(0);
    expect(read('2021-06-25-127-0-0-1.json').source).toMatchObject({ id: '127-0-0-1', name: '127.0.0.1', url: `${tlsBase}/good.csv` });
  });

  it('reads a local file too, cited by its name', async () => {
    const file = join(work, 'bao-cao.csv');
    writeFileSync(file, goodCsv);
    const result = await run(['--source', file, '--source-id', 'huyen-doan']);
    expect(result.code).toBe(0);
    expect(read('2021-06-25-huyen-doan.json').source).toMatchObject({ id: 'huyen-doan', reference: 'bao-cao.csv' });
  });

  it('accepts a jump beyond the factor when the snapshot says why', async () => {
    expect((await run(['--source', `${base}/jump-explained.json`, '--source-id', 'jump-test'])).code).toBe(0);
    expect(read('2021-06-28-jump-test.json').jumpReason).toMatch(/TEST FIXTURE/);
  });
});

describe('a refused source is never contacted', () => {
  const refused: [string, () => string][] = [
    ['plain http: off loopback', () => `http://0.0.0.0:${new URL(base).port}/good.csv`],
    ['credentials in the address', () => `${base.replace('//', '//user:secret@')}/good.csv`],
    ['another scheme', () => `ftp://127.0.0.1:${new URL(base).port}/good.csv`],
  ];
  it.each(refused)('%s: exit 1, no request, even under --if-configured', async (_name, url) => {
    const before = folderHash();
    for (const extra of [[], ['--if-configured']]) {
      const result = await run(['--source', url(), ...extra]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/source refused/);
    }
    expect(hits).toEqual({});
    expect(folderHash()).toBe(before);
  });
});

describe('fetch-stats against broken feeds: documented exit code, one line naming the cause, folder byte-identical', () => {
  const cases: [string, [string, ...string[]], number, RegExp][] = [
    ['a redirect to another host', ['/to-other-host'], 4, /redirect refused: 302 .* to http:\/\/localhost:\d+\/good\.csv \(only the same host over https: is followed\)/],
    ['a redirect from https: to http:', ['tls:/to-http'], 4, /redirect refused: 302 .* to http:\/\/127\.0\.0\.1/],
    ['more than 3 redirects', ['/r1'], 4, /more than 3 redirects/],
    ['HTTP 401', ['/401'], 4, /^fetch-stats: HTTP 401 Unauthorized from http:\/\/127\.0\.0\.1:\d+\/401$/],
    ['HTTP 403', ['/403'], 4, /^fetch-stats: HTTP 403 Forbidden from /],
    ['HTTP 404', ['/404'], 4, /^fetch-stats: HTTP 404 Not Found from /],
    ['HTTP 500', ['/500'], 4, /^fetch-stats: HTTP 500 Internal Server Error from /],
    ['HTTP 503', ['/503'], 4, /^fetch-stats: HTTP 503 Service Unavailable from /],
    ['an untrusted certificate', ['untrusted:/good.csv'], 5, /^fetch-stats: TLS error: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/],
    ['a server that never answers', ['/hang', '--timeout', '800'], 6, /^fetch-stats: timed out after 800 ms$/],
    ['a body that stops mid-way', ['/hang-body', '--timeout', '800'], 6, /^fetch-stats: timed out after 800 ms$/],
    ['a truncated body', ['/truncated'], 2, /^fetch-stats: (truncated body|network error)/],
    ['nothing listening', ['closed'], 2, /^fetch-stats: network error: ECONNREFUSED$/],
    ['a 200 HTML page', ['/html'], 7, /a text\/html answer from .* is neither the CSV template nor snapshot JSON/],
    ['a 200 HTML page labelled CSV', ['/html-as-csv'], 7, /neither the CSV template nor snapshot JSON: the first line is not the reporting template's header/],
    ['JSON of another shape', ['/not-a-snapshot.json'], 7, /neither the CSV template nor snapshot JSON: JSON, but not in the snapshot shape/],
    ['invalid JSON', ['/invalid.json'], 7, /neither the CSV template nor snapshot JSON: invalid JSON/],
    ['a body over --max-bytes (declared)', ['/oversize', '--max-bytes', '100000'], 3, /larger than --max-bytes 100000/],
    ['a body over --max-bytes (chunked)', ['/oversize-chunked', '--max-bytes', '100000'], 3, /larger than --max-bytes 100000/],
    ['more rows than --max-rows', ['/good.csv', '--max-rows', '1'], 3, /invalid data from .*good\.csv \(1 problem\); nothing written/],
    ['a snapshot older than the newest of its source', ['/older.csv', '--source-id', 'baoanhdatmui'], 3, /invalid data/],
    ['a date before launch', ['/before-launch.csv'], 3, /invalid data/],
    ['a count above the population', ['/above-population.csv'], 3, /invalid data/],
    ['a jump beyond the factor (CSV)', ['/jump.csv'], 3, /invalid data/],
    ['a jump beyond the factor (JSON)', ['/jump.json'], 3, /invalid data/],
  ];

  it.each(cases)('%s', async (_name, [path, ...extra], code, message) => {
    const before = folderHash();
    const [scheme, route] = path.includes(':') ? path.split(':') : ['', path];
    const url = path === 'closed' ? `http://127.0.0.1:${closedPort}/feed.csv` : `${scheme === 'tls' || scheme === 'untrusted' ? tlsBase : base}${route}`;
    const result = await run(['--source', url, ...extra], {}, scheme !== 'untrusted');
    expect(result.last).toMatch(message);
    expect(result.code).toBe(code);
    expect(folderHash()).toBe(before);
  });

  it('names the bound each implausible figure breaks', async () => {
    // One after the other: two runs at once would meet the lock (exit 8), as they should.
    const messages: string[] = [];
    for (const route of ['/older.csv', '/before-launch.csv', '/above-population.csv', '/jump.csv']) messages.push((await run(['--source', `${base}${route}`, '--source-id', 'baoanhdatmui'])).stderr);
    expect(messages[0]).toMatch(/2020-08-01 is older than the newest committed snapshot of source "baoanhdatmui" \(2020-08-27\)/);
    expect(messages[1]).toMatch(/2020-04-17-baoanhdatmui\.json, asOf: 2020-04-17 is before Bluezone's launch \(2020-04-18\)/);
    expect(messages[2]).toMatch(/2021-06-25-baoanhdatmui\.json, row 1, installs: 9000000 is more than the population of Hà Nội \(8053663\)/);
    expect(messages[3]).toMatch(/2021-06-28-baoanhdatmui\.json, row 1, installs: 1000000 on 2021-06-28 is ×38\.0 down from 38000000 on 2021-06-26 \(more than ×10\); give the snapshot a jumpReason/);
  });

  it('retries a 5xx a bounded number of times with backoff, never a 404', async () => {
    await run(['--source', `${base}/500`, '--retries', '2']);
    expect(hits['/500']).toBe(3);
    await run(['--source', `${base}/404`, '--retries', '2']);
    expect(hits['/404']).toBe(1);
  });

  it('lists every bad CSV row with its line and field, then one line naming the cause', async () => {
    const before = folderHash();
    const result = await run(['--source', `${base}/bad-rows.csv`]);
    expect(result.code).toBe(3);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^fetch-stats: invalid data from .*bad-rows\.csv \(\d+ problems\); nothing written$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        '  line 3 (row 2), region_code: unknown region code "999"',
        '  line 3 (row 2), installs: must not be negative ("-4")',
        expect.stringMatching(/^ {2}line 4 \(row 3\), as_of: 2099-01-01 is in the future \(today is \d{4}-\d\d-\d\d\)$/),
        '  line 4 (row 3), rate_percent: a rate cannot exceed 100% ("116,08")',
        '  line 5 (row 4), region_code: duplicate of row 1 (same as_of, region and rate_basis)',
      ]),
    );
    expect(folderHash()).toBe(before);
  });

  it('refuses a second, different snapshot for a committed day, naming it', async () => {
    expect((await run(['--source', `${base}/good.csv`, '--source-id', 'feed-test'])).code).toBe(0);
    const before = folderHash();
    const result = await run(['--source', `${base}/same-day.csv`, '--source-id', 'feed-test']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/2021-06-25-feed-test\.json, as_of: a second snapshot for 2021-06-25 from source "feed-test" with other figures than the committed one/);
    expect(folderHash()).toBe(before);
  });
});

describe('the snapshot folder', () => {
  it('an invalid committed file stops the fetch (exit 9, even in a build) naming file and field', async () => {
    const file = join(statsDir, '2020-08-02-seagullhotel.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"installs": 1851827', '"installs": -1'));
    const before = folderHash();
    for (const extra of [[], ['--if-configured']]) {
      const result = await run(['--source', `${base}/good.csv`, ...extra]);
      expect(result.code).toBe(9);
      expect(result.last).toMatch(/^fetch-stats: .*stats\/2020-08-02-seagullhotel\.json, rows\.0\.installs: must not be negative$/);
    }
    expect(folderHash()).toBe(before);
  });

  it('a second run while one holds the lock exits 8 and writes nothing', async () => {
    writeFileSync(join(statsDir, '.fetch-stats.lock'), `${process.pid}\n`); // this test process: alive
    const before = folderHash();
    const result = await run(['--source', `${base}/good.csv`]);
    expect(result.code).toBe(8);
    expect(result.last).toMatch(new RegExp(`another fetch-stats run \\(pid ${process.pid}\\) is updating`));
    expect(folderHash()).toBe(before);
  });
});

describe('npm run build (--if-configured) goes on with the committed data after a fetch failure', () => {
  const failures: [string, string, number][] = [
    ['HTTP 404', '/404', 4],
    ['an HTML page', '/html', 7],
    ['a timeout', '/hang', 6],
    ['invalid rows', '/bad-rows.csv', 3],
  ];
  it.each(failures)('%s: exit 0, one warning line naming the cause and the exit code it stands for', async (_name, route, code) => {
    const before = folderHash();
    const result = await run(['--if-configured', '--timeout', '800'], { STATS_SOURCE_URL: `${base}${route}` });
    expect(result.code).toBe(0);
    expect(result.last).toMatch(new RegExp(`^fetch-stats: warning: .+ \\(exit ${code} without --if-configured\\); the build uses the \\d+ committed snapshots in .* \\(newest \\d{1,2}/\\d{1,2}/\\d{4}\\)$`));
    expect(folderHash()).toBe(before);
  });
});

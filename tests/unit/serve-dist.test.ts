import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, serveDist } from '../../scripts/lib/serve-dist.ts';

function get(port: number, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve-dist (the Lighthouse and offline-test server)', () => {
  let dir = '';
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-dist-'));
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'huong-dan'));
    writeFileSync(join(dir, 'huong-dan/index.html'), '<!doctype html><title>Hướng dẫn</title>');
    writeFileSync(join(dir, '_astro/app.abc123.js'), 'console.log("x")');
    writeFileSync(join(dir, 'sw.js'), 'self');
    writeFileSync(join(dir, '_headers'), '/sw.js\n  Cache-Control: no-cache\n');
    server = await serveDist(dir);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages gzipped and revalidated, fingerprinted files for a year', async () => {
    const page = await get(port, '/huong-dan/');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString()).toContain('Hướng dẫn');
    expect(page.headers['cache-control']).toMatch(/max-age=0/);
    expect((await get(port, '/_astro/app.abc123.js')).headers['cache-control']).toMatch(/immutable/);
  });
  it('applies the build’s _headers file', async () => {
    expect((await get(port, '/sw.js')).headers['cache-control']).toBe('no-cache');
    expect(parseHeadersFile('/a/*\n  X-One: 1\n  X-Two: 2\n')[0]!.pattern.test('/a/b/c')).toBe(true);
  });
  it('redirects a folder without its slash, and never serves outside the build', async () => {
    expect((await get(port, '/huong-dan')).status).toBe(301);
    expect((await get(port, '/../../etc/passwd')).status).not.toBe(200);
    expect((await get(port, '/%2e%2e/%2e%2e/etc/passwd')).status).not.toBe(200);
    expect((await get(port, '/missing/')).status).toBe(404);
  });
});

/**
 * A small static server for a built site, as a phone would meet it in production: gzip for text,
 * long-lived caching for fingerprinted `/_astro/` files, revalidation for everything else, and
 * the `_headers` file of the build (Netlify syntax) when there is one. Used by
 * `npm run lighthouse` and the offline browser test; production uses the deploy configuration.
 *
 *   node scripts/lib/serve-dist.ts [--dir dist] [--port 4330]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { assetsRoot } from '../../src/routing/routes.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.pf_meta': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Netlify-style `_headers`: a path line (`*` matches anything), then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const colon = line.indexOf(':');
      if (colon > 0 && rules.length) rules.at(-1)!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Caching when `_headers` says nothing: fingerprinted files forever, the rest revalidated. */
function defaultCacheControl(path: string): string {
  return path.startsWith(assetsRoot) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

export function serveDist(dir: string, port = 0): Promise<Server> {
  const headersFile = join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(dir, '404.html');
      if (!existsSync(file)) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': defaultCacheControl(path), Vary: 'Accept-Encoding' };
    for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) headers[name] = value;
    let body: Buffer = readFileSync(file);
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      const cached = gzipped.get(file) ?? gzipSync(body, { level: 9 });
      gzipped.set(file, cached);
      body = cached;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.byteLength);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4330' } } });
  const server = await serveDist(values.dir, Number(values.port));
  console.log(`serving ${values.dir} at http://127.0.0.1:${Number(values.port)}/ (Ctrl+C stops)`);
  process.on('SIGINT', () => server.close(() => process.exit(0)));
}

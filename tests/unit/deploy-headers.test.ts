import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedNginxOptions, headersFor, netlifyHeaders, nginxConf, routeKindOf } from '../../src/deploy/headers.ts';
import { resolveHeadersFile } from '../support/headers-file.ts';

// A site shaped like ours: pages at several depths, special prefixes inside /en/, data, assets.
const files = [
  '/index.html',
  '/404.html',
  '/favicon.svg',
  '/robots.txt',
  '/sitemap-index.xml',
  '/huong-dan/index.html',
  '/huong-dan/android/index.html',
  '/so-lieu/moi-nhat.json',
  '/so-lieu/rss.xml',
  '/du-lieu/mau-bao-cao.csv',
  '/nhung/index.json',
  '/nhung/luot-tai-toan-quoc/index.html',
  '/nhung/luot-tai-toan-quoc/moi-nhat.csv',
  '/nhung/resize.js',
  '/tim-kiem/index.html',
  '/pagefind/pagefind.js',
  '/pagefind/pagefind-worker.js',
  '/_astro/Base.CvB2c3dE.css',
  '/en/index.html',
  '/en/guide/android/index.html',
  '/en/statistics/rss.xml',
  '/en/embed/luot-tai-toan-quoc/index.html',
  '/en/search/index.html',
];
const pageUrl = (file: string) => file.replace(/index\.html$/, '');

describe('deploy headers', () => {
  it('_headers gives every path exactly the headers of the definition, each from one rule', () => {
    const headersFile = netlifyHeaders(files);
    for (const path of [...files, ...files.map(pageUrl)]) {
      const resolved = resolveHeadersFile(headersFile, path);
      const expected = headersFor(path);
      for (const [name, value] of Object.entries(expected)) expect(resolved.get(name), `${path} ${name}`).toEqual([value]);
      const extra = [...resolved.keys()].filter((name) => !(name in expected) && name !== 'Content-Type');
      expect(extra, path).toEqual([]);
    }
    expect(resolveHeadersFile(headersFile, '/so-lieu/rss.xml').get('Content-Type')?.[0]).toMatch(/^application\/rss\+xml/);
  });

  it('forbid inline code everywhere, allow WebAssembly only on search pages and framing only of embeds', () => {
    for (const path of files.map(pageUrl)) {
      const headers = headersFor(path);
      const kind = routeKindOf(path);
      if (kind === 'asset') {
        expect(headers['Cache-Control']).toMatch(/immutable/);
        continue;
      }
      const csp = headers['Content-Security-Policy']!;
      expect(csp, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
      expect(csp.includes("'wasm-unsafe-eval'"), path).toBe(/^\/(tim-kiem|en\/search|pagefind)\//.test(path));
      const embed = /^\/(nhung|en\/embed)\//.test(path);
      expect(/frame-ancestors 'none'/.test(csp), path).toBe(!embed);
      expect(headers['X-Frame-Options'], path).toBe(embed ? undefined : 'DENY');
      expect(headers['Cache-Control'], path).toMatch(/max-age=0/);
      expect(headers['Strict-Transport-Security']).toMatch(/max-age=\d{7,}/);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
    expect(routeKindOf('/nhung/index.json')).toBe('embed');
    expect(headersFor('/nhung/index.json')['Access-Control-Allow-Origin']).toBe('*');
    expect(headersFor('/du-lieu/mau-bao-cao.csv')['Access-Control-Allow-Origin']).toBe('*');
  });

  it('the committed deploy/nginx.conf is what the definition generates (else: npm run nginx-conf)', () => {
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toBe(nginxConf(committedNginxOptions));
  });
});

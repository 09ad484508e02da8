/**
 * `npm run report`: page weight of every built page (gzipped HTML, CSS, JS; image bytes), totals,
 * and the budgets of scripts/lib/page-weight.ts. Exits 1 when a page is over budget, so CI can gate.
 *
 *   npm run build && npm run report
 *   npm run report -- --only /huong-dan/ --only /en/guide/     # just some pages
 *   ASTRO_OUT_DIR=dist-guide npm run report                     # another build folder
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkBudgets, formatReport, weighPage, type PageWeight } from './lib/page-weight.ts';
import { isRedirectStub } from '../src/lib/core/html-assets.ts';

const distDir = process.env.ASTRO_OUT_DIR ?? 'dist';
const args = process.argv.slice(2);
const only = args.flatMap((arg, i) => (arg === '--only' && args[i + 1] ? [args[i + 1]!] : []));

if (!existsSync(distDir)) {
  console.error(`No build in "${distDir}": run \`npm run build\` first (or set ASTRO_OUT_DIR).`);
  process.exit(2);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const origin = 'http://site.invalid';
const gzipSize = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).byteLength;

const pages: PageWeight[] = walk(distDir)
  .filter((file) => file.endsWith('.html'))
  .map((file) => ({ file, path: '/' + relative(distDir, file).split(sep).join('/').replace(/index\.html$/, '') }))
  .filter(({ path }) => only.length === 0 || only.some((prefix) => path.startsWith(prefix)))
  .sort((a, b) => a.path.localeCompare(b.path))
  .flatMap(({ file, path }) => {
    const html = readFileSync(file, 'utf8');
    if (isRedirectStub(html)) return [];
    const fileBytes = (url: string) => {
      const resolved = new URL(url, origin + path);
      if (resolved.origin !== origin) return undefined; // another site: reported as missing
      const local = join(distDir, decodeURIComponent(resolved.pathname));
      return existsSync(local) && statSync(local).isFile() ? readFileSync(local) : undefined;
    };
    return [weighPage(path, html, fileBytes, gzipSize)];
  });

if (pages.length === 0) {
  console.error(`No page matched in "${distDir}"${only.length ? ` under ${only.join(', ')}` : ''}.`);
  process.exit(2);
}

const violations = checkBudgets(pages);
console.log(formatReport(pages, violations));
process.exit(violations.length > 0 ? 1 : 0);

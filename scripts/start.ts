/**
 * start: build the whole site on the committed data and serve it, with no setting at all.
 *
 *   npm start                 build for http://localhost:4321 and serve it there (astro preview)
 *   npm run build:local       the same build, without serving (what the browser tests use)
 *
 * A deploy build (`npm run build`) refuses to run without SITE_URL, because every QR code,
 * leaflet and announcement carries that address. Here, with SITE_URL unset, the site is built
 * for the local address it is served on ($PREVIEW_PORT, default 4321), so every link, QR code
 * and embed snippet works on this machine; a SITE_URL that is set is used as given.
 */
import { spawnSync } from 'node:child_process';
import { LOCAL_SITE } from '../src/lib/core/build-env.ts';

const port = process.env.PREVIEW_PORT ?? new URL(LOCAL_SITE).port;
const env = { ...process.env };
if (!env.SITE_URL) {
  env.SITE_URL = `http://localhost:${port}`;
  console.log(`start: SITE_URL is not set, so the site is built for its local address ${env.SITE_URL}/ (set SITE_URL for a deploy build)`);
}

const run = (args: string[]) => spawnSync('npm', args, { env, stdio: 'inherit' }).status ?? 1;

const built = run(['run', 'build']);
if (built !== 0 || process.argv.includes('--build-only')) process.exit(built);
process.exit(run(['exec', '--', 'astro', 'preview', '--port', port]));

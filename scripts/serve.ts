/**
 * serve: the built site (`dist/`, or $ASTRO_OUT_DIR) through nginx with the deploy headers, on
 * 127.0.0.1 (port $PREVIEW_PORT, default 4321), until stopped. What the browser tests and
 * Lighthouse look at.
 *
 *   npm run build && npm run serve
 */
import { existsSync } from 'node:fs';
import { startNginx } from '../src/deploy/nginx.ts';

const root = process.env.ASTRO_OUT_DIR ?? 'dist';
if (!existsSync(`${root}/index.html`)) {
  console.error(`serve: no built site in ${root}/ (run npm run build first)`);
  process.exit(2);
}
const nginx = await startNginx({ root, port: Number(process.env.PREVIEW_PORT ?? 4321) });
console.log(`serve: ${root}/ at ${nginx.origin}/ (nginx, deploy headers); Ctrl+C stops`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void nginx.stop().then(() => process.exit(0)));
// nginx in the same process group may get the signal first: its folder is deleted either way.
nginx.process.once('exit', (code) => void nginx.stop().then(() => process.exit(code ?? 1)));

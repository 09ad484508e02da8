import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** A file stamped this long before the build started is still this build's (file systems keep a coarse clock). */
const CLOCK_SLACK_MS = 1000;

/** Where Astro's incremental build lists the file of every path with a `cacheKey` (in its cache folder). */
const INCREMENTAL_MANIFEST = 'incremental-build.json';

/**
 * Keeps `dist/` between builds and deletes only what this build did not make. Astro's incremental
 * build leaves a file whose `cacheKey` and code are unchanged where it is when it is already in
 * `dist/` ("(cached)" in its log) and copies it from its cache otherwise: emptying `dist/` first
 * made every rebuild copy all of them again (19.719 files at 1.000 letters, ≈ 18 s). Everything
 * else is written anew. So once the pages are made (`astro:build:generated`, this integration
 * first, before Pagefind reads them), a file older than this build that Astro's manifest does not
 * list is a leftover — a deleted letter's page, a script of an older bundle, last build's search
 * index, cards or sitemap — and is deleted before the other integrations write theirs. At the end
 * every file Astro says it made must still be there, or the build fails.
 */
export function incrementalOutDir(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let startedAt = 0;
  return {
    name: 'bluezone:out-dir',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        startedAt = Date.now();
      },
      'astro:build:generated': async ({ logger }) => {
        const kept = keptByAstro(join(cacheDir, INCREMENTAL_MANIFEST), outDir);
        const removed = await removeLeftovers(outDir, kept, startedAt - CLOCK_SLACK_MS);
        if (removed > 0) logger.info(`removed ${removed} file(s) an earlier build left in ${outDir}`);
      },
      'astro:build:done': ({ assets }) => {
        const missing = [...assets.values()].flat().map((url) => fileURLToPath(url)).filter((path) => !existsSync(path));
        if (missing.length > 0) throw new Error(`src/integrations/out-dir.ts deleted ${missing.length} file(s) this build made, e.g. ${missing[0]}: Astro's ${INCREMENTAL_MANIFEST} no longer lists them as read here`);
      },
    },
  };
}

/** The files Astro's manifest lists (absolute paths); none before a first incremental build. */
function keptByAstro(manifestFile: string, outDir: string): Set<string> {
  if (!existsSync(manifestFile)) return new Set();
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
  if (!manifest.routes) throw new Error(`${manifestFile}: no "routes" (Astro's incremental manifest changed; update src/integrations/out-dir.ts)`);
  const files = Object.values(manifest.routes).flatMap((route) => Object.values(route.paths ?? {}).map((path) => path.outputFile));
  if (files.some((file) => typeof file !== 'string')) throw new Error(`${manifestFile}: a path without "outputFile" (Astro's incremental manifest changed; update src/integrations/out-dir.ts)`);
  return new Set(files.map((file) => join(outDir, file as string)));
}

/** Deletes every file under `dir` not in `kept` and stamped before `since`, and the folders that leaves empty. */
async function removeLeftovers(dir: string, kept: ReadonlySet<string>, since: number): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { withFileTypes: true });
  const counts = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const removed = await removeLeftovers(path, kept, since);
        if ((await readdir(path)).length === 0) await rmdir(path);
        return removed;
      }
      if (kept.has(path) || (await stat(path)).mtimeMs >= since) return 0;
      await rm(path);
      return 1;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

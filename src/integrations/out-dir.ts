import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Empties `dist/` without holding up the build. Astro deletes the last build's files one by one
 * on the main thread before bundling (`rmSync`: 3,8 s at 1.000 letters, 13.000 data files); here
 * the folder is renamed aside at once (same parent, so same file system) and deleted by the
 * thread pool while Vite bundles. The build waits for the deletion before it ends, so no
 * `dist.old-*` folder is left behind.
 */
export function freshOutDir(): AstroIntegration {
  let outDir: string | undefined;
  let deleting: Promise<void> | undefined;
  return {
    name: 'bluezone:out-dir',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
      },
      'astro:build:start': async () => {
        if (!outDir || !existsSync(outDir)) return;
        const aside = `${outDir}.old-${process.pid}`;
        await rename(outDir, aside);
        deleting = rm(aside, { recursive: true, force: true });
        deleting.catch(() => undefined);
      },
      'astro:build:done': async () => {
        await deleting;
      },
    },
  };
}

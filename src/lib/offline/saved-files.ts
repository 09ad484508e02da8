import { createHash } from 'node:crypto';
import { extractAssets, isRedirectStub, srcsetCandidates } from '../core/html-assets.ts';

/**
 * What the service worker keeps for readers with no signal (see README, "Offline"). Pure, so the
 * selection is unit-tested; `src/integrations/offline.ts` applies it to `dist/`.
 *
 * - Saved at the first visit (precached): the guide, the FAQ and the leaflet, both languages,
 *   with every illustration they show.
 * - Saved when visited (never precached, never shown as current): statistics pages; offline
 *   they carry the saved-copy line, and each figure keeps its own date and source.
 * - Everything else (letters, search, data files, feeds) goes to the network only.
 */
export const PRECACHED_PAGES = /^\/(huong-dan|hoi-dap|en\/guide|en\/faq)\//;
export const SAVED_WHEN_VISITED = /^\/(so-lieu|en\/statistics)\/([^/]+\/)?$/;
/** The charts' page drawings (`moi-nhat.svg`, `moi-nhat-360.svg`): saved when shown, so a saved statistics page keeps the charts its reader saw. */
export const DRAWINGS_SAVED_WHEN_SHOWN = /^\/(nhung|en\/embed)\/[^/]+\/(moi-nhat|latest)(-\d+)?\.svg$/;

export interface BuiltPage {
  /** URL path, e.g. `/huong-dan/android/`. */
  path: string;
  html: string;
}

/** Pages and the image files they show (every candidate: the browser picks one by format and density). */
export function precacheList(pages: BuiltPage[]): string[] {
  const urls = new Set<string>();
  for (const page of pages) {
    if (!PRECACHED_PAGES.test(page.path) || isRedirectStub(page.html)) continue;
    urls.add(page.path);
    for (const tag of page.html.match(/<(source|img)\s[^>]*>/g) ?? []) {
      const srcset = /\ssrcset="([^"]*)"/.exec(tag)?.[1];
      const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
      for (const url of [...(srcset ? srcsetCandidates(srcset) : []), ...(src ? [src] : [])]) {
        const resolved = new URL(url.replace(/&amp;/g, '&'), `http://site.invalid${page.path}`);
        if (resolved.origin === 'http://site.invalid') urls.add(resolved.pathname);
      }
    }
    for (const script of extractAssets(page.html).scripts) urls.add(new URL(script, `http://site.invalid${page.path}`).pathname);
  }
  return [...urls].sort();
}

/** Version of the saved copies: changes when any saved file or the worker itself changes. */
export function offlineVersion(files: { url: string; bytes: Uint8Array }[], workerSource: string): string {
  const hash = createHash('sha256').update(workerSource);
  for (const file of [...files].sort((a, b) => a.url.localeCompare(b.url))) hash.update(file.url).update('\0').update(file.bytes);
  return hash.digest('hex').slice(0, 16);
}

export interface WorkerConfig {
  version: string;
  precache: string[];
}

/** The worker script: its configuration, then the hand-written worker (`src/offline/`). */
export function workerScript(config: WorkerConfig | 'off', sources: { worker: string; killSwitch: string }): string {
  if (config === 'off') return sources.killSwitch;
  const settings = {
    version: config.version,
    precache: config.precache,
    savedWhenVisited: SAVED_WHEN_VISITED.source,
    drawingsSavedWhenShown: DRAWINGS_SAVED_WHEN_SHOWN.source,
  };
  return `const CONFIG = ${JSON.stringify(settings)};\n${sources.worker}`;
}

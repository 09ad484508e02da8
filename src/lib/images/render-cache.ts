import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Build-time cache of rendered images (chart PNG/SVG, Open Graph cards): a build redraws only what
 * changed. The key hashes the renderer's inputs AND the code that draws them (every file of
 * `src/lib/`, `src/routing/`, `src/i18n/` and the campaign file, the fonts' and libraries' versions via `package-lock.json`), so a change to a
 * chart's data or to the drawing code misses the cache, and nothing stale can be served.
 *
 * Stored in `node_modules/.cache/bluezone-render/` (or `$RENDER_CACHE_DIR`); delete the folder
 * to start cold. Entries are content-addressed and never overwritten in place.
 */
const cacheDir = () => process.env.RENDER_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/bluezone-render');

let codeVersion: string | undefined;
/** Hash of the drawing code and dependency versions (computed once per build process). */
function renderers(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash('sha256');
  for (const folder of ['src/lib', 'src/routing', 'src/i18n']) {
    const dir = join(process.cwd(), folder);
    for (const file of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (/\.(ts|js|json)$/.test(file)) hash.update(join(folder, file)).update(readFileSync(join(dir, file)));
    }
  }
  hash.update(readFileSync(join(process.cwd(), 'package-lock.json')));
  codeVersion = hash.digest('hex');
  return codeVersion;
}

/**
 * Digests of input objects, by identity: a chart's spec (two years of daily points) is one object
 * drawn into 16 files, and serialising it for every key was seconds of each build. Inputs are
 * never changed after they are built (the figure model makes new objects).
 */
const digests = new WeakMap<object, string>();
function digestOf(part: unknown): string {
  if (typeof part !== 'object' || part === null) return JSON.stringify(part) ?? 'undefined';
  let digest = digests.get(part);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(part)).digest('hex');
    digests.set(part, digest);
  }
  return digest;
}

/** The cache key of one render: its kind and inputs (any JSON; a list is hashed part by part) under the current code. */
export function renderKey(kind: string, input: unknown): string {
  const hash = createHash('sha256').update(renderers()).update(kind);
  for (const part of Array.isArray(input) ? input : [input]) hash.update('\0').update(digestOf(part));
  return hash.digest('hex');
}

function read(key: string): Buffer | undefined {
  try {
    return readFileSync(join(cacheDir(), key));
  } catch {
    return undefined;
  }
}

function write(key: string, bytes: Uint8Array | string): void {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  // Write then rename: a crash or a parallel build never leaves half a file under a key.
  const temp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(temp, bytes);
  renameSync(temp, join(dir, key));
}

const onDisk = (key: string) => existsSync(join(cacheDir(), key));

/** Whether the cache holds this render, without reading it. */
export function isRendered(kind: string, input: unknown): boolean {
  return onDisk(renderKey(kind, input));
}

/** Renders under way in this process, by key: a page asking for a drawing already being drawn ahead waits for it. */
const rendering = new Map<string, Promise<Uint8Array | string>>();

function renderOnce<T extends Uint8Array | string>(key: string, render: () => Promise<T>): Promise<T> {
  let made = rendering.get(key) as Promise<T> | undefined;
  if (!made) {
    made = render()
      .then((result) => {
        write(key, result);
        return result;
      })
      .finally(() => rendering.delete(key));
    rendering.set(key, made);
  }
  return made;
}

/** A binary render (PNG), from the cache when the same inputs were drawn by the same code before. */
export async function cachedRender(kind: string, input: unknown, render: () => Promise<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const key = renderKey(kind, input);
  const hit = read(key);
  if (hit) return new Uint8Array(hit);
  return new Uint8Array(await renderOnce(key, render));
}

/** A text render (SVG markup), from the cache when the same inputs were drawn by the same code before. */
export async function cachedText(kind: string, input: unknown, render: () => Promise<string>): Promise<string> {
  const key = renderKey(kind, input);
  const hit = read(key);
  if (hit) return hit.toString('utf8');
  return renderOnce(key, render);
}

/**
 * Renders into the cache unless it holds this render or it is under way (the chart images and
 * the cards drawn ahead of their pages); the result is not read back. Resolves to whether it drew.
 */
export async function renderAhead(kind: string, input: unknown, render: () => Promise<Uint8Array | string>): Promise<boolean> {
  const key = renderKey(kind, input);
  if (rendering.has(key) || onDisk(key)) return false;
  await renderOnce(key, render);
  return true;
}

/** Computed data (JSON) kept like a render: read back when the same inputs met the same code before. */
export const cachedJson = {
  get<T>(kind: string, input: unknown): T | undefined {
    const hit = read(renderKey(kind, input));
    return hit === undefined ? undefined : (JSON.parse(hit.toString('utf8')) as T);
  },
  set(kind: string, input: unknown, value: unknown): void {
    write(renderKey(kind, input), JSON.stringify(value));
  },
};

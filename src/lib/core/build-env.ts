/**
 * Environment values the build reads, checked before Astro starts (`astro.config.mjs` calls
 * `checkBuildEnv`), so a bad value ends the build with one line naming it, never a stack trace.
 */

/** A bad environment value; the message is the one line the build prints. */
export class BuildEnvError extends Error {}

/**
 * SOURCE_DATE_EPOCH (reproducible builds): whole seconds since 1970-01-01 UTC, as the
 * reproducible-builds.org specification defines it. Unset or empty = undefined (use the clock).
 */
export function sourceDateEpoch(value: string | undefined = process.env.SOURCE_DATE_EPOCH): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  // The Date range ends at 8.64e15 ms; anything later is not a build date.
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seconds) || seconds * 1000 > 8.64e15) {
    throw new BuildEnvError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC (e.g. ${Math.floor(Date.UTC(2021, 5, 19) / 1000)}), got "${value}"`);
  }
  return new Date(seconds * 1000);
}

/**
 * Pages Astro renders at once (`build.concurrency`): a chart page waits on sharp (its thread pool)
 * for its PNGs, and one page at a time left a core idle. A cold build on 2 cores: 78 → 48 s,
 * dist/ byte-identical. The scale benchmark builds its plain baseline with the same setting: a
 * page's time in Astro's log runs from its start to its end, so it grows with the pages beside it.
 */
export const PAGES_RENDERED_AT_ONCE = 4;

/**
 * glibc's allocator settings for the build's processes, set by the commands that start Astro
 * (`scripts/build.ts` behind `npm run build` and `npm start`, and the benchmark): glibc reads them
 * as a process starts, so the build cannot set them itself. Left alone, glibc raises its mmap
 * threshold each time a large block is freed, up to 32 MiB; the drawing threads' large blocks (an
 * SVG drawing's stream, a PNG's pixels) then come from its arenas, and freed ones stay there.
 * With the threshold fixed (which also stops the raising), blocks above it are mapped and given
 * back when freed. Every district's figures at N = 10.000: peak 5.202,5 MB with glibc's defaults
 * (1.049,9 s), 4.576,5 MB at 1 MiB (1.117,9 s: an Open Graph card's 3 MB of pixels mapped and
 * zeroed afresh each time), 4.603,9 MB at 4 MiB (1.030,3 s). Other C libraries ignore it.
 */
export const BUILD_ALLOCATOR_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: String(4 * 1024 * 1024) };

/**
 * BUILD_HEAP_MB: the JavaScript heap (V8's old generation, MB) of Astro's process in `npm run
 * build` and `npm start`, set by the command that starts it (`--max-old-space-size`). Left to
 * itself, V8 lets the heap grow to about twice what it holds before it collects hard: at N =
 * 10.000 letters with every district's figures Astro's process peaked at 3.953 MB; at 2.048 MB of
 * heap 3.386 MB, in the same CPU time (1.336 against 1.331 s), its data needing about 1,2 GB. A
 * site that needs more stops with one line saying to raise it.
 */
export const DEFAULT_BUILD_HEAP_MB = 2048;

export function buildHeapMb(value: string | undefined = process.env.BUILD_HEAP_MB): number {
  if (value === undefined || value === '') return DEFAULT_BUILD_HEAP_MB;
  const mb = Number(value);
  if (!/^\d+$/.test(value) || mb < 32) throw new BuildEnvError(`BUILD_HEAP_MB must be whole megabytes, at least 32 (default ${DEFAULT_BUILD_HEAP_MB}), got "${value}"`);
  return mb;
}

/** The Node flags Astro's build process starts with (`scripts/build.ts`, and the benchmark's builds). */
export function astroNodeFlags(heapMb: number = buildHeapMb()): string[] {
  return [`--max-old-space-size=${heapMb}`];
}

/** The address `astro dev`, `astro check` and `npm start` use when SITE_URL is unset: the local preview. */
export const LOCAL_SITE = 'http://localhost:4321';

/** Reserved names (RFC 2606/6761) that can never be a published portal: `bluezone.example`, `x.test`, `x.invalid`. */
export function isPlaceholderHost(hostname: string): boolean {
  return /(^|\.)(example|test|invalid)\.?$/i.test(hostname);
}

/**
 * SITE_URL: the absolute http(s) address the portal is published at. A deploy build
 * (`forBuild`) refuses it unset or on a placeholder host, because every QR code, leaflet and
 * announcement would carry it; other commands fall back to the local preview address.
 */
export function siteUrl(value: string | undefined = process.env.SITE_URL, forBuild = false): string {
  if (value === undefined || value === '') {
    if (!forBuild) return LOCAL_SITE;
    throw new BuildEnvError('SITE_URL is not set: a deploy build needs the address the portal is published at, e.g. SITE_URL=https://bluezone.gov.vn npm run build (npm start needs no setting: it builds for its local address)');
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new BuildEnvError(`SITE_URL must be an absolute http(s) address such as https://bluezone.gov.vn, got "${value}"`);
  if (forBuild && isPlaceholderHost(url.hostname)) throw new BuildEnvError(`SITE_URL "${value}" is a placeholder address that no reader can open: set the address the portal is published at, e.g. SITE_URL=https://bluezone.gov.vn`);
  return value;
}

/**
 * CONTACT_URL: where readers report a problem with the site (accessibility statement), an
 * absolute http(s) or mailto: address the publisher gives. Unset or empty = undefined: the page
 * then tells readers to contact the publishing agency, never an address we made up.
 */
export function contactUrl(value: string | undefined = process.env.CONTACT_URL): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['https:', 'http:', 'mailto:'].includes(url.protocol)) throw new BuildEnvError(`CONTACT_URL must be an absolute http(s) or mailto: address such as https://bluezone.gov.vn/lien-he, got "${value}"`);
  return value;
}

/**
 * Checks every value above; on a bad one prints its line and ends the process with exit 1.
 * `forBuild`: the command is `astro build` (a deploy build), which needs a real SITE_URL.
 */
export function checkBuildEnv(forBuild: boolean): { site: string } {
  return orExit(() => {
    sourceDateEpoch();
    contactUrl();
    return { site: siteUrl(process.env.SITE_URL, forBuild) };
  });
}

/** `read()`'s value; on a bad environment value, its one line and exit 1 (the commands that start Astro use it too). */
export function orExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof BuildEnvError)) throw error;
    console.error(`build: ${error.message}`);
    process.exit(1);
  }
}

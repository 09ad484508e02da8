import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_ALLOCATOR_ENV, BuildEnvError, buildHeapMb, contactUrl, DEFAULT_BUILD_HEAP_MB, LOCAL_SITE, siteUrl, sourceDateEpoch } from '../../src/lib/core/build-env.ts';
import { projectRoot, runAstro } from '../support/temp-project.ts';

describe('build environment values', () => {
  it('SOURCE_DATE_EPOCH: whole seconds since 1970, or unset', () => {
    expect(sourceDateEpoch(undefined)).toBeUndefined();
    expect(sourceDateEpoch('')).toBeUndefined();
    expect(sourceDateEpoch('1624060800')!.toISOString()).toBe('2021-06-19T00:00:00.000Z');
    expect(sourceDateEpoch('0')!.getTime()).toBe(0);
    for (const bad of ['abc', '-1', '1.5', '1e9', ' 1624060800', '99999999999999999999']) expect(() => sourceDateEpoch(bad), bad).toThrow(BuildEnvError);
    expect(() => sourceDateEpoch('abc')).toThrow('SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC (e.g. 1624060800), got "abc"');
  });

  it('SITE_URL: an absolute http(s) address; a deploy build refuses it unset or on a placeholder host', () => {
    expect(siteUrl(undefined)).toBe(LOCAL_SITE);
    expect(siteUrl('https://bluezone.gov.vn')).toBe('https://bluezone.gov.vn');
    expect(siteUrl('https://bluezone.gov.vn', true)).toBe('https://bluezone.gov.vn');
    expect(siteUrl('http://localhost:4321', true)).toBe('http://localhost:4321');
    for (const bad of ['bluezone.gov.vn', 'javascript:alert(1)', 'ftp://bluezone.gov.vn']) expect(() => siteUrl(bad), bad).toThrow(BuildEnvError);
    for (const unset of [undefined, '']) expect(() => siteUrl(unset, true)).toThrow('SITE_URL is not set');
    for (const placeholder of ['https://bluezone.example', 'https://mttq.camau.example/', 'http://portal.test', 'https://x.invalid']) {
      expect(() => siteUrl(placeholder, true), placeholder).toThrow('is a placeholder address');
      expect(siteUrl(placeholder), placeholder).toBe(placeholder);
    }
  });

  it('astro build without SITE_URL, or on a placeholder host, ends with one line saying what to set; nothing built', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-env-'));
    try {
      for (const value of ['', 'https://bluezone.example']) {
        const { status, output } = runAstro(projectRoot, 'build', { SITE_URL: value, ASTRO_OUT_DIR: join(out, 'dist') }, 120_000);
        expect(status, value).toBe(1);
        const lines = output.split('\n').filter((line) => line.trim() !== '');
        expect(lines, value).toHaveLength(1);
        expect(lines[0], value).toMatch(/^build: SITE_URL .*e\.g\. SITE_URL=https:\/\/bluezone\.gov\.vn/);
        expect(existsSync(join(out, 'dist')), value).toBe(false);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('npm run build (scripts/build.ts): fetch-stats, then astro build started with the allocator settings; its exit status and one line', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-env-'));
    try {
      // Every Node process the command starts writes its script and what glibc was given as it started.
      const recorder = join(out, 'record.mjs');
      const record = join(out, 'started.txt');
      writeFileSync(
        recorder,
        `import { appendFileSync } from 'node:fs';\nimport { getHeapStatistics } from 'node:v8';\nappendFileSync(${JSON.stringify(record)}, JSON.stringify([process.argv[1], process.env.MALLOC_MMAP_THRESHOLD_ ?? null, getHeapStatistics().heap_size_limit / 1048576]) + '\\n');\n`,
      );
      const env: Record<string, string | undefined> = { ...process.env, SITE_URL: '', ASTRO_OUT_DIR: join(out, 'dist'), NODE_OPTIONS: `--import ${pathToFileURL(recorder).href}` };
      delete env.MALLOC_MMAP_THRESHOLD_;
      delete env.STATS_SOURCE_URL;
      const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/build.ts')], { cwd: projectRoot, env, encoding: 'utf8', timeout: 120_000 });
      const started = readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as [string, string | null, number]);
      expect(started.map(([script]) => script.replace(`${projectRoot}/`, ''))).toEqual(['scripts/build.ts', 'scripts/fetch-stats.ts', 'node_modules/astro/bin/astro.mjs']);
      for (const [, threshold] of started.slice(1)) expect(threshold).toBe(BUILD_ALLOCATOR_ENV.MALLOC_MMAP_THRESHOLD_);
      // Astro's process has the build's heap (V8's limit adds its young generation to it); the others V8's own.
      const ownLimit = started[0]![2];
      const astroLimit = started[2]![2];
      expect(astroLimit).toBeGreaterThanOrEqual(DEFAULT_BUILD_HEAP_MB);
      expect(astroLimit).toBeLessThan(DEFAULT_BUILD_HEAP_MB + 256);
      expect(ownLimit).not.toBe(astroLimit);
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n').filter((line) => line.trim() !== '')).toEqual([expect.stringMatching(/^build: SITE_URL is not set/)]);
      expect(existsSync(join(out, 'dist'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('BUILD_HEAP_MB: whole megabytes, at least 32, or unset (2.048)', () => {
    expect(buildHeapMb(undefined)).toBe(DEFAULT_BUILD_HEAP_MB);
    expect(buildHeapMb('')).toBe(DEFAULT_BUILD_HEAP_MB);
    expect(buildHeapMb('4096')).toBe(4096);
    for (const bad of ['abc', '2G', '1.5', '-1', '16', ' 4096']) expect(() => buildHeapMb(bad), bad).toThrow(BuildEnvError);
  });

  it('npm run build with a bad BUILD_HEAP_MB, or one too small for the site, ends with one line saying what to set; nothing built', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-env-'));
    try {
      const env: Record<string, string | undefined> = { ...process.env, SITE_URL: 'https://bluezone.gov.vn', ASTRO_OUT_DIR: join(out, 'dist') };
      delete env.STATS_SOURCE_URL;
      const run = (heap: string) => spawnSync(process.execPath, [join(projectRoot, 'scripts/build.ts')], { cwd: projectRoot, env: { ...env, BUILD_HEAP_MB: heap }, encoding: 'utf8', timeout: 120_000 });
      const bad = run('2G');
      expect(bad.status).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.trim().split('\n')).toEqual(['build: BUILD_HEAP_MB must be whole megabytes, at least 32 (default 2048), got "2G"']);
      // Astro cannot start in 32 MB: Node's own report of the crash, then the line that says what to do.
      const small = run('32');
      expect(small.status).toBe(1);
      expect(small.stderr).toContain('JavaScript heap out of memory');
      expect(small.stderr.trim().split('\n').at(-1)).toBe("build: Astro's process needed more than its 32 MB JavaScript heap: build again with more, e.g. BUILD_HEAP_MB=64 npm run build");
      expect(existsSync(join(out, 'dist'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('CONTACT_URL: an absolute http(s) or mailto: address, or unset (no invented contact)', () => {
    expect(contactUrl(undefined)).toBeUndefined();
    expect(contactUrl('')).toBeUndefined();
    expect(contactUrl('mailto:hotro@bluezone.gov.vn')).toBe('mailto:hotro@bluezone.gov.vn');
    expect(contactUrl('https://bluezone.gov.vn/lien-he')).toBe('https://bluezone.gov.vn/lien-he');
    for (const bad of ['hotro@bluezone.gov.vn', 'javascript:alert(1)', 'tel:1900']) expect(() => contactUrl(bad), bad).toThrow(BuildEnvError);
  });

  it('astro build with SOURCE_DATE_EPOCH=abc ends with one clear line, no stack trace, nothing built', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-env-'));
    try {
      const { status, output } = runAstro(projectRoot, 'build', { SOURCE_DATE_EPOCH: 'abc', ASTRO_OUT_DIR: join(out, 'dist') }, 120_000);
      expect(status).toBe(1);
      const lines = output.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toEqual(['build: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC (e.g. 1624060800), got "abc"']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

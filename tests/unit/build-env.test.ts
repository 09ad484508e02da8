import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildEnvError, contactUrl, siteUrl, sourceDateEpoch } from '../../src/lib/build-env.ts';
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

  it('SITE_URL: an absolute http(s) address, or unset', () => {
    expect(siteUrl(undefined)).toBe('https://bluezone.example');
    expect(siteUrl('https://bluezone.gov.vn')).toBe('https://bluezone.gov.vn');
    for (const bad of ['bluezone.gov.vn', 'javascript:alert(1)', 'ftp://bluezone.gov.vn']) expect(() => siteUrl(bad), bad).toThrow(BuildEnvError);
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

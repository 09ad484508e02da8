import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartBundle } from '../../src/lib/charts/publish/catalogue.ts';
import { chartCsv, chartJson } from '../../src/lib/charts/publish/files.ts';
import { chartImagePng } from '../../src/lib/charts/draw/render.ts';
import { loadRegions } from '../../src/content/regions.ts';
import type { SnapshotEntry } from '../../src/lib/stats/load.ts';
import { snapshotSchemaWith } from '../../src/content/snapshot.ts';
import { statementTargetSchema } from '../../src/content/statement-target.ts';
import { formatNumber, isoDateInVietnam } from '../../src/lib/core/format.ts';
import { copyProject, projectRoot as root, removeProject, runAstro, TEST_SITE } from '../support/temp-project.ts';
import { publicHost } from '../../src/routing/routes.ts';

/**
 * "Adding a snapshot is one new JSON file": a temporary copy of the project (never the repo's
 * content) gets a clearly labelled TEST FIXTURE snapshot and is built once; every chart output
 * must follow the new figures with no code change: charts, tables, images, CSV/JSON, the
 * catalogue and the latest feeds. The state before is the repo's own data, charted in-process:
 * dated files of earlier data must be byte-identical to it, images must differ from it.
 */

const site = TEST_SITE;
let tmp = '';

/** TEST FIXTURE: invented numbers for this test only, never published. */
const fixture = {
  asOf: '2021-06-28',
  source: { id: 'test-fixture', name: 'TEST FIXTURE (not real data)', url: 'https://example.test/fixture' },
  measure: 'downloads',
  note: 'TEST FIXTURE written by tests/unit/chart-new-snapshot.test.ts; the numbers are invented.',
  rows: [
    { region: { code: 'VN', name: 'Việt Nam', level: 'country' }, installs: 38_765_432 },
    { region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 23.45, rateBasis: 'population' },
  ],
};

function build(out: string): void {
  const result = runAstro(tmp, 'build', { ASTRO_OUT_DIR: join(tmp, out), ASTRO_CACHE_DIR: join(tmp, '.astro-cache') }, 500_000);
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
}

const file = (out: string, path: string) => join(tmp, out, path);
const text = (out: string, path: string) => readFileSync(file(out, path), 'utf8');

/** The national chart from the repo's committed data (the state before the fixture). */
function nationalBefore() {
  const regions = loadRegions(root);
  const schema = snapshotSchemaWith(regions);
  const read = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => ({ id: f.slice(0, -5), json: JSON.parse(readFileSync(join(root, dir, f), 'utf8')) }));
  const snapshots: SnapshotEntry[] = read('content/stats').map(({ id, json }) => ({ id, data: schema.parse(json) }));
  const statementTargets = read('content/targets').map(({ json }) => ({ data: statementTargetSchema.parse(json) }));
  const bundle = chartBundle({ snapshots, directives: [], statementTargets, regions });
  return bundle.charts.find((c) => c.spec.id === 'luot-tai-toan-quoc')!;
}

beforeAll(() => {
  tmp = copyProject('charts-snapshot');
  writeFileSync(join(tmp, 'content/stats/2021-06-28-test-fixture.json'), JSON.stringify(fixture, null, 2));
  build('after');
}, 1_000_000);

afterAll(() => {
  removeProject(tmp);
});

describe('one new snapshot file updates every chart output at the next build', () => {
  it('adds the figure to the national chart’s JSON, CSV, SVG and table', () => {
    const json = JSON.parse(text('after', 'nhung/luot-tai-toan-quoc/moi-nhat.json'));
    expect(json.asOf).toBe('2021-06-28');
    const downloads = json.rows.filter((r: { measure: string }) => r.measure === 'downloads');
    expect(downloads.at(-1)).toMatchObject({ regionCode: 'VN', date: '2021-06-28', value: 38_765_432 });
    expect(json.summary.vi).toContain('38.765.432');
    expect(text('after', 'nhung/luot-tai-toan-quoc/moi-nhat.csv')).toContain('2021-06-28,count,downloads,,38765432');
    expect(text('after', 'nhung/luot-tai-toan-quoc/moi-nhat.svg')).toContain('38765432');
    expect(text('after', 'so-lieu/index.html')).toContain('38.765.432');
    expect(text('after', 'nhung/luot-tai-toan-quoc/index.html')).toContain('38.765.432');
  });

  it('updates the province’s charts and page', () => {
    const bars = JSON.parse(text('after', 'nhung/ty-le-tai-dan-so/moi-nhat.json'));
    expect(bars.rows.find((r: { regionCode: string }) => r.regionCode === '96')).toMatchObject({ value: 23.45, date: '2021-06-28' });
    expect(text('after', 'so-lieu/ca-mau/index.html')).toContain('23,45\u00a0%');
    expect(text('after', 'en/statistics/ca-mau/index.html')).toContain('23.45%');
  });

  it('redraws the images', async () => {
    const before = nationalBefore();
    const images = [
      ['nhung/luot-tai-toan-quoc/moi-nhat-1920x1080.png', 'vi', 'tv'],
      ['nhung/luot-tai-toan-quoc/moi-nhat-1200x630.png', 'vi', 'card'],
      ['nhung/luot-tai-toan-quoc/moi-nhat-1080x1080.png', 'vi', 'square'],
      ['en/embed/luot-tai-toan-quoc/latest-1920x1080.png', 'en', 'tv'],
    ] as const;
    for (const [image, lang, size] of images) {
      const old = await chartImagePng(before.spec, lang, size, publicHost(site));
      expect(readFileSync(file('after', image)).equals(old), image).toBe(false);
    }
  });

  it('publishes a new dated version and leaves the earlier ones byte-identical', () => {
    const before = nationalBefore();
    expect(before.versions.map((v) => v.asOf)).not.toContain('2021-06-28');
    expect(text('after', 'nhung/luot-tai-toan-quoc/2021-06-28.csv')).toBe(text('after', 'nhung/luot-tai-toan-quoc/moi-nhat.csv'));
    expect(before.versions.length).toBeGreaterThan(5);
    for (const version of before.versions) {
      expect(text('after', `nhung/luot-tai-toan-quoc/${version.asOf}.csv`), version.asOf).toBe(chartCsv(version.spec, site));
      expect(JSON.parse(text('after', `nhung/luot-tai-toan-quoc/${version.asOf}.json`))).toEqual(chartJson(version.spec, site));
    }
  });

  it('moves the catalogue and the latest feeds to the new date', () => {
    const catalogue = JSON.parse(text('after', 'nhung/index.json'));
    expect(catalogue.charts.find((c: { id: string }) => c.id === 'luot-tai-toan-quoc').asOf).toBe('2021-06-28');
    const latest = JSON.parse(text('after', 'so-lieu/moi-nhat.json'));
    expect(latest.asOf).toBe('2021-06-28');
    expect(latest.charts[0].summary.vi).toMatch(/38\.765\.432|23,45\u00a0%/);
    expect(text('after', 'so-lieu/rss.xml')).toContain('38.765.432');
  });

  it('the statistics pages say how old their newest figure is, from the snapshots', () => {
    const today = Date.parse(isoDateInVietnam(new Date()));
    // The build ran a moment ago: the page counted from today, or from yesterday across midnight.
    const ages = [0, 1].map((back) => formatNumber(Math.round((today - back * 86_400_000 - Date.parse('2021-06-28')) / 86_400_000), 'vi'));
    const age = (page: string) => /<p class="muted data-age"[^>]*>(.*?)<\/p>/s.exec(text('after', page))?.[1];
    expect(ages.map((days) => `Số liệu mới nhất: ngày 28/6/2021, cách ngày cập nhật trang này ${days} ngày.`)).toContain(age('so-lieu/index.html'));
    expect(age('en/statistics/index.html')).toMatch(/^Newest figure: 28 June 2021, [\d,]+ days before this page was built\.$/);
    // A place page counts from the place's own newest figure: Kiên Giang's is 16/8/2020, not the fixture's day.
    expect(age('so-lieu/kien-giang/index.html')).toMatch(/^Số liệu mới nhất: ngày 16\/8\/2020, /);
  });
});

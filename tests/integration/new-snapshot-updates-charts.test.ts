import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartBundle } from '../../src/lib/charts/publish/catalogue.ts';
import { chartCsv, chartJson } from '../../src/lib/charts/publish/files.ts';
import { chartImagePng } from '../../src/lib/charts/draw/render.ts';
import { loadRegions } from '../../src/content/regions.ts';
import type { SnapshotEntry } from '../../src/lib/stats/load.ts';
import { contentFolders } from '../../src/content/content-folders.ts';
import { formatDate, formatNumber, isoDateInVietnam } from '../../src/lib/core/format.ts';
import { publicHost } from '../../src/routing/routes.ts';
import { FIXTURE_EPOCH, FIXTURE_SITE as site, newSnapshot, newSnapshotFile } from '../support/fixture-site.ts';
import { BUILD_WAIT, sharedBuild } from '../support/shared-build.ts';

/**
 * "Adding a snapshot is one new JSON file": the fixture site (tests/support/fixture-site.ts) has
 * one clearly labelled TEST FIXTURE snapshot more than its other content; every chart output of
 * its one build must follow the new figures with no code change: charts, tables, images,
 * CSV/JSON, the catalogue and the latest feeds. The state before is the same copy's data without
 * that file, charted in-process: dated files of earlier data must be byte-identical to it, images
 * must differ from it.
 */

let root = '';
let dist = '';
beforeAll(async () => {
  const build = await sharedBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-4000)}`);
  ({ root, dist } = build);
}, BUILD_WAIT);

const file = (_out: 'after', path: string) => join(dist, path);
const text = (out: 'after', path: string) => readFileSync(file(out, path), 'utf8');

/** The national chart from the copy's data without the new snapshot (the state before it). */
function nationalBefore() {
  const regions = loadRegions(root);
  // The build's own schemas, with its cleaning of hidden characters (the fixture's hostile source has some).
  const schema = contentFolders.snapshots.schema;
  const read = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json') && `${dir}/${f}` !== newSnapshotFile).map((f) => ({ id: f.slice(0, -5), json: JSON.parse(readFileSync(join(root, dir, f), 'utf8')) }));
  const snapshots: SnapshotEntry[] = read('content/stats').map(({ id, json }) => ({ id, data: schema.parse(json) }));
  const statementTargets = read('content/targets').map(({ json }) => ({ data: contentFolders.statementTargets.schema.parse(json) }));
  const bundle = chartBundle({ snapshots, directives: [], statementTargets, regions });
  return bundle.charts.find((c) => c.spec.id === 'luot-tai-toan-quoc')!;
}

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
    // The new day's version: each line's newest figure, the same rows the latest file ends its lines with.
    const latest = JSON.parse(text('after', 'nhung/luot-tai-toan-quoc/moi-nhat.json'));
    const newest = JSON.parse(text('after', 'nhung/luot-tai-toan-quoc/2021-06-28.json'));
    const lastOfEachLine = [...new Map(latest.rows.map((row: { series: { vi: string } }) => [row.series.vi, row])).values()];
    expect(newest.rows).toEqual(lastOfEachLine);
    expect(newest.summary).toEqual(latest.summary);
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

  it('the statistics pages say how old their newest figure is, from the snapshots and the build date', () => {
    // The fixture site is built with SOURCE_DATE_EPOCH: the page is dated that day, in Vietnam.
    const built = Date.parse(isoDateInVietnam(new Date(Number(FIXTURE_EPOCH) * 1000)));
    const days = (asOf: string) => Math.round((built - Date.parse(asOf)) / 86_400_000);
    expect(days(newSnapshot.asOf)).toBeGreaterThan(0);
    const age = (page: string) => /<p class="muted data-age"[^>]*>(.*?)<\/p>/s.exec(text('after', page))?.[1];
    expect(age('so-lieu/index.html')).toBe(`Số liệu mới nhất: ngày ${formatDate(newSnapshot.asOf, 'vi')}, cách ngày cập nhật trang này ${formatNumber(days(newSnapshot.asOf), 'vi')} ngày.`);
    expect(age('en/statistics/index.html')).toBe(`Newest figure: ${formatDate(newSnapshot.asOf, 'en')}, ${formatNumber(days(newSnapshot.asOf), 'en')} days before this page was built.`);
    // A place page counts from the place's own newest figure: Kiên Giang's is 16/8/2020, not the fixture's day.
    expect(age('so-lieu/kien-giang/index.html')).toMatch(/^Số liệu mới nhất: ngày 16\/8\/2020, /);
  });
});

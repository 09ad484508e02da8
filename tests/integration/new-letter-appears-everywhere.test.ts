import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_SITE as site, newLetter as slug } from '../support/fixture-site.ts';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';
import { projectRoot as root } from '../support/temp-project.ts';

/**
 * Adding a letter is one new MDX file: the fixture site has one TEST FIXTURE letter
 * (tests/fixtures/directives/) more than the committed ones; in its one build it shows up in the
 * list, its filters, the timeline, the feeds, its province page and the "cited by" of the letter
 * it cites.
 */

let build: SharedBuild;
beforeAll(async () => {
  build = await sharedBuild();
}, BUILD_WAIT);

const page = (path: string) => readFileSync(join(build.dist, path), 'utf8');
/** The committed letters, plus the fixture's one. */
const letters = () => readdirSync(join(root, 'content/directives')).filter((f) => f.endsWith('.mdx')).length + 1;

describe('adding a letter is one new MDX file', () => {
  it('builds', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it('appears in the list, newest first, in both languages', () => {
    const list = page('van-ban/index.html');
    const slugs = [...list.matchAll(/<li data-slug="([^"]+)"/g)].map((m) => m[1]);
    expect(slugs[0]).toBe(slug);
    expect(slugs).toHaveLength(letters());
    expect(page('en/directives/index.html')).toContain(`href="/en/directives/${slug}/"`);
    expect(page(`van-ban/${slug}/index.html`)).toContain('TEST FIXTURE');
  });

  it('appears in its filters, including a new province page', () => {
    expect(existsSync(join(build.dist, 'van-ban/tinh/bac-lieu/index.html'))).toBe(true);
    for (const path of ['van-ban/tinh/bac-lieu/', 'van-ban/cap/so-nganh/', 'van-ban/nam/2021/', 'en/directives/province/bac-lieu/']) {
      expect(page(`${path}index.html`), path).toContain(`data-slug="${slug}"`);
    }
    expect(page('van-ban/nam/2020/index.html')).not.toContain(`data-slug="${slug}"`);
    expect(page('van-ban/index.html')).toContain('href="/van-ban/tinh/bac-lieu/"');
  });

  it('puts its date, deadline, target and figure on the timeline', () => {
    const timeline = page('van-ban/dong-thoi-gian/index.html');
    for (const day of ['2021-06-10', '2021-06-15', '2021-06-30', '2021-07-15']) {
      expect(timeline, day).toMatch(new RegExp(`data-date="${day}"[\\s\\S]*?data-slug="${slug}"`));
    }
    expect(page('en/directives/timeline/index.html')).toContain(`data-slug="${slug}"`);
  });

  it('is one more item in both RSS feeds and in index.json', () => {
    for (const [feed, path] of [['van-ban/rss.xml', 'van-ban'], ['en/directives/rss.xml', 'en/directives']] as const) {
      const xml = page(feed);
      expect(xml.match(/<item>/g)).toHaveLength(letters());
      expect(xml).toContain(`<link>${site}/${path}/${slug}/</link>`);
    }
    const json = JSON.parse(page('van-ban/index.json'));
    expect(json.count).toBe(letters());
    const record = json.documents.find((d: { slug: string }) => d.slug === slug);
    expect(record.province).toEqual({ code: '95', name: 'Bạc Liêu', slug: 'bac-lieu' });
    expect(record.cites[0]).toMatchObject({ in_library: true, slug: '5355-ubnd-kgvx-2020' });
    expect(json.documents.find((d: { slug: string }) => d.slug === '5355-ubnd-kgvx-2020').cited_by).toContain(slug);
  });

  it('is linked from the "cited by" of the letter it cites', () => {
    for (const path of ['van-ban/5355-ubnd-kgvx-2020/', 'en/directives/5355-ubnd-kgvx-2020/']) {
      const html = page(`${path}index.html`);
      const citedBy = html.slice(html.indexOf('id="cited-by-heading"'));
      expect(citedBy, path).toContain(`/${slug}/"`);
    }
  });
});

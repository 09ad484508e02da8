import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder as files } from '../support/second-campaign-site.ts';
import { BUILD_WAIT, sharedBuild, type SharedBuild } from '../support/shared-build.ts';

/*
 * Another campaign is a content change, not a code change: a copy of the project whose content
 * is a fictional second campaign (tests/support/second-campaign-site.ts: its own campaign file,
 * launch date and store pages; the repository's letters, guides, answers, illustrations and
 * snapshots with every "Bluezone" renamed) builds, and no page, feed, data file or drawing of it
 * names Bluezone. Anything the code itself still says about Bluezone would show here.
 * tests/integration/global-setup.ts builds it beside the fixture site.
 */
type Node = DefaultTreeAdapterMap['node'];

/** What a reader meets in a page: its text and the attributes that are read or followed. */
function readable(node: Node, out: string[] = []): string[] {
  if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
  if ('attrs' in node) {
    for (const attr of node.attrs) if (['alt', 'title', 'aria-label', 'content', 'href', 'src', 'srcset', 'placeholder', 'value'].includes(attr.name)) out.push(attr.value);
  }
  if (node.nodeName === 'script' || node.nodeName === 'style') return out;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) readable(child as Node, out);
  if (node.nodeName === 'template') readable((node as DefaultTreeAdapterMap['template']).content as Node, out);
  return out;
}

describe('a second campaign from content alone', () => {
  let build: SharedBuild;
  const dist = () => build.dist;

  beforeAll(async () => {
    build = await sharedBuild('campaign');
  }, BUILD_WAIT);

  it('builds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it('no page names Bluezone, in its text or in what it links and shows', () => {
    const pages = files(dist()).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const naming = pages.flatMap((file) => {
      const hit = readable(parse(readFileSync(file, 'utf8')) as Node).find((text) => /bluezone/i.test(text));
      return hit ? [`${relative(dist(), file)}: …${/.{0,60}bluezone.{0,40}/is.exec(hit)![0]}…`] : [];
    });
    expect(naming).toEqual([]);
  });

  it('no feed, data file, drawing or manifest names Bluezone', () => {
    const naming = files(dist())
      .filter((file) => /\.(xml|json|csv|svg|txt|webmanifest)$/.test(file))
      .flatMap((file) => {
        const hit = /.{0,60}bluezone.{0,40}/is.exec(readFileSync(file, 'utf8'));
        return hit ? [`${relative(dist(), file)}: …${hit[0]}…`] : [];
      });
    expect(naming).toEqual([]);
  });

  it('the pages say the campaign file’s name, owners, launch date and store pages', () => {
    const home = readFileSync(join(dist(), 'index.html'), 'utf8');
    expect(home).toContain('An Khang do Ủy ban nhân dân tỉnh Hòa Bình Xanh ra mắt ngày 17/4/2020.');
    const english = readFileSync(join(dist(), 'en/index.html'), 'utf8');
    expect(english).toContain('launched by the People&#39;s Committee of Hoa Binh Xanh province on 17 April 2020.');
    const android = readFileSync(join(dist(), 'huong-dan/android/index.html'), 'utf8');
    expect(android).toContain('href="https://play.google.com/store/apps/details?id=vn.example.ankhang"');
  });
});

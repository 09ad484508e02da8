import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, projectRoot, removeProject, runAstro } from '../support/temp-project.ts';

/*
 * Another campaign is a content change, not a code change: a copy of the project whose content
 * is a fictional second campaign ("An Khang", its own campaign file, launch date and store pages;
 * its letters, guides, answers, illustrations and snapshots are this repository's with every
 * "Bluezone" renamed)
 * builds, and no page, feed, data file or drawing of it names Bluezone. Anything the code itself
 * still says about Bluezone would show here.
 */
type Node = DefaultTreeAdapterMap['node'];
const fixture = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/campaign/campaign.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

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
  let tmp = '';
  let build = { status: null as number | null, output: '' };
  const dist = () => join(tmp, 'dist');

  beforeAll(() => {
    tmp = copyProject('second-campaign');
    writeFileSync(join(tmp, 'content/campaign.json'), JSON.stringify(fixture, null, 2));
    for (const file of files(join(tmp, 'content'))) {
      if (!/\.(mdx|json|csv|svg)$/.test(file) || file.endsWith('campaign.json') || file.includes('/map/')) continue;
      const text = readFileSync(file, 'utf8');
      const renamed = text.replace(/Bluezone/g, 'An Khang').replace(/bluezone/g, 'ankhang').replace(/BLUEZONE/g, 'AN KHANG');
      if (renamed !== text) writeFileSync(file, renamed);
    }
    build = runAstro(tmp, 'build', { SITE_URL: 'http://localhost:4321' }, 900_000);
  }, 950_000);
  afterAll(() => removeProject(tmp), 300_000);

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

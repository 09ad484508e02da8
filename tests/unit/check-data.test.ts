import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

/** Runs `npm run check-data` (the script) in a temporary copy of content/, never the repo's. */
const script = resolve('scripts/check-data.ts');
let copy: string;
beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'check-data-'));
  cpSync('content', join(copy, 'content'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(copy, 'node_modules')); // the districts reference comes from a package
  return () => rmSync(copy, { recursive: true, force: true });
});

function checkData(): Promise<{ code: number; lines: string[] }> {
  return new Promise((done) => {
    execFile(process.execPath, [script], { cwd: copy, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, lines: `${stderr}${stdout}`.trimEnd().split('\n') }),
    );
  });
}
const edit = (file: string, from: string | RegExp, to: string) => {
  const path = join(copy, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${file} was edited`).not.toBe(before);
  writeFileSync(path, after);
};
/** The problem lines about one folder (other helpers' content may have its own open problems). */
const about = (lines: string[], folder: string) => lines.filter((line) => line.startsWith(`content/${folder}/`));

describe('npm run check-data', () => {
  it('passes the committed snapshots, targets and letters', async () => {
    const { lines } = await checkData();
    expect(lines.at(-1)).toMatch(/^check-data: \d+ (files valid|problems? in \d+ files)/);
    for (const folder of ['stats', 'targets', 'directives']) expect(about(lines, folder)).toEqual([]);
  });

  it('names file and field of an invalid snapshot and of one outside the plausibility bounds, and fails', async () => {
    edit('content/stats/2020-08-02-seagullhotel.json', '"installs": 1851827', '"installs": -1');
    edit('content/stats/2020-08-27-baoanhdatmui.json', '"asOf": "2020-08-27"', '"asOf": "2020-04-01"');
    writeFileSync(
      join(copy, 'content/stats/2021-06-28-jump.json'),
      JSON.stringify({ asOf: '2021-06-28', source: { id: 'jump', name: 'TEST FIXTURE', reference: 'test' }, measure: 'downloads', rows: [{ region: { code: 'VN', name: 'Việt Nam', level: 'country' }, installs: 1000 }] }),
    );
    const { code, lines } = await checkData();
    expect(code).toBe(1);
    expect(about(lines, 'stats')).toEqual([
      'content/stats/2020-08-02-seagullhotel.json, rows.0.installs: must not be negative',
      "content/stats/2020-08-27-baoanhdatmui.json, asOf: 2020-04-01 is before Bluezone's launch (2020-04-18)",
      expect.stringMatching(/^content\/stats\/2021-06-28-jump\.json, row 1, installs: 1000 on 2021-06-28 is ×\d+\.\d down from \d+ on 2021-06-26/),
    ]);
    expect(lines.at(-1)).toMatch(/^check-data: \d+ problems in \d+ files$/);
  });

  it('names file and field of a letter with bad frontmatter, and the line of refused MDX', async () => {
    edit('content/directives/1119-ubnd-kgvx-2020.mdx', /^slug: .*$/m, 'slug: Not A Slug');
    edit('content/directives/524-mttq-btt-2020.mdx', /\n---\n/, '\n---\n\n<script>alert(1)</script>\n');
    const { code, lines } = await checkData();
    expect(code).toBe(1);
    const letters = about(lines, 'directives');
    expect(letters).toEqual(expect.arrayContaining([expect.stringMatching(/^content\/directives\/1119-ubnd-kgvx-2020\.mdx, slug: /), expect.stringMatching(/^content\/directives\/524-mttq-btt-2020\.mdx:\d+: .*script/i)]));
  });
});

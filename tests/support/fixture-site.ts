import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepSnapshots, projectRoot } from './temp-project.ts';

/**
 * The one fixture site every integration test reads (tests/integration/global-setup.ts builds it
 * once per run): a temporary copy of the project with, side by side,
 * - hostile values in a guide, an FAQ entry, a letter and a statistics snapshot (escaping),
 * - one new TEST FIXTURE snapshot (charts follow a new JSON file),
 * - one new TEST FIXTURE letter (a letter is one new MDX file),
 * built with a SITE_URL that is not the default one (every absolute URL follows it) and a fixed
 * SOURCE_DATE_EPOCH (a second copy, built in another folder, must give the same bytes). It keeps 10 of
 * the committed snapshots (`keptSnapshots`), so it builds in about half the real site's time.
 */

/** The address the fixture site is built for: a real-looking host that is not the portal's default. */
export const FIXTURE_SITE = 'https://mttq.camau.gov.vn';
/** 2021-07-01 00:00 UTC: after every committed figure and after the fixture snapshot. */
export const FIXTURE_EPOCH = '1625097600';

export const attack = `<img src=x onerror=alert(1)>"'`;
export const formula = `=HYPERLINK("http://evil.test","x")`;
export const hidden = '\u202e\u2067\u200f\u0007';
export const hostile = `${formula} ${attack}</script><!--${hidden}`;
export const longTitle = `V/v ${hostile} ${'Bluezone dài '.repeat(320)}`.trimEnd();
/** The letter whose fields carry the hostile values (its OG card draws the long title). */
export const hostileLetter = '901-cv-tdtn-btg-2020';

/** TEST FIXTURE: invented numbers for the tests only, never published. */
export const newSnapshot = {
  asOf: '2021-06-28',
  source: { id: 'test-fixture', name: 'TEST FIXTURE (not real data)', url: 'https://example.test/fixture' },
  measure: 'downloads',
  note: 'TEST FIXTURE written by tests/support/fixture-site.ts; the numbers are invented.',
  rows: [
    { region: { code: 'VN', name: 'Việt Nam', level: 'country' }, installs: 38_765_432 },
    { region: { code: '96', name: 'Cà Mau', level: 'province' }, ratePercent: 23.45, rateBasis: 'population' },
  ],
};
export const newSnapshotFile = 'content/stats/2021-06-28-test-fixture.json';

/** TEST FIXTURE letter (tests/fixtures/directives/), added as one new MDX file. */
export const newLetter = '9999-stttt-test-2021';

/**
 * A TEST FIXTURE letter that only the incremental rebuild's first build has (the new letter under
 * another number): the second build must leave nothing of it behind.
 */
export const goneLetter = { file: 'content/directives/9998-stttt-test-2021.mdx', slug: '9998-stttt-test-2021' };
export function goneLetterText(): string {
  const text = readFileSync(join(projectRoot, `tests/fixtures/directives/${newLetter}.mdx`), 'utf8');
  return setYaml(setYaml(text, 'slug', goneLetter.slug), 'number', '9998');
}

/**
 * Placeholder hosts the fixtures themselves write into content on purpose (a hostile link, a
 * fixture's source address). The site's own outputs must carry none; these come from the test.
 */
export const injectedHosts = ['http://evil.test', newSnapshot.source.url];

/** The committed snapshots the fixture site keeps, and what the integration tests need of each. */
const keptSnapshots = [
  '2020-08-02-seagullhotel.json', // national series (the new snapshot's chart keeps more than 5 earlier versions)
  '2020-08-09-nhandan.json', // the country and 14 provinces; carries the hostile source
  '2020-08-11-vietnamplus-180161.json', // national series
  '2020-08-16-1119-ubnd-kgvx-2020.json', // Kiên Giang's newest figure (16/8/2020), cited by letter 1119
  '2020-08-20-vietnamnet-668202.json', // national series; 10 provinces' rates of the population (the bar chart the new snapshot moves)
  '2020-09-03-1thegioi.json', // national series
  '2020-09-07-5355-ubnd-kgvx-2020.json', // cited by letter 5355, which the new letter cites
  '2020-09-08-vnexpress-4201014.json', // national series
  '2021-01-31-cafebiz.json', // national series
  '2021-06-26-nld.json', // national series, the newest committed figures
];

/** Sets a `key: value` line of YAML frontmatter (first match at that indent) to a quoted value. */
export function setYaml(text: string, key: string, value: string, indent = ''): string {
  const line = new RegExp(`^${indent}${key}: .*$`, 'm');
  if (!line.test(text)) throw new Error(`no ${key} line to replace`);
  return text.replace(line, `${indent}${key}: ${JSON.stringify(value)}`);
}

/** Writes every fixture into the project copy at `tmp` (never the repo). */
export function applyFixtures(tmp: string): void {
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(tmp, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`fixture left ${file} unchanged`);
    writeFileSync(path, after);
  };
  edit('content/guides/vi/android.mdx', (t) => setYaml(setYaml(t, 'title', `${attack}${hidden}`), 'description', `${hostile} Tải Bluezone từ CH Play.`));
  edit('content/faq/vi/battery.mdx', (t) => setYaml(t, 'question', `${hostile}?`));
  edit(`content/directives/${hostileLetter}.mdx`, (t) => {
    let text = setYaml(t, 'subject', longTitle);
    text = setYaml(text, 'issuer', hostile);
    text = setYaml(text, 'title_en', `Letter 901: ${hostile} ${'long '.repeat(800)}`.trimEnd());
    text = setYaml(text, 'name', hostile, '  ');
    return setYaml(text, 'source', hostile, '    ');
  });
  edit('content/stats/2020-08-09-nhandan.json', (t) => {
    const snapshot = JSON.parse(t);
    snapshot.source.name = hostile;
    snapshot.source.title = hostile;
    snapshot.note = hostile;
    return JSON.stringify(snapshot, null, 2);
  });
  keepSnapshots(tmp, keptSnapshots, 'fixture site');
  writeFileSync(join(tmp, newSnapshotFile), JSON.stringify(newSnapshot, null, 2));
  writeFileSync(join(tmp, `content/directives/${newLetter}.mdx`), readFileSync(join(projectRoot, `tests/fixtures/directives/${newLetter}.mdx`), 'utf8'));
}

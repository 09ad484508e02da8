import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { campaign, parseCampaign } from '../../src/content/campaign.ts';
import { t } from '../../src/i18n/index.ts';
import { vi as viStrings } from '../../src/i18n/vi.ts';
import { en as enStrings } from '../../src/i18n/en.ts';
import { embedProtocol } from '../../src/lib/core/embed-protocol.ts';
import { copyProject, projectRoot, removeProject } from '../support/temp-project.ts';

const committed = JSON.parse(readFileSync(join(projectRoot, 'content/campaign.json'), 'utf8'));

describe('the campaign file', () => {
  it('names the app, its owners, store pages and launch, read by the UI strings', () => {
    expect(t('vi', 'home.what1')).toBe(`${campaign.app.name} do ${campaign.app.owners} ra mắt ngày 18/4/2020.`);
    expect(t('en', 'home.what1')).toBe(`${campaign.app.name} was launched by ${campaign.app.ownersEn} on 18 April 2020.`);
    expect(t('vi', 'leaflet.step2')).toContain('id=com.mic.bluezone');
    expect(embedProtocol.heightMessage).toBe('bluezone-chart:height');
  });

  it('is the only place the UI strings learn the app name from', () => {
    for (const [lang, dictionary] of [['vi', viStrings], ['en', enStrings]] as const) {
      const naming = Object.entries(dictionary).filter(([, text]) => /bluezone/i.test(text)).map(([key]) => `${lang} ${key}`);
      expect(naming).toEqual([]);
    }
  });

  it('a bad field is refused with one line naming the file and the field', () => {
    const bad = { ...committed, launch: { ...committed.launch, date: '2020-02-30' } };
    expect(() => parseCampaign(bad)).toThrow(/^content\/campaign\.json: launch\.date: /);
    expect(() => parseCampaign({ ...committed, stores: { ...committed.stores, googlePlay: 'https://evil.example/app' } })).toThrow(/stores\.googlePlay/);
    expect(() => parseCampaign({ ...committed, extra: 1 })).toThrow(/content\/campaign\.json: \(file\): /);
  });

  it('a script run over a bad campaign file stops with that one line and changes no file', () => {
    const tmp = copyProject('bad-campaign');
    try {
      const file = join(tmp, 'content/campaign.json');
      const text = JSON.stringify({ ...committed, app: { ...committed.app, name: '' } }, null, 2);
      writeFileSync(file, text);
      // Run as a person would: outside the test runner (its VITEST variable makes the module throw instead).
      const { VITEST: _, ...env } = process.env;
      const run = spawnSync(process.execPath, ['scripts/check-data.ts'], { cwd: tmp, encoding: 'utf8', env });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringMatching(/^content\/campaign\.json: app\.name: /)]);
      expect(readFileSync(file, 'utf8')).toBe(text);
    } finally {
      removeProject(tmp);
    }
  });
});

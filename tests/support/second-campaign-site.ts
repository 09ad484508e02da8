import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepSnapshots, projectRoot } from './temp-project.ts';

/**
 * The fictional second campaign ("An Khang", tests/fixtures/campaign/campaign.json: its own name,
 * owners, launch date and store pages). Its letters, guides, answers and illustrations are this
 * repository's with every "Bluezone" renamed, so anything the code itself still says about
 * Bluezone shows in its build (tests/integration/second-campaign.test.ts). Its snapshots are a few
 * of this repository's, renamed too: enough for every kind of page and chart (a national series,
 * provinces for the maps, districts, a second measure, the figures the letters cite) and few
 * enough that the site builds in a fraction of the real one's time.
 */
const secondCampaign = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/campaign/campaign.json'), 'utf8'));

/** The snapshots (content/stats/) the second campaign keeps. */
const keptSnapshots = [
  '2020-09-03-1thegioi.json', // the country and 5 provinces: the national series and the maps
  '2020-08-13-baokhanhhoa.json', // a province and one of its districts
  '2020-08-16-1119-ubnd-kgvx-2020.json', // figures a letter cites (1119/UBND-KGVX)
  '2020-09-07-5355-ubnd-kgvx-2020.json', // idem (5355/UBND-KGVX)
  '2020-08-12-stttt-bcvtcntt-tra-vinh-2020-08-13.json', // idem (Trà Vinh)
  '2021-01-31-588-tbtt-vhtt-2021.json', // districts, accounts with a phone number (a second measure)
  '2021-06-26-nld.json', // the country and 6 provinces, the newest figures
];

/** Every file under `dir`. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Makes the project copy at `tmp` (never the repo) the second campaign's site. */
export function applySecondCampaign(tmp: string): void {
  writeFileSync(join(tmp, 'content/campaign.json'), JSON.stringify(secondCampaign, null, 2));
  for (const file of filesUnder(join(tmp, 'content'))) {
    if (!/\.(mdx|json|csv|svg)$/.test(file) || file.endsWith('campaign.json') || file.includes('/map/')) continue;
    const text = readFileSync(file, 'utf8');
    const renamed = text.replace(/Bluezone/g, 'An Khang').replace(/bluezone/g, 'ankhang').replace(/BLUEZONE/g, 'AN KHANG');
    if (renamed !== text) writeFileSync(file, renamed);
  }
  keepSnapshots(tmp, keptSnapshots, 'second campaign');
}

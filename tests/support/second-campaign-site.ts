import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './temp-project.ts';

/**
 * The fictional second campaign ("An Khang", tests/fixtures/campaign/campaign.json: its own name,
 * owners, launch date and store pages). Its letters, guides, answers, illustrations and snapshots
 * are this repository's with every "Bluezone" renamed, so anything the code itself still says
 * about Bluezone shows in its build (tests/integration/second-campaign.test.ts).
 */
const secondCampaign = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/campaign/campaign.json'), 'utf8'));

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
}

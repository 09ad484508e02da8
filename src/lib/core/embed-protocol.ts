import campaign from '../../../content/campaign.json' with { type: 'json' };
import { slugify } from './slug.ts';

/**
 * The names of the chart-embed protocol between an embed page (`src/elements/embed-height.ts`)
 * and `resize.js` on a host page (a newsroom's article): named after the campaign's app
 * (`bluezone-chart`), so the snippets newsrooms have already pasted keep working, and another
 * campaign's embeds get names of their own. The campaign file is read raw: `astro.config.mjs`
 * loads this before any content is checked.
 */
const name = `${slugify(campaign.app.name)}-chart`;
const camel = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

export const embedProtocol = {
  /** On the iframe of a snippet (`data-bluezone-chart="<chart id>"`): marks our embeds in a host page. */
  attribute: `data-${name}`,
  /** Type of the message an embed page posts to its host: `{ type, id, height }`. */
  heightMessage: `${name}:height`,
  /** Global flag by which `resize.js` installs its listener once per host page. */
  installedFlag: `__${camel}Resize`,
} as const;

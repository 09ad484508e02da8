import { z } from 'astro/zod';
import raw from '../../content/campaign.json' with { type: 'json' };

/**
 * The campaign the site serves (`content/campaign.json`): the app's name and owners, its
 * official store pages and its launch, where the national series starts. Another app or another
 * campaign is a change of this file and of the content folders, not of code. National targets
 * are content of their own (`content/targets/`, one file per statement with its source);
 * counting methods are stated per snapshot (`method`, see `snapshot.ts`).
 */
export const campaignSchema = z.strictObject({
  app: z.strictObject({
    /** The app's name as the stores and the letters print it ("Bluezone"). */
    name: z.string().trim().min(2).max(40),
    /** Who runs it, in Vietnamese and in English. */
    owners: z.string().trim().min(2).max(200),
    ownersEn: z.string().trim().min(2).max(200),
  }),
  /**
   * The official store pages. Their package id and App Store id are how a reader tells the real
   * app from look-alikes, so guides quote them; the QR codes of the leaflet lead here.
   */
  stores: z.strictObject({
    googlePlay: z.url({ protocol: /^https$/, hostname: /^play\.google\.com$/ }),
    appStore: z.url({ protocol: /^https$/, hostname: /^apps\.apple\.com$/ }),
  }),
  /** Campaign wording the UI quotes, in both languages. */
  wording: z.strictObject({
    /** The leaflet's store step: the name to search for, look-alikes to avoid, the real app's store id. */
    storeSearchTip: z.strictObject({ vi: z.string().trim().min(10).max(400), en: z.string().trim().min(10).max(400) }),
    /** What the press called accounts that registered a phone number (the `registered_with_phone` measure). */
    registeredWithPhone: z.strictObject({ vi: z.string().trim().min(2).max(80), en: z.string().trim().min(2).max(80) }),
  }),
  /** The app's public launch: the national series starts here; every source that dates it. */
  launch: z.strictObject({
    date: z.iso.date(),
    sources: z.array(z.url({ protocol: /^https?$/ })).min(1),
  }),
});

export type Campaign = z.infer<typeof campaignSchema>;

/** Checks a campaign file; a bad one fails with one line naming the file and the field. */
export function parseCampaign(json: unknown, file = 'content/campaign.json'): Campaign {
  const result = campaignSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
}

/**
 * The campaign of this site, checked when first imported: the build, `npm run check-data` and
 * the fetch script stop with one line naming the file and the field (tests get the error).
 */
function loadCampaign(): Campaign {
  try {
    return parseCampaign(raw);
  } catch (error) {
    if (process.env.VITEST) throw error;
    console.error((error as Error).message);
    process.exit(1);
  }
}

export const campaign: Campaign = loadCampaign();

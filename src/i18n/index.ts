import campaign from '../../content/campaign.json' with { type: 'json' };
import { formatDate } from '../lib/core/format.ts';
import { en } from './en.ts';
import { vi, type UiKey } from './vi.ts';

export type Lang = 'vi' | 'en';
export type { UiKey };

export const languages: readonly Lang[] = ['vi', 'en'];

/**
 * The campaign's facts a string may name: `{app}`, `{owners}`, `{launchDate}`, `{launchYear}`,
 * `{storeSearchTip}` (how to find the real app in the store), `{registeredWithPhone}` (the press's term)
 * (`content/campaign.json`, checked by its schema in `src/content/campaign.ts` when the build
 * starts). Filled once here, so no UI string hard-codes the app and another campaign is a
 * content change. The JSON is read raw: this module runs in the browser too, without the schema.
 */
function campaignValues(lang: Lang): Record<string, string> {
  const launchDate = campaign.launch.date;
  return {
    app: campaign.app.name,
    owners: lang === 'vi' ? campaign.app.owners : campaign.app.ownersEn,
    launchDate: formatDate(launchDate, lang),
    launchYear: launchDate.slice(0, 4),
    storeSearchTip: campaign.wording.storeSearchTip[lang],
    registeredWithPhone: campaign.wording.registeredWithPhone[lang],
  };
}

const values: Record<Lang, Record<string, string>> = { vi: campaignValues('vi'), en: campaignValues('en') };

/** `text` with the campaign's facts filled in. */
function withCampaign(text: string, lang: Lang): string {
  return text.replace(/\{(app|owners|launchDate|launchYear|storeSearchTip|registeredWithPhone)\}/g, (_, name: string) => values[lang][name]!);
}

function filled(dictionary: Record<UiKey, string>, lang: Lang): Record<UiKey, string> {
  return Object.fromEntries(Object.entries(dictionary).map(([key, text]) => [key, withCampaign(text, lang)])) as Record<UiKey, string>;
}

const dictionaries: Record<Lang, Record<UiKey, string>> = { vi: filled(vi, 'vi'), en: filled(en, 'en') };

/** The UI string for `key` in `lang`. Keys are typed: an unknown key is a compile error. */
export function t(lang: Lang, key: UiKey): string {
  return dictionaries[lang][key];
}

/** A translator bound to one language, for use at the top of a page or component. */
export function useTranslations(lang: Lang): (key: UiKey) => string {
  return (key) => t(lang, key);
}

/** The other language: the target of the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'vi' ? 'en' : 'vi';
}

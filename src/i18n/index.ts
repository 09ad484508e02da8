import { en } from './en.ts';
import { vi, type UiKey } from './vi.ts';

export type Lang = 'vi' | 'en';
export type { UiKey };

export const languages: readonly Lang[] = ['vi', 'en'];

const dictionaries: Record<Lang, Record<UiKey, string>> = { vi, en };

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

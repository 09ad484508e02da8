import { campaign } from '../../content/campaign.ts';
import { languages, otherLang, type Lang } from '../../i18n/index.ts';
import { faqTopics, type FaqTopic } from '../../content/faq.ts';

/**
 * Pure helpers shared by the guide and FAQ routes. Content entries are identified by their
 * path under the collection folder (`vi/android`): the folder is the language, the file name
 * the key that pairs a page with its translation.
 */

/** The minimal shape of a content entry these helpers need (keeps them testable without Astro). */
export interface Entry<D> {
  id: string;
  data: D;
}

/** Language folder and pairing key of an entry id such as `vi/android`. */
export function splitEntryId(id: string): { lang: Lang; key: string } {
  const [folder, ...rest] = id.split('/');
  const key = rest.join('/');
  if (!languages.includes(folder as Lang) || key === '') {
    throw new Error(`Content file "${id}" must sit in a language folder: vi/<name>.mdx or en/<name>.mdx`);
  }
  return { lang: folder as Lang, key };
}

/** Entries of one language, in `order`, then by key so equal orders stay stable. */
export function entriesIn<E extends Entry<{ order: number }>>(entries: readonly E[], lang: Lang): E[] {
  return entries
    .filter((entry) => splitEntryId(entry.id).lang === lang)
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/**
 * The translation of each entry, by entry id. Every page must have its twin (the language
 * switch and the stable URL list depend on it): a missing one fails the build, naming the file.
 */
export function twinsOf<E extends Entry<unknown>>(entries: readonly E[]): Map<string, E> {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const twins = new Map<string, E>();
  for (const entry of entries) {
    const { lang, key } = splitEntryId(entry.id);
    const twinId = `${otherLang(lang)}/${key}`;
    const twin = byId.get(twinId);
    if (!twin) throw new Error(`"${entry.id}.mdx" has no translation: add "${twinId}.mdx" (same file name)`);
    twins.set(entry.id, twin);
  }
  return twins;
}

/** Fails when two entries of one language claim the same value of `field` (slug, anchor). */
export function assertUnique<D>(entries: readonly Entry<D>[], field: keyof D & string): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const { lang } = splitEntryId(entry.id);
    const value = `${lang}:${String(entry.data[field])}`;
    const first = seen.get(value);
    if (first) throw new Error(`"${entry.id}.mdx" and "${first}.mdx" have the same ${field} "${String(entry.data[field])}"`);
    seen.set(value, entry.id);
  }
}

/** FAQ entries of one language grouped by topic, in the fixed topic order; empty topics left out. */
export function faqByTopic<E extends Entry<{ topic: FaqTopic; order: number }>>(
  entries: readonly E[],
  lang: Lang,
): { topic: FaqTopic; items: E[] }[] {
  const mine = entriesIn(entries, lang);
  return faqTopics
    .map((topic) => ({ topic, items: mine.filter((entry) => entry.data.topic === topic) }))
    .filter((group) => group.items.length > 0);
}

/** The official store pages (`content/campaign.json`). */
export const officialStores = campaign.stores;

export type Store = keyof typeof officialStores;

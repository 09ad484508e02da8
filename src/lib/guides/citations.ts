import type { Lang } from '../../i18n/index.ts';
import type { Source } from '../../content/source.ts';
import { splitEntryId } from './entries.ts';

/**
 * Citations in guides and FAQ answers. A factual claim is marked in the MDX text with
 * `<Cite source="<id>" />`, and `<id>` must be one of the page's `sources` (frontmatter). What
 * one file's schema cannot see is checked here, for the whole collection, so the build fails
 * with every problem at once, each line naming the file and field.
 */

/** The minimal shape of a content entry with sources (testable without Astro). */
export interface CitingEntry {
  /** `vi/battery`: language folder and pairing key. */
  id: string;
  /** `content/faq/vi/battery.mdx`, as the content layer gives it. */
  filePath?: string;
  /** Raw MDX body. */
  body?: string;
  data: { sources: readonly Source[] };
}

const citeTag = /<Cite\b([^>]*?)\/?>/g;
const sourceAttr = /^\s*source=(?:"([^"]*)"|'([^']*)')\s*$/;

/** The source ids cited in an MDX body, in order of appearance, and the `<Cite>` tags that name none. */
export function citationsIn(body: string): { ids: string[]; malformed: string[] } {
  const ids: string[] = [];
  const malformed: string[] = [];
  for (const match of body.matchAll(citeTag)) {
    const attr = sourceAttr.exec(match[1] ?? '');
    const id = attr?.[1] ?? attr?.[2];
    if (id) ids.push(id);
    else malformed.push(match[0]);
  }
  return { ids, malformed };
}

function fileOf(entry: CitingEntry): string {
  return entry.filePath ?? `${entry.id}.mdx`;
}

const sameSource = (a: Source, b: Source) =>
  a.title === b.title && a.publisher === b.publisher && a.date === b.date && a.url === b.url;

/**
 * Every problem with the citations of a collection:
 * - a `<Cite>` that names no source, or a source the file does not list;
 * - a listed source that the text never cites (a list entry that backs nothing);
 * - one id naming two different sources in two files (the FAQ page merges its answers' lists);
 * - a page and its translation citing different sources (the English says the same as the Vietnamese).
 */
export function citationProblems(entries: readonly CitingEntry[]): string[] {
  const problems: string[] = [];
  const firstById = new Map<string, { source: Source; entry: CitingEntry }>();
  const citedByEntry = new Map<string, Set<string>>();

  for (const entry of entries) {
    const file = fileOf(entry);
    const { ids, malformed } = citationsIn(entry.body ?? '');
    const listed = entry.data.sources.map((source) => source.id);
    for (const tag of malformed) problems.push(`${file}: ${tag} must name its source as source="<id>" (one of: ${listed.join(', ') || 'none listed'})`);
    for (const id of new Set(ids)) {
      if (!listed.includes(id)) {
        problems.push(`${file}: field sources has no source with id "${id}", cited by <Cite source="${id}" /> (listed: ${listed.join(', ') || 'none'})`);
      }
    }
    entry.data.sources.forEach((source, index) => {
      if (!ids.includes(source.id)) {
        problems.push(`${file}: field sources.${index} ("${source.id}") is never cited; mark the claim with <Cite source="${source.id}" /> or remove the source`);
      }
      const first = firstById.get(source.id);
      if (!first) firstById.set(source.id, { source, entry });
      else if (!sameSource(first.source, source)) {
        problems.push(`${file}: field sources.${index} ("${source.id}") differs from the source with that id in ${fileOf(first.entry)}; one id names one source everywhere`);
      }
    });
    citedByEntry.set(entry.id, new Set(ids));
  }

  for (const entry of entries) {
    const { lang, key } = splitEntryId(entry.id);
    if (lang !== 'vi') continue;
    const twin = entries.find((other) => other.id === `en/${key}`);
    if (!twin) continue; // a missing translation is reported by twinsOf
    const mine = [...citedByEntry.get(entry.id)!].sort();
    const theirs = [...citedByEntry.get(twin.id)!].sort();
    if (mine.join() !== theirs.join()) {
      problems.push(`${fileOf(twin)}: cites ${theirs.join(', ') || 'no source'} but ${fileOf(entry)} cites ${mine.join(', ') || 'no source'}; both languages must cite the same sources`);
    }
  }
  return problems;
}

/** Fails the build with every citation problem of the collection, one line each. */
export function assertCitations(entries: readonly CitingEntry[], collection: string): void {
  const problems = citationProblems(entries);
  if (problems.length > 0) throw new Error(`Sources of ${collection}:\n${problems.join('\n')}`);
}

/** The sources of the entries shown on one page, in page order, each once (the page's numbered list). */
export function pageSources(entries: readonly CitingEntry[]): Source[] {
  const seen = new Map<string, Source>();
  for (const entry of entries) for (const source of entry.data.sources) if (!seen.has(source.id)) seen.set(source.id, source);
  return [...seen.values()];
}

/** Anchor of a source in the page's list; citations link to it. */
export function sourceAnchor(id: string): string {
  return `nguon-${id}`;
}

/** A publication date as precise as known: vi "2020", "8/2020", "11/8/2020"; en "2020", "August 2020", "11 August 2020". */
export function formatSourceDate(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  if (lang === 'vi') return day === undefined ? `${month}/${year}` : `${day}/${month}/${year}`;
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return day === undefined ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
}

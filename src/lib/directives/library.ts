import { type CitedLetter, type Deadline, type Directive, type DirectiveLevel, type RegionRef, type Statistic, type Target, directiveLevels } from '../../content/directive.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { formatDate, formatNumber, formatPercent } from '../core/format.ts';
import type { Province, RegionIndex } from '../../content/regions.ts';
import { absoluteUrl, directivePath } from '../../routing/routes.ts';
import { slugify, vietnameseCollator } from '../core/slug.ts';
import { figuresFromLetter } from '../stats/load.ts';
import { figureWords, measureName, valueWords } from '../stats/words.ts';

/**
 * The directives library as pure functions over collection entries: slugs, order, the
 * citations graph, the campaign timeline, filters and citation strings. Pages stay thin and
 * everything here is unit-tested without Astro (`getCollection()` is empty under Vitest).
 */

/** The shape of a `directives` collection entry that this module needs (CollectionEntry fits). */
export interface DirectiveEntry {
  id: string;
  data: Directive;
}

/** What the slug rule needs of a letter. */
export type SlugInput = Pick<Directive, 'number' | 'symbol' | 'place' | 'date'>;

/**
 * The URL segment of a letter. Numbered: number, symbol and year (`1119/UBND-KGVX` of 2020 →
 * `1119-ubnd-kgvx-2020`), which is unique because a body numbers its letters per year.
 * Unnumbered ("Số: /STTTT-BCVTCNTT"): symbol, place and full date
 * (`stttt-bcvtcntt-tra-vinh-2020-08-13`) — it never starts with a digit, so it cannot be
 * mistaken for a number. The result is pinned in the frontmatter `slug`; this only proposes it.
 */
export function directiveSlug(letter: SlugInput): string {
  if (letter.number !== null) return slugify(`${letter.number}-${letter.symbol}-${letter.date.slice(0, 4)}`);
  return slugify(`${letter.symbol}-${letter.place}-${letter.date}`);
}

/** `1119/UBND-KGVX`; an unnumbered letter as printed, with its blank: `…/STTTT-BCVTCNTT`. */
export function numberSymbol(letter: { number: string | null; symbol: string; separator?: '/' | '-' }): string {
  return `${letter.number ?? '…'}${letter.separator ?? '/'}${letter.symbol}`;
}

/** Newest first; same day: issuer, then number/symbol, in Vietnamese dictionary order. */
export function compareNewestFirst(a: DirectiveEntry, b: DirectiveEntry): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return (
    vietnameseCollator.compare(a.data.issuer, b.data.issuer) ||
    vietnameseCollator.compare(numberSymbol(a.data), numberSymbol(b.data)) ||
    vietnameseCollator.compare(a.id, b.id)
  );
}

/** A new array, newest first (see compareNewestFirst). */
export function sortNewestFirst<E extends DirectiveEntry>(entries: readonly E[]): E[] {
  return [...entries].sort(compareNewestFirst);
}

/**
 * Checks the library as a whole (what one file's schema cannot see): slugs are unique, the
 * file is named after its slug, and every `sameAs` points at a letter of the library.
 * Returns the problems, each naming the file, so the build can fail with all of them at once.
 */
export function libraryProblems(entries: readonly DirectiveEntry[], filePathOf?: (entry: DirectiveEntry) => string | undefined): string[] {
  const problems: string[] = [];
  const seen = new Map<string, DirectiveEntry>();
  for (const entry of entries) {
    const file = filePathOf?.(entry) ?? entry.id;
    const other = seen.get(entry.data.slug);
    if (other) problems.push(`${file}: slug "${entry.data.slug}" is also used by ${filePathOf?.(other) ?? other.id}`);
    seen.set(entry.data.slug, entry);
    const fileName = filePathOf?.(entry)?.split('/').pop();
    if (fileName && fileName !== `${entry.data.slug}.mdx`) {
      problems.push(`${file}: field slug is "${entry.data.slug}" but the file is named ${fileName}; name it ${entry.data.slug}.mdx`);
    }
  }
  for (const entry of entries) {
    entry.data.cites.forEach((cited, index) => {
      if (cited.sameAs && !seen.has(cited.sameAs)) {
        problems.push(`${filePathOf?.(entry) ?? entry.id}: field cites.${index}.sameAs names "${cited.sameAs}", which is not in the library`);
      }
    });
  }
  return problems;
}

/** The key a cited letter is matched on: the slug rule applied to what the citation prints. */
export function citationKey(cited: Pick<CitedLetter, 'number' | 'symbol' | 'date'>): string {
  const year = cited.date?.slice(0, 4) ?? 'undated';
  return slugify(`${cited.number ?? 'unnumbered'}-${cited.symbol}-${year}`);
}

/** One citation of one letter, resolved against the library. */
export interface ResolvedCitation {
  cited: CitedLetter;
  /** The library letter it denotes; null when it is not in the library. */
  target: DirectiveEntry | null;
}

/** A letter cited somewhere but not in the library. */
export interface MissingLetter {
  key: string;
  /** The citation as first printed (newest citing letter first). */
  cited: CitedLetter;
  /** The library letters citing it, newest first. */
  citedBy: DirectiveEntry[];
}

export interface CitationGraph {
  /** The letters `slug` cites, in the order the letter cites them. */
  cites(slug: string): ResolvedCitation[];
  /** The library letters citing `slug`, newest first. */
  citedBy(slug: string): DirectiveEntry[];
  /** Letters referred to but not in the library, oldest first (undated last). */
  missing: MissingLetter[];
}

/**
 * Resolves every citation: by `sameAs` when set, else by number + symbol + year matched with
 * the library letters' own keys. Adding the MDX file of a letter that was "missing" turns its
 * citations into links everywhere, with no other change.
 */
export function buildCitationGraph(entries: readonly DirectiveEntry[]): CitationGraph {
  const sorted = sortNewestFirst(entries);
  const bySlug = new Map(sorted.map((e) => [e.data.slug, e]));
  const byKey = new Map<string, DirectiveEntry>();
  for (const entry of sorted) {
    if (entry.data.number !== null) byKey.set(citationKey(entry.data), entry);
  }
  const resolve = (cited: CitedLetter): DirectiveEntry | null =>
    (cited.sameAs ? bySlug.get(cited.sameAs) : cited.number !== null ? byKey.get(citationKey(cited)) : undefined) ?? null;

  const cites = new Map<string, ResolvedCitation[]>();
  const citedBy = new Map<string, DirectiveEntry[]>();
  const missing = new Map<string, MissingLetter>();
  for (const entry of sorted) {
    const resolved = entry.data.cites.map((cited) => ({ cited, target: resolve(cited) }));
    cites.set(entry.data.slug, resolved);
    for (const { cited, target } of resolved) {
      if (target) {
        const list = citedBy.get(target.data.slug) ?? [];
        if (!list.includes(entry)) list.push(entry);
        citedBy.set(target.data.slug, list);
      } else {
        const key = citationKey(cited);
        const record = missing.get(key) ?? { key, cited, citedBy: [] };
        if (!record.citedBy.includes(entry)) record.citedBy.push(entry);
        missing.set(key, record);
      }
    }
  }
  const missingList = [...missing.values()].sort((a, b) => {
    const da = a.cited.date ?? '9999';
    const db = b.cited.date ?? '9999';
    return da === db ? vietnameseCollator.compare(a.key, b.key) : da < db ? -1 : 1;
  });
  return {
    cites: (slug) => cites.get(slug) ?? [],
    citedBy: (slug) => citedBy.get(slug) ?? [],
    missing: missingList,
  };
}

/** URL segments of the issuing levels; Vietnamese for `/van-ban/cap/…`, English for `/en/directives/level/…`. */
export const levelSlugs: Record<Lang, Record<DirectiveLevel, string>> = {
  vi: {
    central: 'trung-uong',
    province: 'tinh',
    department: 'so-nganh',
    district: 'huyen',
    front: 'mat-tran',
    'youth-union': 'doan-thanh-nien',
  },
  en: {
    central: 'central',
    province: 'province',
    department: 'department',
    district: 'district',
    front: 'fatherland-front',
    'youth-union': 'youth-union',
  },
};

/** The letters issued in or for a province (by its 2-digit code), newest first. */
export function directivesForProvince<E extends DirectiveEntry>(entries: readonly E[], provinceCode: string): E[] {
  return sortNewestFirst(entries.filter((e) => e.data.province === provinceCode));
}

/** The letters of one issuing level, newest first. */
export function directivesForLevel<E extends DirectiveEntry>(entries: readonly E[], level: DirectiveLevel): E[] {
  return sortNewestFirst(entries.filter((e) => e.data.level === level));
}

/** The letters issued in one calendar year, newest first. */
export function directivesForYear<E extends DirectiveEntry>(entries: readonly E[], year: number): E[] {
  return sortNewestFirst(entries.filter((e) => Number(e.data.date.slice(0, 4)) === year));
}

/** One value of a filter, with the number of letters it selects. */
export interface Facet<V> {
  value: V;
  count: number;
}

/** The values the filters offer: only those that select at least one letter. */
export interface Facets {
  /** Provinces in Vietnamese dictionary order. */
  provinces: Facet<Province>[];
  /** Levels in the schema's order (central first). */
  levels: Facet<DirectiveLevel>[];
  /** Years, newest first. */
  years: Facet<number>[];
}

export function directiveFacets(entries: readonly DirectiveEntry[], regions: RegionIndex): Facets {
  const count = <K>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const provinceCounts = count(entries.map((e) => e.data.province));
  const provinces = [...provinceCounts].map(([code, n]) => {
    const province = regions.provinces.find((p) => p.code === code);
    if (!province) throw new Error(`directives: province code "${code}" is not a 2020 province`);
    return { value: province, count: n };
  });
  provinces.sort((a, b) => vietnameseCollator.compare(a.value.name, b.value.name));
  const levelCounts = count(entries.map((e) => e.data.level));
  const levels = directiveLevels.filter((l) => levelCounts.has(l)).map((l) => ({ value: l, count: levelCounts.get(l)! }));
  const yearCounts = count(entries.map((e) => Number(e.data.date.slice(0, 4))));
  const years = [...yearCounts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.value - a.value);
  return { provinces, levels, years };
}

/** One dated item of the campaign timeline. */
export type TimelineEvent =
  | { kind: 'statistic'; date: string; entry: DirectiveEntry; statistic: Statistic }
  | { kind: 'issued'; date: string; entry: DirectiveEntry }
  | { kind: 'deadline'; date: string; entry: DirectiveEntry; deadline: Deadline }
  /** Dated by its deadline, or by the letter when it sets none (`dueDate` false). */
  | { kind: 'target'; date: string; entry: DirectiveEntry; target: Target; dueDate: boolean };

const kindOrder: Record<TimelineEvent['kind'], number> = { statistic: 0, issued: 1, deadline: 2, target: 3 };

/**
 * Every dated directive, deadline, target and quoted figure, oldest first, so a reader sees
 * what the figures were, what was asked, by whom and by when. Same day: figures, then letters,
 * then what falls due; then by letter (oldest first).
 */
export function campaignTimeline(entries: readonly DirectiveEntry[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const entry of entries) {
    events.push({ kind: 'issued', date: entry.data.date, entry });
    for (const statistic of entry.data.statistics) events.push({ kind: 'statistic', date: statistic.date, entry, statistic });
    for (const deadline of entry.data.deadlines) events.push({ kind: 'deadline', date: deadline.date, entry, deadline });
    for (const target of entry.data.targets) {
      events.push({ kind: 'target', date: target.deadline ?? entry.data.date, entry, target, dueDate: target.deadline !== null });
    }
  }
  return events.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      -compareNewestFirst(a.entry, b.entry),
  );
}

/** The name of the region a figure or target applies to (`Kiên Giang`, `Cẩm Phả (Quảng Ninh)`, `cả nước`). */
export function regionName(region: RegionRef, regions: RegionIndex, lang: Lang): string {
  if (region.scope === 'national') return t(lang, 'directives.region.national');
  const province = regions.byCode(region.province);
  if (!province) throw new Error(`directives: unknown province code "${region.province}"`);
  if (region.scope === 'province') return province.name;
  const district = regions.byCode(region.district);
  if (!district) throw new Error(`directives: unknown district code "${region.district}"`);
  return `${district.name} (${province.name})`;
}

/** The subject line without a trailing full stop, so it can end a sentence of ours. */
function bareSubject(subject: string): string {
  return subject.replace(/[.\s]+$/, '');
}

/**
 * A plain-text citation with the stable URL, for reports and footnotes:
 * `Ủy ban nhân dân tỉnh Kiên Giang, văn bản số 1119/UBND-KGVX, Kiên Giang, ngày 19/08/2020,
 * V/v …. https://…/van-ban/1119-ubnd-kgvx-2020/`. The English version cites the English page
 * and keeps the subject in Vietnamese, as issued.
 */
export function citationText(data: Directive, lang: Lang, site: URL | string): string {
  const url = absoluteUrl(directivePath(data.slug, lang), site);
  const issuer = lang === 'vi' ? data.issuer : data.issuerEn;
  const label =
    data.number === null
      ? `${t(lang, 'directives.cite.unnumbered')} ${numberSymbol(data)}`
      : `${t(lang, 'directives.cite.numbered')} ${numberSymbol(data)}`;
  const date = lang === 'vi' ? `ngày ${formatDate(data.date, 'vi')}` : formatDate(data.date, 'en');
  const subject = lang === 'vi' ? bareSubject(data.subject) : `“${bareSubject(data.subject)}” (in Vietnamese)`;
  return `${issuer}, ${label}, ${data.place}, ${date}, ${subject}. ${url}`;
}

/**
 * A quoted figure as one sentence fragment, with its qualifier and never without its basis:
 * `13 % dân số 15–60 tuổi (khoảng 145.800 lượt tải), Kiên Giang, đến ngày 16/8/2020`.
 */
export function describeStatistic(statistic: Statistic, regions: RegionIndex, lang: Lang): string {
  const figures = figuresFromLetter({ slug: '', issuer: '', numberSymbol: '', statistics: [statistic] }, regions);
  const rate = figures.find((f) => f.kind === 'rate');
  const count = figures.find((f) => f.kind === 'count');
  const denominator = statistic.denominator !== undefined ? `/${formatNumber(statistic.denominator, lang)}` : '';
  const countText = count ? `${valueWords(count, lang)}${denominator} ${measureName(count.measure, lang)}` : '';
  // The count names what was counted, so the rate beside it does not repeat it.
  const parts = [rate ? figureWords(rate, lang, !count) : '', rate && countText ? `(${countText})` : countText].filter((part) => part !== '');
  let text = `${parts.join(' ')}, ${regionName(statistic.region, regions, lang)}, ${t(lang, 'directives.stat.asOf')} ${formatDate(statistic.date, lang)}`;
  if (statistic.rank) {
    const among = t(lang, statistic.rank.among === 'provinces' ? 'directives.stat.amongProvinces' : 'directives.stat.amongDistricts');
    const rank = statistic.rank.of === null ? `${statistic.rank.position}` : `${statistic.rank.position}/${statistic.rank.of}`;
    text += `; ${t(lang, 'directives.stat.rank')} ${rank} ${among}`;
  }
  const source = lang === 'vi' ? statistic.source : statistic.sourceEn;
  if (source) text += ` (${t(lang, 'directives.stat.source')}: ${source})`;
  return text;
}

/** A target as one fragment: `tối thiểu 60% người dùng điện thoại thông minh, Kiên Giang, đến ngày 20/08/2020`. */
export function describeTarget(target: Target, regions: RegionIndex, lang: Lang): string {
  const comparator = target.comparator === 'at-least' ? `${t(lang, 'directives.target.atLeast')} ` : '';
  const when = target.deadline === null
    ? t(lang, 'directives.target.noDeadline')
    : `${t(lang, 'directives.target.by')} ${formatDate(target.deadline, lang)}`;
  let text = `${comparator}${formatPercent(target.percent, lang)} ${t(lang, `directives.target.basis.${target.basis}`)}, ${regionName(target.region, regions, lang)}, ${when}`;
  const setBy = lang === 'vi' ? target.setBy : target.setByEn;
  if (setBy) text += ` (${setBy})`;
  return text;
}

/**
 * One letter's metadata for `/van-ban/index.json` (field reference in README). Region codes
 * come with names and slugs so a consumer needs no second lookup; every URL is absolute.
 */
export function directiveRecord(entry: DirectiveEntry, graph: CitationGraph, regions: RegionIndex, site: URL | string) {
  const { data } = entry;
  const province = regions.byCode(data.province);
  const district = data.district ? regions.byCode(data.district) : undefined;
  const region = (ref: RegionRef) => ({ ...ref, name: regionName(ref, regions, 'vi'), name_en: regionName(ref, regions, 'en') });
  return {
    slug: data.slug,
    url: absoluteUrl(directivePath(data.slug, 'vi'), site),
    url_en: absoluteUrl(directivePath(data.slug, 'en'), site),
    number: data.number,
    symbol: data.symbol,
    number_symbol: numberSymbol(data),
    issuer: data.issuer,
    issuer_en: data.issuerEn,
    parent_body: data.parentBody ?? null,
    level: data.level,
    place: data.place,
    date: data.date,
    province: { code: data.province, name: province?.name ?? null, slug: province?.slug ?? null },
    district: district ? { code: district.code, name: district.name } : null,
    subject: data.subject,
    urgency: data.urgency,
    recipients: data.recipients,
    signer: { name: data.signer.name, capacity: data.signer.capacity, title: data.signer.title, title_en: data.signer.titleEn },
    title_en: data.title_en,
    summary_en: data.summary_en,
    cites: graph.cites(data.slug).map(({ cited, target }) => ({
      number: cited.number,
      symbol: cited.symbol,
      number_symbol: numberSymbol(cited),
      date: cited.date,
      issuer: cited.issuer,
      issuer_en: cited.issuerEn,
      subject: cited.subject ?? null,
      urgency: cited.urgency ?? null,
      in_library: target !== null,
      slug: target?.data.slug ?? null,
      url: target ? absoluteUrl(directivePath(target.data.slug, 'vi'), site) : null,
      note: cited.note ?? null,
      note_en: cited.noteEn ?? null,
    })),
    cited_by: graph.citedBy(data.slug).map((e) => e.data.slug),
    deadlines: data.deadlines.map((d) => ({ date: d.date, task: d.task, task_en: d.taskEn })),
    targets: data.targets.map((target) => ({
      percent: target.percent,
      comparator: target.comparator,
      basis: target.basis,
      region: region(target.region),
      deadline: target.deadline,
      set_by: target.setBy ?? null,
      set_by_en: target.setByEn ?? null,
    })),
    statistics: data.statistics.map((s) => ({
      percent: s.percent,
      percent_qualifier: s.percentQualifier ?? null,
      count: s.count ?? null,
      count_qualifier: s.countQualifier ?? null,
      denominator: s.denominator ?? null,
      basis: s.basis,
      region: region(s.region),
      date: s.date,
      rank: s.rank ?? null,
      source: s.source ?? null,
      source_en: s.sourceEn ?? null,
    })),
    citation: { vi: citationText(data, 'vi', site), en: citationText(data, 'en', site) },
  };
}

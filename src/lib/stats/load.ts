import type { Directive, RegionRef } from '../../content/directive.ts';
import { DEFAULT_METHOD, type Snapshot, type SnapshotEntry, type SnapshotRow } from '../../content/snapshot.ts';
import type { RegionIndex } from '../../content/regions.ts';
import { directivePath } from '../../routing/routes.ts';
import type { Figure, FigurePlace, FigureSource } from './figures.ts';

export type { SnapshotEntry };

/**
 * Reads the content into figures: statistics snapshots (`content/stats/`) and the figures letters
 * quote (`statistics` frontmatter of `content/directives/`). Pure: the build passes the snapshots
 * `readSnapshots()` read and the letters' collection entries, tests pass plain objects.
 */

/** Per list of snapshots (never changed once loaded): the newest date overall and per place. */
const newestDates = new WeakMap<readonly SnapshotEntry[], { overall: string | undefined; byPlace: Map<string, string> }>();

/**
 * The newest snapshot's date ("Số liệu mới nhất: ngày …"), among those with a row about
 * `regionCode` when given: how old a page's figures are. Every place page asks, so the dates are
 * found in one pass over the rows (at every district's two years of daily figures, a scan per page
 * was 16 s of a build).
 */
export function newestSnapshotDate(entries: readonly SnapshotEntry[], regionCode?: string): string | undefined {
  let newest = newestDates.get(entries);
  if (!newest) {
    newest = { overall: undefined, byPlace: new Map() };
    for (const { data } of entries) {
      if (newest.overall === undefined || data.asOf > newest.overall) newest.overall = data.asOf;
      for (const row of data.rows) {
        const date = newest.byPlace.get(row.region.code);
        if (date === undefined || data.asOf > date) newest.byPlace.set(row.region.code, data.asOf);
      }
    }
    newestDates.set(entries, newest);
  }
  return regionCode === undefined ? newest.overall : newest.byPlace.get(regionCode);
}

/** A source as cited: a letter quoted in a snapshot links to its page in the library. */
export function citedSource(source: Snapshot['source']): FigureSource {
  const url = source.url ?? (source.document ? directivePath(source.document, 'vi') : null);
  return { name: source.name, title: source.title ?? null, url };
}

/*
 * Every figure is built by an object literal of the same fields in the same order, never by
 * spreading a shared part: V8 then gives all figures one shape with their fields inside the
 * object (spread-built figures took 372 bytes each, these 236, at a million figures).
 */

/**
 * A figure's id (`2021-05-27-vnexpress-4285364#2:count`: where it was read, and its kind) as one
 * flat string: a template literal leaves a chain of three joined strings, 96 bytes an id where
 * the flat string takes 56 (a million ids at every district's two years of daily figures).
 */
function figureId(readFrom: string, index: number, kind: Figure['kind']): string {
  return [readFrom, '#', index, ':', kind].join('');
}

function rowFigures(entry: SnapshotEntry, row: SnapshotRow, index: number, source: FigureSource): Figure[] {
  const { data } = entry;
  // The row's own region object, not a copy per figure (the build reads one per place: `readSnapshots`).
  const place = row.region;
  const date = data.asOf;
  const measure = row.measure ?? data.measure;
  const method = data.method ?? DEFAULT_METHOD;
  const figures: Figure[] = [];
  if (row.installs !== undefined) {
    figures.push({
      id: figureId(entry.id, index, 'count'),
      place,
      date,
      kind: 'count',
      measure,
      basis: null,
      value: row.installs,
      qualifier: row.installsQualifier ?? 'exact',
      printedIn: row.installsPrintedIn ?? 'units',
      decimals: null,
      method,
      // A rank ranks rates on a basis (possibly unstated): it stays with the rate, never with the count.
      rank: null,
      rankOf: null,
      group: null,
      source,
    });
  }
  if (row.ratePercent !== undefined || row.group !== undefined || row.rank !== undefined) {
    figures.push({
      id: figureId(entry.id, index, 'rate'),
      place,
      date,
      kind: 'rate',
      measure,
      basis: row.rateBasis ?? 'not_stated',
      value: row.ratePercent ?? null,
      qualifier: row.rateQualifier ?? 'exact',
      printedIn: 'units',
      decimals: row.rateDecimals ?? null,
      method,
      rank: row.rank ?? null,
      rankOf: row.rankOf ?? null,
      group: row.group ?? null,
      source,
    });
  }
  return figures;
}

/** Oldest first, then by time of day, then by snapshot id: "latest" is the last one. */
function compareEntries(a: SnapshotEntry, b: SnapshotEntry): number {
  return (
    a.data.asOf.localeCompare(b.data.asOf) ||
    (a.data.asOfTime ?? '').localeCompare(b.data.asOfTime ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Every figure of the snapshots, oldest first. A count repeated on a second row of one snapshot
 * (Cẩm Phả's letter: one count, two bases) is one figure.
 */
export function figuresFromSnapshots(entries: readonly SnapshotEntry[]): Figure[] {
  return [...entries].sort(compareEntries).flatMap(figuresOfEntry);
}

/**
 * One snapshot's figures, made once per entry: the charts' dated versions are built from many
 * subsets of the same snapshots, and two years of daily figures for every district are over half
 * a million figures. Figures are never changed once made.
 */
const madeFigures = new WeakMap<SnapshotEntry, Figure[]>();
function figuresOfEntry(entry: SnapshotEntry): Figure[] {
  const made = madeFigures.get(entry);
  if (made) return made;
  const figures: Figure[] = [];
  const source = citedSource(entry.data.source);
  const counted = new Set<string>();
  entry.data.rows.forEach((row, index) => {
    for (const figure of rowFigures(entry, row, index, source)) {
      if (figure.kind === 'count') {
        const key = `${figure.place.code}|${figure.measure}|${figure.value}`;
        if (counted.has(key)) continue;
        counted.add(key);
      }
      figures.push(figure);
    }
  });
  madeFigures.set(entry, figures);
  return figures;
}

/** The place a letter's region reference names. */
export function placeOf(ref: RegionRef, regions: RegionIndex): FigurePlace {
  const code = ref.scope === 'national' ? 'VN' : ref.scope === 'province' ? ref.province : ref.district;
  const region = regions.byCode(code);
  if (!region) throw new Error(`unknown region code ${code}`);
  return { code, name: region.name, level: region.level };
}

/**
 * The figures one letter quotes, in its order: a rate and/or a count per statistic, with the
 * letter's qualifiers. The source is the letter itself (its page on this site).
 */
export function figuresFromLetter(letter: Pick<Directive, 'slug' | 'issuer' | 'statistics'> & { numberSymbol: string }, regions: RegionIndex): Figure[] {
  const source: FigureSource = { name: letter.issuer, title: letter.numberSymbol, url: directivePath(letter.slug, 'vi') };
  return letter.statistics.flatMap((statistic, index) => {
    const place = placeOf(statistic.region, regions);
    const measure = statistic.measure ?? 'downloads';
    const figures: Figure[] = [];
    if (statistic.percent !== null) {
      figures.push({
        id: figureId(letter.slug, index, 'rate'),
        place,
        date: statistic.date,
        kind: 'rate',
        measure,
        basis: statistic.basis,
        value: statistic.percent,
        qualifier: statistic.percentQualifier ?? 'exact',
        printedIn: 'units',
        decimals: null,
        method: DEFAULT_METHOD,
        rank: statistic.rank?.position ?? null,
        rankOf: statistic.rank?.of ?? null,
        group: null,
        source,
      });
    }
    if (statistic.count !== undefined) {
      figures.push({
        id: figureId(letter.slug, index, 'count'),
        place,
        date: statistic.date,
        kind: 'count',
        measure,
        basis: null,
        value: statistic.count,
        qualifier: statistic.countQualifier ?? 'exact',
        printedIn: 'units',
        decimals: null,
        method: DEFAULT_METHOD,
        rank: null,
        rankOf: null,
        group: null,
        source,
      });
    }
    return figures;
  });
}

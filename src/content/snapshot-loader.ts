import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { contentFolders, schemaProblemLines } from './content-folders.ts';
import type { Snapshot, SnapshotEntry, SnapshotRow } from './snapshot.ts';

/**
 * The snapshots' loader: the `glob` loader over `content/stats/*.json`, every file checked against
 * the snapshot schema as it is read (a bad file stops the build with `file, field: what is
 * wrong`), but only each file's date kept in Astro's content store; `readSnapshots()` reads the
 * figures from the files when the build needs them.
 *
 * Why: Astro writes its store to disk, bundles it into the build as one module and parses it
 * again, while the store the check filled stays in memory. With every district's two years of
 * daily figures (560.640 rows, a 77 MB store) the build's main thread held the rows four times
 * (Node's heap profile of that build): the checked store 172 MB, the bundled module's text
 * 171 MB, its parsed form 71 MB and its objects 88 MB. Read from the files once, they are the
 * objects alone.
 */

/** What the content store keeps of a snapshot: its date. */
export const storedSnapshotSchema = z.object({ asOf: z.iso.date() }).strict();

const { schema } = contentFolders.snapshots;

/** The problems of a file the schema refused, one line each, the file named as in the repository. */
function problemLines(file: string, error: z.ZodError): string {
  return schemaProblemLines(isAbsolute(file) ? relative(process.cwd(), file) : file, error).join('\n');
}

export function snapshotLoader(): Loader {
  const { base, pattern } = contentFolders.snapshots;
  // Nothing reads a snapshot's text from the store.
  const files = glob({ base, pattern, retainBody: false });
  return {
    name: 'snapshot-loader',
    async load(context: LoaderContext) {
      // The file is checked whole; what is stored is its date (typed by the collection's schema, not the file's).
      const parseData = (async (entry: Parameters<LoaderContext['parseData']>[0]) => {
        const checked = schema.safeParse(entry.data);
        if (!checked.success) throw new Error(problemLines(entry.filePath ?? entry.id, checked.error));
        return context.parseData({ ...entry, data: { asOf: checked.data.asOf } });
      }) as LoaderContext['parseData'];
      await files.load({ ...context, parseData });
    },
  };
}

/**
 * One region object per place for all snapshots: every district's two years of daily rows repeat
 * the same code, name and level 560.640 times (those snapshots' objects 163 → 86 MB of heap).
 * Figures are never changed once read.
 */
const places = new Map<string, SnapshotRow['region']>();
function withSharedRegions(snapshot: Snapshot): Snapshot {
  for (const row of snapshot.rows) {
    const key = `${row.region.code}|${row.region.level}|${row.region.name}`;
    const known = places.get(key);
    if (known) row.region = known;
    else places.set(key, row.region);
  }
  return snapshot;
}

/** Snapshots already read, with the digest of the file they were read from (a dev server reads again only what changed). */
const read = new Map<string, { digest: string | number | undefined; entry: SnapshotEntry }>();
let lastList: { key: string; entries: Promise<SnapshotEntry[]> } | undefined;

/**
 * Every snapshot with its figures, in the content store's order: each file the loader checked,
 * read and checked again by the same schema, the figures' one way into the build. While no file
 * changes, every caller gets the same list of the same objects.
 */
export async function readSnapshots(): Promise<SnapshotEntry[]> {
  const { getCollection } = await import('astro:content');
  const stored = await getCollection('snapshots');
  const key = stored.map((entry) => `${entry.id}:${entry.digest ?? ''}`).join('\n');
  if (lastList?.key === key) return lastList.entries;
  const ids = new Set(stored.map((entry) => entry.id));
  for (const id of read.keys()) if (!ids.has(id)) read.delete(id);
  const entries = Promise.all(
    stored.map(async ({ id, digest, filePath }): Promise<SnapshotEntry> => {
      const known = read.get(id);
      if (known && digest !== undefined && known.digest === digest) return known.entry;
      if (!filePath) throw new Error(`snapshot ${id}: the content store names no file for it`);
      const text = await readFile(isAbsolute(filePath) ? filePath : join(process.cwd(), filePath), 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new Error(`${filePath}: cannot be read (${(error as Error).message})`);
      }
      const checked = schema.safeParse(json);
      if (!checked.success) throw new Error(problemLines(filePath, checked.error));
      const entry = { id, data: withSharedRegions(checked.data) };
      read.set(id, { digest, entry });
      return entry;
    }),
  );
  lastList = { key, entries };
  return entries;
}

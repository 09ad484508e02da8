/** /du-lieu/<snapshot id>.json: each snapshot exactly as committed (validated), for download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readSnapshots } from '../../content/snapshot-loader.ts';
import type { SnapshotEntry } from '../../content/snapshot.ts';
import { renderKey } from '../../lib/images/render-cache.ts';

export const getStaticPaths = (async () => {
  const snapshots = await readSnapshots();
  // A snapshot never changes once committed: an incremental build copies its file (the key is the data the file prints).
  return snapshots.map((entry) => ({ params: { id: entry.id }, props: { entry }, cacheKey: renderKey('snapshot-file', [entry.data]) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: SnapshotEntry }> = ({ props }) =>
  new Response(`${JSON.stringify(props.entry.data, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });

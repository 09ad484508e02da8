/** /du-lieu/<snapshot id>.json: each snapshot exactly as committed (validated), for download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { renderKey } from '../../lib/images/render-cache.ts';

export const getStaticPaths = (async () => {
  const snapshots = await getCollection('snapshots');
  // A snapshot never changes once committed: an incremental build copies its file (the key is the data the file prints).
  return snapshots.map((entry) => ({ params: { id: entry.id }, props: { entry }, cacheKey: renderKey('snapshot-file', [entry.data]) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'snapshots'> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.entry.data, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });

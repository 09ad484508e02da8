/** /du-lieu/<snapshot id>.json: each snapshot exactly as committed (validated), for download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';

export const getStaticPaths = (async () => {
  const snapshots = await getCollection('snapshots');
  return snapshots.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'snapshots'> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.entry.data, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });

import type { APIRoute, GetStaticPaths } from 'astro';
import { mapOutputs, type ChartOutput } from '../../../../lib/charts/publish/outputs.ts';
import { loadMapLayers } from '../../../../components/charts/maps.ts';

/** The newsroom images of every province map (en words drawn in). */
export const getStaticPaths = (async () =>
  mapOutputs(await loadMapLayers(), 'en').map((output) => ({ params: { map: output.id.replace(/^ban-do-/, ''), file: output.file }, props: { output }, cacheKey: output.cacheKey }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { output } = props as { output: ChartOutput };
  return new Response(await output.body(site!), { headers: { 'Content-Type': output.contentType } });
};

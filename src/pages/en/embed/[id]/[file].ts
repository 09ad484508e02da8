import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChartCatalogue } from '../../../../lib/charts/publish/catalogue.ts';
import { chartOutputs, type ChartOutput } from '../../../../lib/charts/publish/outputs.ts';

/** Images of every chart with English words drawn in (data files live under /nhung/). */
export const getStaticPaths = (async () => {
  const outputs = chartOutputs(await loadChartCatalogue(), 'en');
  return outputs.map((output) => ({ params: { id: output.id, file: output.file }, props: { output }, cacheKey: output.cacheKey }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { output } = props as { output: ChartOutput };
  return new Response(await output.body(site!), { headers: { 'Content-Type': output.contentType } });
};

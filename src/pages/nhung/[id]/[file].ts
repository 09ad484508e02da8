import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChartCatalogue } from '../../../lib/charts/publish/catalogue.ts';
import { chartOutputs, type ChartOutput } from '../../../lib/charts/publish/outputs.ts';

/** Images (Vietnamese) and data files (latest and dated) of every chart. */
export const getStaticPaths = (async () => {
  const outputs = chartOutputs(await loadChartCatalogue(), 'vi');
  return outputs.map((output) => ({ params: { id: output.id, file: output.file }, props: { output }, cacheKey: output.cacheKey }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { output } = props as { output: ChartOutput };
  return new Response(await output.body(site!), { headers: { 'Content-Type': output.contentType } });
};

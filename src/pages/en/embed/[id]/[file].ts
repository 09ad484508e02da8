import type { APIRoute, GetStaticPaths } from 'astro';
import { chartFilePaths, type ChartOutput } from '../../../../lib/charts/publish/outputs.ts';

/** Images of every chart with English words drawn in (data files live under /nhung/). */
export const getStaticPaths = (() => chartFilePaths('en')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { output } = props as { output: ChartOutput };
  return new Response(await output.body(site!), { headers: { 'Content-Type': output.contentType } });
};

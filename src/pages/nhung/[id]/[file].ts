import type { APIRoute, GetStaticPaths } from 'astro';
import { chartFilePaths, type ChartOutput } from '../../../lib/charts/publish/outputs.ts';

/** Images (Vietnamese) and data files (latest and dated) of every chart. */
export const getStaticPaths = (() => chartFilePaths('vi')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { output } = props as { output: ChartOutput };
  return new Response(await output.body(site!), { headers: { 'Content-Type': output.contentType } });
};

import type { APIRoute } from 'astro';
import { loadDirectives } from '../../components/directives/load.ts';
import { buildTime } from '../../lib/core/build-info.ts';
import { buildCitationGraph, directiveRecord } from '../../lib/directives/library.ts';
import { loadRegions } from '../../content/regions.ts';

/** /van-ban/index.json: every letter's metadata, newest first (fields documented in README). */
export const GET: APIRoute = async ({ site }) => {
  const entries = await loadDirectives();
  const graph = buildCitationGraph(entries);
  const regions = loadRegions();
  const body = {
    generated: buildTime.toISOString(),
    count: entries.length,
    documents: entries.map((entry) => directiveRecord(entry, graph, regions, site!)),
    missing: graph.missing.map(({ key, cited, citedBy }) => ({
      key,
      number: cited.number,
      symbol: cited.symbol,
      date: cited.date,
      issuer: cited.issuer,
      issuer_en: cited.issuerEn,
      cited_by: citedBy.map((e) => e.data.slug),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

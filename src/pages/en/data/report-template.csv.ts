/** /en/data/report-template.csv: the same blank template as /du-lieu/mau-bao-cao.csv, under the English section. */
import type { APIRoute } from 'astro';
import { CSV_TEMPLATE } from '../../../lib/stats/import.ts';

export const GET: APIRoute = () => new Response(`\uFEFF${CSV_TEMPLATE}`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });

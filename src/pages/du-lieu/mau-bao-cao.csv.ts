/** /du-lieu/mau-bao-cao.csv: the blank daily reporting template (header row, UTF-8 with BOM for Excel). */
import type { APIRoute } from 'astro';
import { CSV_TEMPLATE } from '../../lib/stats/import.ts';

export const GET: APIRoute = () => new Response(`\uFEFF${CSV_TEMPLATE}`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });

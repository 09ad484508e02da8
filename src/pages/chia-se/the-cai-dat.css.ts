import type { APIRoute } from 'astro';
import { installCardCss } from '../../lib/share/snippets.ts';

/** The install card preview's stylesheet (see `installCardHtml`), shared by both share pages. */
export const GET: APIRoute = () => new Response(installCardCss(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });

import type { APIRoute } from 'astro';
import { resizeScript } from '../../lib/share/embed-resize.ts';

/** `/nhung/resize.js`: the host page's iframe-sizing helper (one file for both languages). */
export const GET: APIRoute = () => new Response(resizeScript(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

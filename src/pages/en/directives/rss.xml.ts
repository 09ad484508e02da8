import type { APIRoute } from 'astro';
import { directivesFeed } from '../../../components/directives/feed.ts';

/** /en/directives/rss.xml: RSS 2.0, one item per letter (English summaries). */
export const GET: APIRoute = ({ site }) => directivesFeed('en', site!);

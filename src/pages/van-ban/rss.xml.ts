import type { APIRoute } from 'astro';
import { directivesFeed } from '../../components/directives/feed.ts';

/** /van-ban/rss.xml: RSS 2.0, one item per letter (Vietnamese). */
export const GET: APIRoute = ({ site }) => directivesFeed('vi', site!);

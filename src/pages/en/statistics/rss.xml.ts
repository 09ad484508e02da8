import type { APIRoute } from 'astro';
import { latestFiguresRss } from '../../../components/charts/feed.ts';

export const GET: APIRoute = ({ site }) => latestFiguresRss('en', site!);

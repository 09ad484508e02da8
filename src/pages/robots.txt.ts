import type { APIRoute } from 'astro';

/**
 * `/robots.txt`: everything may be crawled; the sitemap's address comes from the `site` setting
 * (SITE_URL), like every other absolute URL of the site.
 */
export const GET: APIRoute = ({ site }) => {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

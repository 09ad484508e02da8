/**
 * What a built page references (stylesheets, scripts, the image a phone fetches), read from our own
 * build output. Shared by the offline worker's file list (`src/lib/offline/`) and the page-weight
 * report (`scripts/lib/page-weight.ts`). Regex-based: it reads our build, not arbitrary HTML.
 */


export const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
export function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&') : undefined;
}
/** `srcset` candidates, largest first (by width descriptor, else by order). */

export function srcsetCandidates(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((bits) => bits[0])
    .map((bits, index) => ({ url: bits[0]!, size: parseFloat(bits[1] ?? '') || index + 1 }))
    .sort((a, b) => b.size - a.size)
    .map((candidate) => candidate.url);
}
/** Whether a built file is only a redirect fallback (meta refresh, no content). */

export function isRedirectStub(html: string): boolean {
  return /<meta http-equiv="refresh"/i.test(html) && !/<main/i.test(html);
}
export interface PageAssets {
  /** The document without inline style and script bodies. */
  bareHtml: string;
  inlineCss: string;
  inlineJs: string;
  stylesheets: string[];
  scripts: string[];
  /** One URL per picture or lone image: the file a high-density phone fetches. */
  images: string[];
}
/** Finds what a page references. Regex-based: it reads our own build output, not arbitrary HTML. */

export function extractAssets(html: string): PageAssets {
  let inlineCss = '';
  let inlineJs = '';
  const scripts: string[] = [];
  let bareHtml = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (_, open: string, body: string, close: string) => {
    inlineCss += body;
    return open + close;
  });
  bareHtml = bareHtml.replace(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/gi, (whole, open: string, body: string, close: string) => {
    const type = (attr(open, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) return whole;
    const src = attr(open, 'src');
    if (src) scripts.push(src);
    inlineJs += body;
    return open + close;
  });
  const stylesheets = [...bareHtml.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /(^|\s)stylesheet(\s|$)/i.test(attr(tag, 'rel') ?? ''))
    .map((tag) => attr(tag, 'href'))
    .filter((href): href is string => Boolean(href));

  const images: string[] = [];
  const withoutPictures = bareHtml.replace(/<picture\b[\s\S]*?<\/picture>/gi, (picture) => {
    const firstSource = /<source\b[^>]*>/i.exec(picture)?.[0];
    const img = /<img\b[^>]*>/i.exec(picture)?.[0] ?? '';
    const srcset = (firstSource && attr(firstSource, 'srcset')) ?? attr(img, 'srcset');
    const chosen = srcset ? srcsetCandidates(srcset)[0] : attr(img, 'src');
    if (chosen) images.push(chosen);
    return '';
  });
  for (const match of withoutPictures.matchAll(/<img\b[^>]*>/gi)) {
    const srcset = attr(match[0], 'srcset');
    const chosen = srcset ? srcsetCandidates(srcset)[0] : attr(match[0], 'src');
    if (chosen) images.push(chosen);
  }
  return { bareHtml, inlineCss, inlineJs, stylesheets, scripts, images };
}

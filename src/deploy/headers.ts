/**
 * The HTTP headers of the deployed site, defined once. Two renderings come from it:
 * `dist/_headers` (Netlify, Cloudflare Pages; written after every build by
 * `src/integrations/deploy-headers.ts`) and `deploy/nginx.conf` (committed; `npm run nginx-conf`
 * rewrites it, a unit test fails when it is stale). The browser tests serve `dist/` with that
 * nginx file, so what they check is what a server sends.
 */

import { redirects } from '../routing/redirects.ts';
import { assetsRoot, embedRoots, searchIndexRoot, sectionPaths } from '../routing/routes.ts';

/** What a URL is, by path prefix; the first kind with a matching prefix wins. */
export type RouteKind = 'asset' | 'embed' | 'search' | 'page';

export const routeKinds: readonly { kind: RouteKind; prefixes: readonly string[] }[] = [
  // Content-hashed by the build: a changed file gets a new name.
  { kind: 'asset', prefixes: [assetsRoot] },
  // Chart embeds live inside other sites' iframes (TV stations, newspapers).
  { kind: 'embed', prefixes: Object.values(embedRoots) },
  // Pagefind compiles its WebAssembly on the search pages, and only there, in a worker whose
  // policy is that of its script in /pagefind/.
  { kind: 'search', prefixes: [...Object.values(sectionPaths.search), searchIndexRoot] },
  { kind: 'page', prefixes: ['/'] },
];

export function routeKindOf(path: string): RouteKind {
  return routeKinds.find(({ prefixes }) => prefixes.some((prefix) => path.startsWith(prefix)))!.kind;
}

/**
 * Content-Security-Policy per kind. Scripts and styles are external files from our origin
 * (astro.config.mjs never inlines them); JSON data blocks are not scripts. No inline code, no
 * other origin, no plugins, no `<base>`. Only embeds may be framed, by any origin.
 */
function contentSecurityPolicy(kind: Exclude<RouteKind, 'asset'>): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(kind === 'search' ? ["'wasm-unsafe-eval'"] : [])],
    ['style-src', "'self'"],
    ['img-src', "'self'"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ...(kind === 'embed' ? [] : [['frame-ancestors', "'none'"] as [string, string]]),
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Sent with every response. */
export const commonHeaders: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  // Every file is public and served without cookies, so any site may read it: the data
  // downloads, the chart catalogue and feeds for newsrooms, and the scripts of an embed that
  // runs in a sandboxed (origin "null") iframe.
  'Access-Control-Allow-Origin': '*',
};

export const cacheControl = {
  /** Hashed file names never change content. */
  immutable: 'public, max-age=31536000, immutable',
  /** HTML, feeds and data: a browser may keep a copy but asks (ETag/Last-Modified) every time. */
  short: 'public, max-age=0, must-revalidate',
} as const;

/** The headers that depend on the route kind (the common ones come on top). */
export function kindHeaders(kind: RouteKind): Record<string, string> {
  if (kind === 'asset') return { 'Cache-Control': cacheControl.immutable };
  return {
    'Cache-Control': cacheControl.short,
    'Content-Security-Policy': contentSecurityPolicy(kind),
    ...(kind === 'embed' ? {} : { 'X-Frame-Options': 'DENY' }),
  };
}

/** Every header a response for `path` carries (Content-Type aside). */
export function headersFor(path: string): Record<string, string> {
  return { ...commonHeaders, ...kindHeaders(routeKindOf(path)) };
}

/** Content types by file extension; text types are sent with `charset=utf-8`. */
export const contentTypes: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  csv: 'text/csv',
  xml: 'application/xml',
  txt: 'text/plain',
  svg: 'image/svg+xml',
  png: 'image/png',
  avif: 'image/avif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  // Pagefind's index files (binary, read by its own script).
  pagefind: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/** Feeds are XML by extension but RSS by content. */
export const feedFileName = 'rss.xml';
export const feedType = 'application/rss+xml';

export const textTypes = [...new Set([...Object.values(contentTypes), feedType])].filter((type) => /^text\/|json|xml|javascript/.test(type));

/** Cloudflare Pages reads at most 100 rules from `_headers`. */
const maxRules = 100;

/**
 * `_headers` for the files of a built site (`paths`: every file as a URL path, `/so-lieu/rss.xml`).
 * Netlify and Cloudflare apply EVERY rule that matches and join repeated headers with commas,
 * so each header of each path must come from exactly one rule: the common headers from `/*`,
 * the kind headers from one rule per kind prefix, and the `page` kind (everything else) from
 * one rule per top-level entry outside the other prefixes (`/huong-dan/*`, `/en/guide/*`, `/`).
 */
export function netlifyHeaders(paths: readonly string[]): string {
  const special = routeKinds.filter(({ kind }) => kind !== 'page').flatMap(({ kind, prefixes }) => prefixes.map((prefix) => ({ kind, prefix })));
  const pagePatterns = new Set<string>();
  for (const path of paths) {
    if (routeKindOf(path) !== 'page') continue;
    const pattern = pagePattern(path, special.map(({ prefix }) => prefix));
    pagePatterns.add(pattern);
    // `/en/index.html` is also asked for as `/en/`.
    if (pattern === path && path.endsWith('/index.html')) pagePatterns.add(path.slice(0, -'index.html'.length));
  }
  const rules: [string, Record<string, string>][] = [
    ['/*', { ...commonHeaders }],
    ...special.map(({ kind, prefix }): [string, Record<string, string>] => [`${prefix}*`, kindHeaders(kind)]),
    ...[...pagePatterns].sort().map((pattern): [string, Record<string, string>] => [pattern, kindHeaders('page')]),
    ...paths.filter((path) => path.endsWith(`/${feedFileName}`)).sort().map((path): [string, Record<string, string>] => [path, { 'Content-Type': `${feedType}; charset=utf-8` }]),
  ];
  if (rules.length > maxRules) throw new Error(`_headers: ${rules.length} rules, more than the ${maxRules} Cloudflare Pages reads; group paths under fewer prefixes`);
  const head = '# Generated from src/deploy/headers.ts after every build; do not edit.\n';
  return head + rules.map(([pattern, headers]) => [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n') + '\n';
}

/**
 * The widest pattern that covers `path` and no path under a special prefix: the path's first
 * folder (`/huong-dan/*`), or one level deeper where a special prefix sits inside it
 * (`/en/guide/*` beside `/en/embed/`); a file at that level exactly.
 */
function pagePattern(path: string, specialPrefixes: readonly string[]): string {
  const segments = path.split('/').slice(1);
  let folder = '/';
  for (const segment of segments.slice(0, -1)) {
    const next = `${folder}${segment}/`;
    if (!specialPrefixes.some((prefix) => prefix.startsWith(next) && prefix !== next)) return `${next}*`;
    folder = next;
  }
  // A file directly in a folder that holds a special prefix (`/en/index.html`, `/favicon.svg`).
  return path;
}

function nginxString(value: string): string {
  if (/["\\\n$]/.test(value)) throw new Error(`nginx.conf: cannot quote ${value}`);
  return `"${value}"`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface NginxOptions {
  /** `listen` argument: `80`, `127.0.0.1:8080`. */
  listen: string;
  /** The built site (`dist/`), absolute. */
  root: string;
  /** Moved URLs (src/routing/redirects.ts), answered with 301. */
  redirects: Readonly<Record<string, string>>;
}

/** The settings of the committed `deploy/nginx.conf` (Debian's usual web root, plain port 80). */
export const committedNginxOptions: NginxOptions = { listen: '80', root: '/var/www/bluezone', redirects };

/**
 * nginx `map`s and a `server` block serving the built site with the headers above; include it
 * inside `http { }`. Each kind header is a `map` over `$uri` in the order of `routeKinds`
 * (first match wins, as in `routeKindOf`); an empty value sends no header.
 */
export function nginxConf({ listen, root, redirects }: NginxOptions): string {
  const headerNames = [...new Set(routeKinds.flatMap(({ kind }) => Object.keys(kindHeaders(kind))))];
  const variable = (name: string) => `$bluezone_${name.toLowerCase().replace(/-/g, '_')}`;
  const maps = headerNames.map((name) => {
    const lines = routeKinds.map(({ kind, prefixes }) => {
      const value = nginxString(kindHeaders(kind)[name] ?? '');
      return kind === 'page' ? `    default ${value};` : `    "~^(?:${prefixes.map(escapeRegex).join('|')})" ${value};`;
    });
    return [`map $uri ${variable(name)} {`, ...lines, '}'].join('\n');
  });
  const types = Object.entries(contentTypes).map(([ext, type]) => `    ${type} ${ext};`);
  return `# Generated from src/deploy/headers.ts by \`npm run nginx-conf\`; do not edit.
# Include inside http { }. Terminate TLS in front of it (or add listen 443 ssl and your
# certificates here): Strict-Transport-Security only counts when served over https.

${maps.join('\n\n')}

server {
  listen ${listen};
  server_name _;
  root ${root};
  index index.html;
  server_tokens off;
  # Redirects keep the client's host and port (behind a proxy, on a test port).
  absolute_redirect off;

  types {
${types.join('\n')}
  }
  default_type application/octet-stream;
  # text/html is in both lists by default.
  charset utf-8;
  charset_types ${textTypes.filter((type) => type !== 'text/html').join(' ')};

  gzip on;
  gzip_vary on;
  gzip_types ${textTypes.filter((type) => type !== 'text/html').join(' ')};

${Object.entries(commonHeaders).map(([name, value]) => `  add_header ${name} ${nginxString(value)} always;`).join('\n')}
${headerNames.map((name) => `  add_header ${name} ${variable(name)} always;`).join('\n')}

  error_page 404 /404.html;

${Object.entries(redirects).map(([from, to]) => `  location = ${from} { return 301 ${to}; }`).join('\n')}

  location ~ /${escapeRegex(feedFileName)}$ {
    types { }
    default_type ${feedType};
  }

  location / {
    try_files $uri $uri/ =404;
  }
}
`;
}

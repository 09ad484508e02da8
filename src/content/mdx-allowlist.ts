import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToMdast, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import type { Nodes, Root } from 'mdast';
import { stripControls } from '../lib/core/escape.ts';

/**
 * Content is data, not code. MDX under `content/` may hold Markdown, the components its page
 * documents, and plain HTML from a short list; everything that would run code at build time or in
 * the reader's browser (ESM, `{expressions}`, scripts, event handlers, script URLs) is refused.
 * The check walks the syntax tree Sätteri parses, so nothing can hide in spacing or entities.
 */

/** Components each collection renders (the props each one accepts); files elsewhere get none. */
const componentsByCollection: Record<string, Record<string, readonly string[]>> = {
  guides: { StepList: [], Step: ['title', 'image', 'alt'], StoreLink: ['store'], Illustration: ['image', 'alt'], Cite: ['source'] },
  faq: { StoreLink: ['store'], Cite: ['source'] },
  directives: {},
};

/** Plain HTML elements an author may write, with the attributes each may carry beyond `globalAttributes`. */
const htmlElements: Record<string, readonly string[]> = {
  div: [], span: [], p: [], br: [], hr: [],
  strong: [], em: [], b: [], i: [], u: [], s: [], sub: [], sup: [], small: [], mark: [], abbr: [], cite: [], q: [],
  code: [], kbd: [], pre: [], blockquote: [],
  ul: [], ol: ['start'], li: [], dl: [], dt: [], dd: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
  h2: [], h3: [], h4: [], h5: [], h6: [],
  figure: [], figcaption: [], details: [], summary: [], time: ['datetime'],
  a: ['href'], img: ['src', 'alt', 'width', 'height'],
};
const globalAttributes = ['class', 'lang', 'title'];
const urlAttributes = new Set(['href', 'src']);

/** Relative URLs, fragments and these schemes only (no `javascript:`, `data:`, `vbscript:`…). */
const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel']);

export interface MdxProblem {
  line: number;
  message: string;
}

/** The collection folder a content file belongs to (`content/guides/vi/x.mdx` → `guides`). */
function collectionOf(path: string): string | undefined {
  return /(?:^|[\\/])content[\\/]([^\\/]+)[\\/]/.exec(path)?.[1];
}

/** Whether a URL is safe to put in `href`/`src`: browsers drop tabs, newlines and leading controls before reading the scheme. */
function isSafeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1];
  return scheme === undefined || allowedSchemes.has(scheme.toLowerCase());
}

const urlRule = 'links and images may be relative or use https:, http:, mailto: or tel:';

/** Every construct in `root` that content may not use, in document order. */
export function mdxProblems(root: Root, path: string): MdxProblem[] {
  const components = componentsByCollection[collectionOf(path) ?? ''] ?? {};
  const componentList = Object.keys(components).map((name) => `<${name}>`).join(', ') || 'none';
  const problems: MdxProblem[] = [];

  function walk(node: Nodes, inherited: number): void {
    const line = node.position?.start.line ?? inherited;
    const refuse = (message: string) => problems.push({ line, message });
    const hidden = (text: string) => {
      if (stripControls(text) !== text) refuse('the text holds an invisible control or bidi character (it can reorder what readers see); delete it.');
    };
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        hidden(node.value);
        break;
      case 'mdxjsEsm':
        refuse('import/export is not allowed: content is data; use the components this page provides without importing them.');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        refuse('{expressions} (and {/* comments */}) are not allowed: write plain text; a literal brace is written \\{.');
        break;
      case 'html':
        refuse('raw HTML is not allowed here: write Markdown or an allowed element.');
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (!isSafeUrl(node.url)) refuse(`"${node.url}" is not an allowed URL: ${urlRule}.`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const isComponent = /^[A-Z]/.test(name);
        const allowed = isComponent ? components[name] : htmlElements[name];
        if (allowed === undefined) {
          refuse(
            isComponent
              ? `<${name}> is not a component this page provides; allowed components: ${componentList}.`
              : `<${name || '>'}${name ? '>' : ''} is not an allowed HTML element; allowed: Markdown and ${Object.keys(htmlElements).map((e) => `<${e}>`).join(', ')}.`,
          );
          break;
        }
        const names = isComponent ? allowed : [...globalAttributes, ...allowed];
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            refuse(`<${name}> has a {...spread} attribute: attributes must be plain quoted text.`);
          } else if (typeof attribute.value === 'object' && attribute.value !== null) {
            refuse(`<${name} ${attribute.name}={…}> uses an expression: attributes must be plain quoted text.`);
          } else if (!names.includes(attribute.name)) {
            refuse(
              /^on/i.test(attribute.name)
                ? `<${name} ${attribute.name}> is an event handler; scripts are not allowed in content (allowed attributes: ${names.join(', ') || 'none'}).`
                : `<${name}> does not accept the attribute "${attribute.name}"; allowed: ${names.join(', ') || 'none'}.`,
            );
          } else if (urlAttributes.has(attribute.name) && !isSafeUrl(attribute.value ?? '')) {
            refuse(`"${attribute.value}" is not an allowed URL: ${urlRule}.`);
          } else {
            hidden(attribute.value ?? '');
          }
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children) walk(child, line);
  }

  walk(root, 1);
  return problems;
}

function describe(path: string, problem: MdxProblem): string {
  return `${relative(process.cwd(), path) || path}:${problem.line}: ${problem.message}`;
}

/**
 * The MDX pipeline step (a Sätteri mdast plugin, the step `@astrojs/mdx` 8 really runs; it ignores
 * remark plugins): the build stops on the first file with a refused construct, listing each one.
 */
export function mdxAllowlist(factory: PluginFactoryContext): MdastPluginDefinition | false {
  if (factory.sourceFormat !== 'mdx') return false;
  // Without a file there is no collection, so no component is allowed: stricter, never looser.
  const path = factory.fileURL ? fileURLToPath(factory.fileURL) : '(MDX without a file)';
  return {
    name: 'content-mdx-allowlist',
    options: { position: true },
    before(root, ctx) {
      const problems = mdxProblems(root as Root, path);
      // `layout:` makes @astrojs/mdx import that module; the schemas refuse unknown keys too, but
      // only after compiling, so the compiler itself says no first.
      const frontmatter = (ctx.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter;
      if (frontmatter?.layout !== undefined) problems.unshift({ line: 1, message: '`layout:` is not allowed in content frontmatter: it imports code; each page chooses its layout.' });
      if (problems.length === 0) return;
      // `line`/`column` become the error's location in Astro's build output (`file:line:column`).
      throw Object.assign(new Error(problems.map((problem) => describe(path, problem)).join('\n')), { line: problems[0]!.line, column: 1 });
    },
  };
}

/**
 * Checks the text of one MDX file: one line per refused construct or syntax error,
 * `file:line: what is wrong and what is allowed`; an empty list means it passes.
 */
export function mdxSourceProblems(source: string, path: string): string[] {
  let root: Root;
  try {
    root = mdxToMdast(source, { features: { frontmatter: true, gfm: true }, position: true }) as Root;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [, line, text] = /^(\d+):\d+: (.*)$/s.exec(message) ?? [, '1', message];
    return [describe(path, { line: Number(line), message: `not valid MDX: ${text}` })];
  }
  return mdxProblems(root, path).map((problem) => describe(path, problem));
}

/** Checks one MDX file without a build (for `npm run check-data`). */
export async function checkMdxFile(path: string): Promise<string[]> {
  return mdxSourceProblems(await readFile(path, 'utf8'), path);
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroConfig, ContentEntryType } from 'astro';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import GithubSlugger from 'github-slugger';
import type { ElementContent, Nodes, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { mdxToHast, type MdxJsxAttributeNode, type MdxJsxFlowElementHast, type MdxJsxTextElementHast } from 'satteri';
import { mdxSourceProblems } from './mdx-allowlist.ts';

/**
 * The letters' loader: the `glob` loader over `content/directives/*.mdx`, except that each
 * letter's body is made into HTML while the content is read, instead of becoming a module that
 * Vite compiles and bundles with the pages. Letters may use no component and no expression
 * (`mdx-allowlist.ts`), so their MDX is plain Markdown and HTML elements: rendering it once here
 * gives the same page, keeps the HTML in Astro's content store between builds (a letter is made
 * again only when its file changes), and spares every build the bundling of one module per
 * letter (16 s at 1.000 letters, minutes at 10.000).
 *
 * The body is parsed as MDX by Sätteri, the compiler `@astrojs/mdx` runs, with the site's
 * Markdown settings (GFM, smart punctuation) and Astro's heading ids, so the text reads as it
 * did through MDX. A refused construct stops the build with `file:line: what is wrong`, one line
 * each, and its entry is not kept, so the next build checks the file again.
 */

type MdxJsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type BodyNode = Nodes | MdxJsxElement;

/** The site's Markdown settings that change how text reads (as `@astrojs/mdx` passes them to Sätteri). */
type MarkdownFeatures = { gfm: boolean; smartPunctuation: boolean };

function textOf(node: BodyNode): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as BodyNode[]).map(textOf).join('') : '';
}

/** An allowed HTML element written in MDX (`<div class="signature">`) as the element it names. */
function element(node: MdxJsxElement, children: ElementContent[]): ElementContent {
  const attributes = Object.fromEntries(
    (node.attributes as MdxJsxAttributeNode[]).map((attribute) => [attribute.name, typeof attribute.value === 'string' ? attribute.value : true]),
  );
  return h(node.name!, attributes, children);
}

/** The hast tree of an allowed MDX body as plain HTML: JSX elements become elements, headings get Astro's ids. */
function plainHtmlTree(root: Root): Root {
  const slugger = new GithubSlugger();
  const convert = (node: BodyNode): RootContent => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      return element(node, node.children.map(convert) as ElementContent[]);
    }
    if (node.type !== 'element') return node as RootContent;
    const converted = { ...node, children: (node.children as BodyNode[]).map(convert) as ElementContent[] };
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id !== 'string') {
      converted.properties = { ...node.properties, id: slugger.slug(textOf(node)) };
    }
    return converted;
  };
  return { type: 'root', children: (root.children as BodyNode[]).map(convert) };
}

/** A letter's body as HTML; throws `file:line: …` lines when the file holds anything content may not. */
export function renderLetterBody(source: string, path: string, features: MarkdownFeatures): string {
  const problems = mdxSourceProblems(source, path);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const tree = mdxToHast(source, { features: { ...features, frontmatter: true } }) as Root;
  return toHtml(plainHtmlTree(tree));
}

/** What the stored HTML depends on besides the file: this renderer, the allowlist and the libraries' versions. */
function rendererVersion(features: MarkdownFeatures): string {
  const hash = createHash('sha256').update(JSON.stringify(features));
  for (const file of ['src/content/letter-loader.ts', 'src/content/mdx-allowlist.ts', 'package-lock.json']) {
    hash.update(readFileSync(join(process.cwd(), file)));
  }
  return hash.digest('hex');
}

function markdownFeatures(config: AstroConfig): MarkdownFeatures {
  return { gfm: config.markdown.gfm !== false, smartPunctuation: config.markdown.smartypants !== false };
}

/**
 * What Astro gives a loader, with the entry types it gives its own `glob` loader (the file
 * extension → how to read and render it; not in the public `LoaderContext` type of Astro 7.3).
 */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

export function letterLoader(options: { base: string; pattern: string }): Loader {
  // Only the HTML is kept, not the file's text as well: nothing reads a letter's raw body, and the
  // content store is bundled into the build (a 5.000-letter store 60,5 → 34,8 MB, bundling 10,9 →
  // 7,8 s, the build's peak 1,90 → 1,52 GB).
  const files = glob({ ...options, retainBody: false });
  return {
    name: 'letter-loader',
    async load(loaderContext: LoaderContext) {
      const context = loaderContext as GlobLoaderContext;
      const { config, logger, meta, store } = context;
      const features = markdownFeatures(config);
      const version = rendererVersion(features);
      // HTML stored by another version of the renderer is made again.
      if (meta.get('renderer') !== version) store.clear();
      meta.set('renderer', version);

      // Letters whose file holds a refused construct (id → the lines saying what), never stored,
      // so the next build checks them again rather than serving what an earlier one kept.
      const refused = new Map<string, string>();
      let loaded = false;
      const guardedStore = new Proxy(store, {
        get(target, property) {
          if (property === 'set') {
            return (entry: Parameters<typeof store.set>[0]) => (refused.has(entry.id) ? (target.delete(entry.id), false) : target.set(entry));
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const mdx = context.entryTypes.get('.mdx');
      if (!mdx) throw new Error('src/content/letter-loader.ts: no entry type for .mdx (is @astrojs/mdx in astro.config.mjs?)');
      const letterType: ContentEntryType = {
        extensions: ['.mdx'],
        getEntryInfo: mdx.getEntryInfo,
        getRenderFunction: async () => async ({ id, filePath }) => {
          try {
            const html = renderLetterBody(await readFile(filePath!, 'utf8'), filePath!, features);
            refused.delete(id);
            return { html };
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            refused.set(id, message);
            // While `astro dev` watches, a refused edit is reported and the letter is left out until it is fixed.
            if (loaded) logger.error(message);
            return { html: '' }; // never stored: the guarded store drops refused letters
          }
        },
      };
      const entryTypes = new Map(context.entryTypes).set('.mdx', letterType);
      await files.load({ ...context, store: guardedStore, entryTypes } as GlobLoaderContext);
      loaded = true;
      if (refused.size > 0) throw new Error([...refused.values()].join('\n'));
    },
  };
}

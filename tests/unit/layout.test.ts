import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout is the architecture (README, "How the code is organised"): every folder of `src/`
 * says in its README.md (`_README.md` in `src/pages/`, where Astro would publish a README.md) what it may import ("May import: …"), and this test holds every import
 * of every file to that line. Type-only imports are exempt: they vanish at build time and carry
 * the schemas' types to wherever they are used.
 */
const root = resolve(import.meta.dirname, '../..');
const posix = (path: string) => path.split(sep).join('/');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

interface Rule {
  folder: string;
  mayImport: string[];
}

/** Every folder README with its "May import:" line, deepest folder first. */
function rules(): Rule[] {
  return walk(join(root, 'src'))
    .concat(walk(join(root, 'scripts/lib')))
    .filter((file) => /(^|\/)_?README\.md$/.test(file))
    .flatMap((file) => {
      const line = /^May import: (.*)\.$/m.exec(readFileSync(file, 'utf8'))?.[1];
      if (line === undefined || line.startsWith('(')) return [];
      const mayImport = line === 'nothing' ? [] : line.replace(/\s*\([^)]*\)/g, '').split(',').map((item) => item.trim());
      return [{ folder: posix(relative(root, dirname(file))), mayImport }];
    })
    .sort((a, b) => b.folder.length - a.folder.length);
}

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Relative imports of a source file that are not type-only: `[specifier, resolved path]`. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    if (!match[1]) found.push(match[2]!);
  }
  for (const match of text.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found.map((specifier) => posix(relative(root, resolve(dirname(file), specifier))));
}

const sourceFiles = walk(join(root, 'src')).filter((file) => /\.(ts|astro|js|mjs)$/.test(file));

describe('the layout of the code', () => {
  const all = rules();

  it('every folder of src/ says its job and what it may import', () => {
    const folders = new Set(sourceFiles.map((file) => posix(relative(root, dirname(file)))));
    const missing = [...folders]
      .filter((folder) => folder !== 'src' && !folder.startsWith('src/pages'))
      .filter((folder) => !existsSync(join(root, folder, 'README.md')) && !existsSync(join(root, folder, '_README.md')));
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(15);
  });

  it('every import follows the "May import" line of its folder', () => {
    const broken: string[] = [];
    for (const file of sourceFiles) {
      const from = posix(relative(root, file));
      const rule = all.find((candidate) => within(from, candidate.folder));
      if (!rule) continue;
      for (const target of valueImports(file)) {
        if (within(target, rule.folder)) continue;
        if (!rule.mayImport.some((allowed) => within(target, allowed))) broken.push(`${from} imports ${target} (${rule.folder} may import: ${rule.mayImport.join(', ') || 'nothing'})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/*
 * Browser code: everything `src/elements/` reaches through its imports must run in a browser, so
 * no `node:` module, no native image library and no Astro-only module, however deep.
 */
describe('browser-safe modules', () => {
  const forbidden = /^(node:|sharp$|@napi-rs\/canvas|astro:content|fs$|path$|child_process$)/;

  function reach(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const bad: string[] = [];
    for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (match[1]) continue;
      const specifier = match[2]!;
      if (specifier.startsWith('.')) bad.push(...reach(resolve(dirname(file), specifier), seen));
      else if (forbidden.test(specifier)) bad.push(`${posix(relative(root, file))} imports ${specifier}`);
    }
    return bad;
  }

  const elements = walk(join(root, 'src/elements')).filter((file) => file.endsWith('.ts'));

  it('nothing the custom elements import pulls in node:, sharp, canvas or astro:content', () => {
    expect(elements.length).toBeGreaterThan(5);
    expect(elements.flatMap((file) => reach(file))).toEqual([]);
  });

  it('the walk finds a forbidden import when there is one', () => {
    // The build-time renderer draws with @napi-rs/canvas: the same walk must catch it.
    expect(reach(join(root, 'src/lib/charts/draw/render.ts')).some((line) => line.includes('@napi-rs/canvas'))).toBe(true);
  });
});

/*
 * Every public URL comes from `src/routing/` (its README: "A page never builds a URL by hand"): a
 * component that writes `/so-lieu/…` itself keeps linking there after the route moves. The site's
 * top-level URL folders are `src/pages/`'s folders; one of them written in code (a string, a
 * template or an attribute) outside `src/routing/` is a URL built by hand. Comments are prose.
 */
describe('one module for every URL', () => {
  const topFolders = readdirSync(join(root, 'src/pages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name);
  const handWritten = new RegExp(`["'\`=(]/(?:${topFolders.join('|')})(?=[/."'\`])`);

  /** The lines of code that write a site URL, comments left out (`https://` is not a comment). */
  function handWrittenUrls(name: string, text: string): string[] {
    const code = text
      .replace(/(^|\s)\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
      .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '))
      .replace(/(^|\s)\/\/.*$/gm, '$1');
    return code.split('\n').flatMap((line, index) => (handWritten.test(line) ? [`${name}:${index + 1}: ${line.trim()}`] : []));
  }

  it('no module outside src/routing/ writes a public URL itself', () => {
    expect(topFolders).toEqual(expect.arrayContaining(['so-lieu', 'van-ban', 'huong-dan', 'nhung', 'en']));
    const found = sourceFiles
      .map((file) => posix(relative(root, file)))
      .filter((file) => !within(file, 'src/routing'))
      .flatMap((file) => handWrittenUrls(file, readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds a URL written by hand, and not one in a comment or another site', () => {
    expect(handWrittenUrls('a.astro', '<a href="/phat-thanh/">radio</a>')).toHaveLength(1);
    expect(handWrittenUrls('a.ts', "const feed = `/so-lieu/moi-nhat.json`;")).toHaveLength(1);
    expect(handWrittenUrls('a.ts', "twinPath={listPagePath('/en/directives/', 2, 'en')}")).toHaveLength(1);
    expect(handWrittenUrls('a.ts', '/** `/so-lieu/moi-nhat.json`: the newest figures */\n// see /van-ban/\nconst a = 1;')).toEqual([]);
    expect(handWrittenUrls('a.ts', "const store = 'https://apps.apple.com/vn/app/bluezone/id1508062685';")).toEqual([]);
  });
});

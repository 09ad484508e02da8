/**
 * check-data: validates every committed content file without building the site — the regions
 * reference, every statistics snapshot (schema, plausibility bounds, jumps between consecutive
 * figures), national targets, and every letter, guide and FAQ entry (frontmatter schema, the
 * letters library as a whole, and the MDX allowlist). Same schemas as the build
 * (`src/content/content-folders.ts`), same frontmatter parser as Astro.
 *
 *   npm run check-data        (checks ./content of the folder it runs in)
 *
 * Exit 0: every file valid. Exit 1: one line per problem, `file, field: what is wrong`, then a
 * summary line. Nothing is written.
 */
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { z } from 'astro/zod';
import { contentFolders, schemaProblemLines } from '../src/content/content-folders.ts';
import { loadRegions } from '../src/content/regions.ts';
import { isoDateInVietnam } from '../src/lib/core/format.ts';
import { libraryProblems, type DirectiveEntry } from '../src/lib/directives/library.ts';
import { checkMdxFile } from '../src/content/mdx-allowlist.ts';
import { formatProblem, jumpProblems, plausibilityProblems } from '../src/lib/stats/import.ts';
import type { Snapshot } from '../src/content/snapshot.ts';

const root = process.cwd();
const shown = (path: string) => relative(root, path) || path;

const problems: string[] = [];
let checked = 0;

/** The files of one content folder, sorted. */
function filesOf(folder: { base: string; pattern: string }): string[] {
  return globSync(folder.pattern, { cwd: join(root, folder.base) })
    .sort()
    .map((file) => join(root, folder.base, file));
}

/** Parses and validates one file; records `file, field: message` for each issue; returns the data when valid. */
function validate<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
  checked++;
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = file.endsWith('.json') ? JSON.parse(text) : parseFrontmatter(text).frontmatter;
  } catch (error) {
    problems.push(`${shown(file)}: cannot be read (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...schemaProblemLines(shown(file), result.error));
  return undefined;
}

try {
  loadRegions(); // throws naming the line and field of a bad row of the provinces reference
} catch (error) {
  problems.push((error as Error).message);
}

// Statistics snapshots: each file, then the jumps between files.
const regions = loadRegions();
const today = isoDateInVietnam(new Date());
const snapshots: { file: string; snapshot: Snapshot }[] = [];
for (const file of filesOf(contentFolders.snapshots)) {
  const snapshot = validate(file, contentFolders.snapshots.schema);
  if (!snapshot) continue;
  snapshots.push({ file: shown(file), snapshot });
  for (const problem of plausibilityProblems(snapshot, { today, regions })) problems.push(formatProblem({ ...problem, file: shown(file) }));
}
for (const jump of jumpProblems(snapshots)) problems.push(formatProblem({ ...jump.problem, file: jump.later.file }));

for (const file of filesOf(contentFolders.statementTargets)) validate(file, contentFolders.statementTargets.schema);

// Letters, guides, FAQ: frontmatter, then the body against the MDX allowlist.
const letters: DirectiveEntry[] = [];
const letterFiles = new Map<DirectiveEntry, string>();
for (const [name, folder] of [['directives', contentFolders.directives], ['guides', contentFolders.guides], ['faq', contentFolders.faq]] as const) {
  for (const file of filesOf(folder)) {
    const data = validate(file, folder.schema);
    problems.push(...(await checkMdxFile(file)));
    if (name === 'directives' && data) {
      const entry = { id: shown(file), data } as DirectiveEntry;
      letters.push(entry);
      letterFiles.set(entry, shown(file));
    }
  }
}
problems.push(...libraryProblems(letters, (entry) => letterFiles.get(entry)));

for (const problem of problems) console.error(problem);
if (problems.length) {
  console.error(`check-data: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${checked} files`);
  process.exitCode = 1;
} else {
  console.log(`check-data: ${checked} files valid (${snapshots.length} snapshots, ${letters.length} letters, guides, FAQ, targets)`);
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegions } from '../../../content/regions.ts';
import { snapshotSchemaWith } from '../../../content/snapshot.ts';
import { statementTargetSchema } from '../../../content/statement-target.ts';
import type { ChartSpec } from './spec.ts';
import { buildCharts, type ChartInputs } from './from-figures.ts';

/**
 * The charts of the committed content read straight from disk (no Astro): for scripts and tests
 * that draw the real charts outside a build (the contact sheet, the image layout tests). Letters
 * need the MDX collection, so they are left out unless given (a test passes fixture letters).
 */
export function chartsFromDisk(root: string = process.cwd(), directives: ChartInputs['directives'] = []): ChartSpec[] {
  const regions = loadRegions(root);
  const schema = snapshotSchemaWith(regions);
  const read = (dir: string) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({ id: file.slice(0, -5), json: JSON.parse(readFileSync(join(root, dir, file), 'utf8')) as unknown }));
  return buildCharts({
    snapshots: read('content/stats').map(({ id, json }) => ({ id, data: schema.parse(json) })),
    directives,
    statementTargets: read('content/targets').map(({ json }) => ({ data: statementTargetSchema.parse(json) })),
    regions,
  });
}

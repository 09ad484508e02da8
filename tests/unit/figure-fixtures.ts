import type { Figure } from '../../src/lib/stats/figures.ts';

/** A synthetic figure for tests (test data, not a published figure): Cà Mau's 16,08 % shape. */
export function testFigure(over: Partial<Figure> = {}): Figure {
  return {
    id: `test#${Math.random().toString(36).slice(2)}`,
    place: { code: '96', name: 'Cà Mau', level: 'province' },
    date: '2020-09-07',
    kind: 'rate',
    measure: 'downloads',
    basis: 'population',
    value: 16.08,
    qualifier: 'exact',
    printedIn: 'units',
    decimals: null,
    method: 'all_installs',
    rank: 59,
    rankOf: 63,
    group: null,
    source: { name: 'TEST FIXTURE', title: null, url: 'https://example.test/' },
    ...over,
  };
}

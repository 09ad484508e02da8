import { describe, expect, it } from 'vitest';
import { formatRedirects } from '../../src/integrations/redirects-file.ts';
import { redirects } from '../../src/routing/redirects.ts';
import { embedPath } from '../../src/routing/routes.ts';
import { chartsFromDisk } from '../../src/lib/charts/model/disk.ts';

describe('_redirects', () => {
  it('writes one rule per committed redirect', () => {
    const lines = formatRedirects(redirects).trimEnd().split('\n');
    expect(lines.map((line) => line.split(' '))).toEqual(Object.entries(redirects).map(([from, to]) => [from, to, '301']));
  });

  it('refuses a path that would write another rule or leave the site', () => {
    for (const bad of ['/a/ /evil/ 200', '/a/\n/* https://evil.example/ 200', '//evil.example/', 'https://evil.example/', '/a\u0000/']) {
      expect(() => formatRedirects({ '/old/': bad })).toThrow(/src\/routing\/redirects\.ts: .* is not a site path/);
      expect(() => formatRedirects({ [bad]: '/new/' })).toThrow(/is not a site path/);
    }
  });

  it('never redirects an address that is a live chart again (its embed page would be replaced by the redirect)', () => {
    const live = new Set(chartsFromDisk().flatMap((spec) => [embedPath(spec.id, 'vi'), embedPath(spec.id, 'en')]));
    expect(Object.keys(redirects).filter((from) => live.has(from))).toEqual([]);
  });
});

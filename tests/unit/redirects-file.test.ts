import { describe, expect, it } from 'vitest';
import { formatRedirects } from '../../src/integrations/redirects-file.ts';
import { redirects } from '../../src/redirects.ts';

describe('_redirects', () => {
  it('writes one rule per committed redirect', () => {
    const lines = formatRedirects(redirects).trimEnd().split('\n');
    expect(lines.map((line) => line.split(' '))).toEqual(Object.entries(redirects).map(([from, to]) => [from, to, '301']));
  });

  it('refuses a path that would write another rule or leave the site', () => {
    for (const bad of ['/a/ /evil/ 200', '/a/\n/* https://evil.example/ 200', '//evil.example/', 'https://evil.example/', '/a\u0000/']) {
      expect(() => formatRedirects({ '/old/': bad })).toThrow(/src\/redirects\.ts: .* is not a site path/);
      expect(() => formatRedirects({ [bad]: '/new/' })).toThrow(/is not a site path/);
    }
  });
});

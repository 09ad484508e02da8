import { describe, expect, it } from 'vitest';
import { provinceSlugOf, searchKinds, searchKindOf } from '../../src/lib/search/kinds.ts';
import { inSitemap } from '../../src/routing/sitemap.ts';
import { ogImagePath } from '../../src/routing/routes.ts';
import { metaProperties } from '../../src/integrations/og-images.ts';
import { wrapLines } from '../../src/lib/images/og.ts';

describe('search filters from the URL map', () => {
  it('kind of page by URL prefix, both languages', () => {
    expect(searchKinds.length).toBe(4);
    const cases: [string, string | null][] = [
      ['/', 'guide'],
      ['/en/', 'guide'],
      ['/huong-dan/android/', 'guide'],
      ['/en/guide/leaflet/', 'guide'],
      ['/hoi-dap/', 'faq'],
      ['/en/faq/', 'faq'],
      ['/van-ban/5355-ubnd-kgvx-2020/', 'directive'],
      ['/en/directives/', 'directive'],
      ['/so-lieu/ca-mau/', 'statistics'],
      ['/du-lieu/', 'statistics'],
      ['/en/statistics/', 'statistics'],
      ['/chia-se/', null],
      ['/phat-thanh/', null],
    ];
    for (const [path, kind] of cases) expect(searchKindOf(path), path).toBe(kind);
  });

  it('province from province URLs only', () => {
    expect(provinceSlugOf('/so-lieu/ca-mau/')).toBe('ca-mau');
    expect(provinceSlugOf('/so-lieu/quang-ninh/cam-pha/')).toBe('quang-ninh');
    expect(provinceSlugOf('/en/statistics/kien-giang/')).toBe('kien-giang');
    expect(provinceSlugOf('/van-ban/tinh/tra-vinh/')).toBe('tra-vinh');
    expect(provinceSlugOf('/en/directives/province/ca-mau/')).toBe('ca-mau');
    expect(provinceSlugOf('/so-lieu/')).toBeNull();
    expect(provinceSlugOf('/van-ban/5355-ubnd-kgvx-2020/')).toBeNull();
  });
});

describe('sitemap and cards', () => {
  it('sitemap leaves out embeds, redirect stubs and 404', () => {
    expect(inSitemap('https://x.example/huong-dan/')).toBe(true);
    expect(inSitemap('https://x.example/en/guide/leaflet/')).toBe(true);
    expect(inSitemap('https://x.example/nhung/quoc-gia/')).toBe(false);
    expect(inSitemap('https://x.example/en/embed/quoc-gia/')).toBe(false);
    expect(inSitemap('https://x.example/huong-dan/ios/')).toBe(false);
    expect(inSitemap('https://x.example/404/')).toBe(false);
  });

  it('card path and meta reading', () => {
    expect(ogImagePath('/')).toBe('/og/card.png');
    expect(ogImagePath('/huong-dan/android/')).toBe('/og/huong-dan/android/card.png');
    const html = '<meta property="og:title" content="Tờ rơi &amp; &quot;QR&quot; <b>x</b> > y"><meta property="og:image" content="https://x/og/card.png">';
    expect(metaProperties(html)).toEqual({ 'og:title': 'Tờ rơi & "QR" <b>x</b> > y', 'og:image': 'https://x/og/card.png' });
    // A built page: only its head is read; an escaped "</head>" in a title does not end it.
    const page = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta property="og:title" content="a &lt;/head&gt; b"><meta property="og:image" content="https://x/og/p/card.png"></head><body><meta property="og:title" content="not the head">${'<p>x</p>'.repeat(1000)}</body></html>`;
    expect(metaProperties(page)).toEqual({ 'og:title': 'a </head> b', 'og:image': 'https://x/og/p/card.png' });
  });

  it('long titles wrap to at most three lines, cut with an ellipsis', () => {
    const fits = (line: string) => line.length <= 20;
    expect(wrapLines('Cài đặt Bluezone trên điện thoại', fits, 3)).toEqual(['Cài đặt Bluezone', 'trên điện thoại']);
    const cut = wrapLines('một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám chín mười', fits, 3);
    expect(cut).toHaveLength(3);
    expect(cut[2]!.endsWith('…')).toBe(true);
  });

  it('cuts a word wider than a line and stops early on a 4 000-character title', () => {
    let measured = 0;
    const fits = (line: string) => (measured++, line.length <= 20);
    const words = wrapLines('x'.repeat(4000), fits, 3);
    expect(words).toHaveLength(3);
    for (const line of words) expect(line.length).toBeLessThanOrEqual(20);
    expect(words[2]!.endsWith('…')).toBe(true);
    const mixed = wrapLines(`Trà Vinh ${'ảnh'.repeat(30)} ${'dài '.repeat(1000)}`, fits, 3);
    expect(mixed[0]).toBe('Trà Vinh');
    for (const line of mixed) expect(line.length).toBeLessThanOrEqual(20);
    expect(measured).toBeLessThan(200);
  });
});

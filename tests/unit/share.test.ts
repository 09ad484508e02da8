import { describe, expect, it } from 'vitest';
import { bannerSizes, renderBanner } from '../../src/lib/share/banner.ts';
import { bannerFile, bannerPath } from '../../src/routing/routes.ts';
import { escapeMarkup } from '../../src/lib/core/escape.ts';
import { imageLinkSnippet, installCardHtml, linkSnippet } from '../../src/lib/share/snippets.ts';

const links = {
  guide: 'https://bluezone.example/huong-dan/',
  googlePlay: 'https://play.google.com/store/apps/details?id=com.mic.bluezone',
  appStore: 'https://apps.apple.com/vn/app/bluezone/id1508062685',
  qrImage: 'https://bluezone.example/qr/huong-dan.png',
};

describe('share snippets', () => {
  it('escape what they quote', () => {
    expect(escapeMarkup(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(linkSnippet('https://bluezone.example/huong-dan/?a=1&b=2', 'Hướng dẫn "Bluezone"')).toBe(
      '<a href="https://bluezone.example/huong-dan/?a=1&amp;b=2">Hướng dẫn &quot;Bluezone&quot;</a>',
    );
  });

  it('banner snippet links the guide and sizes the image', () => {
    const html = imageLinkSnippet({ href: links.guide, src: 'https://bluezone.example/chia-se/banner/x.png', width: 468, height: 60, alt: 'Cài đặt Bluezone' });
    expect(html).toMatch(/^<a href="https:\/\/bluezone\.example\/huong-dan\/"><img src="[^"]+" width="468" height="60" alt="Cài đặt Bluezone"/);
  });

  it('install card is static HTML that survives a CMS stripping scripts and style sheets', () => {
    for (const lang of ['vi', 'en'] as const) {
      const html = installCardHtml(lang, links);
      expect(html).not.toMatch(/<script|<style|class=|on\w+=/i);
      for (const url of Object.values(links)) expect(html).toContain(escapeMarkup(url));
      expect(html).toContain(`lang="${lang}"`);
    }
    expect(installCardHtml('vi', links)).toContain('CH Play');
  });
});

describe('banners', () => {
  it('exist in several sizes, as SVG with outlined text and as PNG', () => {
    expect(bannerSizes.length).toBeGreaterThanOrEqual(3);
    for (const size of bannerSizes) {
      const svg = renderBanner('vi', size, 'svg').toString('utf8');
      expect(svg).toContain(`viewBox="0 0 ${size.width} ${size.height}"`);
      expect(svg).not.toContain('<text');
      const png = renderBanner('en', size, 'png');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size.width * 2);
    }
    expect(bannerPath('en', bannerSizes[1], 'svg')).toBe(`/chia-se/banner/${bannerFile('en', bannerSizes[1], 'svg')}`);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeQrPng } from '../support/qr-decode.ts';
import { seriousViolations } from './support/axe.ts';
import { builtPages, distDir } from './support/site.ts';

/**
 * The officials' kit and what makes every page shareable: snippets and QR codes built on the
 * `site` setting, copy buttons, banners, Open Graph cards, robots.txt and the sitemap, the radio text.
 */

/** The configured site origin, as the build wrote it into canonical links. */
function siteOrigin(): string {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)![1]!).origin;
}

for (const { path, guide, lang } of [
  { path: '/chia-se/', guide: '/huong-dan/', lang: 'vi' },
  { path: '/en/share/', guide: '/en/guide/', lang: 'en' },
]) {
  test(`${path}: every snippet uses the site's address and copies with one tap`, async ({ page, context }) => {
    const origin = siteOrigin();
    // Snippets are pasted on other sites: every address in them is absolute, on this site's address.
    const base = origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(path);
    // A chooser: every kit starts closed; opening them all shows every snippet.
    const kits = page.locator('details.kit');
    expect(await kits.count()).toBeGreaterThanOrEqual(5);
    for (const kit of await kits.all()) expect(await kit.getAttribute('open')).toBeNull();
    for (const kit of await kits.all()) await kit.locator('summary').first().click();
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const codes = await page.locator('textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      const urls = code.match(/https?:\/\/[^"'\s<]+|(?<=^|["'>\s])\/[^"'\s<]*/g) ?? [];
      expect(urls.length, code).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url.startsWith(`${base}/`) || /^https:\/\/(play\.google\.com|apps\.apple\.com)\//.test(url), url).toBe(true);
      }
    }
    // Links to every guide page of the collection (not a hand-kept list).
    const guideLinks = codes.filter((code) => code.startsWith(`${base}${guide}`) && !code.includes('<'));
    expect(guideLinks.length).toBeGreaterThanOrEqual(5);

    // The install card: static HTML, no script, links the guide, both stores and a QR code PNG.
    const card = await page.locator('#card-html').inputValue();
    expect(card).not.toMatch(/<script|<style|\son\w+=/i);
    expect(card).toContain(`href="${base}${guide}"`);
    expect(card).toContain(`src="${base}/qr/`);
    await expect(page.locator('.card-preview a')).toHaveCount(3);

    // Copy button: the code lands on the clipboard and the page says so.
    const first = page.locator('.snippet').first();
    await first.getByRole('button').click();
    await expect(first.getByRole('status')).not.toBeEmpty();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await first.locator('textarea').inputValue());

    // Banners render, in both languages and several sizes.
    const banners = page.locator('.banner img');
    expect(await banners.count()).toBeGreaterThanOrEqual(6);
    for (const img of await banners.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  });

  test(`${path}: a short chooser at 360 px that opens the kit a link points to`, { tag: '@phone' }, async ({ page }) => {
    await page.goto(path);
    const { height, screen } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, screen: innerHeight }));
    expect(height).toBeLessThanOrEqual(3 * screen);
    // Every format of a chart image is offered.
    const charts = page.locator('#charts');
    await charts.locator('summary').first().click();
    await charts.locator('.share-list details summary').first().click();
    await expect(charts.locator('.share-list details').first().locator('a[href$="1920x1080.png"], a[href$="1200x630.png"], a[href$="1080x1080.png"]')).toHaveCount(3);
    await page.goto(`${path}#qr`);
    await expect(page.locator('#qr')).toHaveAttribute('open', '');
    await expect(page.locator('#qr img').first()).toBeVisible();
  });
}

test('QR code files decode to the guide on this site and to the official stores', { tag: '@desktop' }, async ({ request }) => {
  const origin = siteOrigin();
  const expected: Record<string, string> = {
    'huong-dan': `${origin}/huong-dan/`,
    'en-guide': `${origin}/en/guide/`,
    'google-play': 'https://play.google.com/store/apps/details?id=com.mic.bluezone',
    'app-store': 'https://apps.apple.com/vn/app/bluezone/id1508062685',
  };
  for (const [id, url] of Object.entries(expected)) {
    const png = await request.get(`/qr/${id}.png`);
    expect(png.ok()).toBe(true);
    expect(decodeQrPng(Buffer.from(await png.body()))).toBe(url);
    const svg = await request.get(`/qr/${id}.svg`);
    expect(await svg.text()).toMatch(/^<svg[^>]+viewBox/);
  }
});

// Files do not depend on the viewport.
test('every page has an Open Graph card: title, description, URL and a 1200×630 image', { tag: '@desktop' }, async ({ request }) => {
  const origin = siteOrigin();
  const pages = builtPages({ includeEmbeds: false });
  for (const path of pages) {
    const html = readFileSync(join(distDir, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
    const meta = (property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];
    for (const property of ['og:title', 'og:description', 'og:url', 'og:image', 'twitter:card']) expect(meta(property), `${path} ${property}`).toBeTruthy();
    const image = new URL(meta('og:image')!);
    expect(image.origin).toBe(origin);
    const png = readFileSync(join(distDir, image.pathname));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([1200, 630]);
  }
  expect((await request.get('/og/card.png')).ok()).toBe(true);
});

test('robots.txt points to the sitemap, which lists both languages and leaves out embeds and redirects', { tag: '@desktop' }, async ({ request }) => {
  const origin = siteOrigin();
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
  const index = await (await request.get('/sitemap.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(sitemaps.length).toBeGreaterThan(0);
  const urls = (
    await Promise.all(sitemaps.map(async (path) => (await (await request.get(path)).text()).match(/<loc>[^<]+<\/loc>/g) ?? []))
  ).flat().map((loc) => loc.slice(5, -6));
  for (const path of ['/', '/en/', '/huong-dan/', '/en/guide/', '/chia-se/', '/en/share/', '/huong-dan/to-roi/', '/phat-thanh/']) {
    expect(urls).toContain(`${origin}${path}`);
  }
  expect(urls.filter((url) => /\/(nhung|en\/embed)\//.test(url) || url.endsWith('/huong-dan/ios/'))).toEqual([]);
});

test('/phat-thanh/: a dated text with the latest national figure written to be read aloud, and one text per province', { tag: '@desktop' }, async ({ page }) => {
  await page.goto('/phat-thanh/');
  const script = page.locator('.radio-script');
  await expect(script).toContainText(/Đến ngày \d{1,2}\/\d{1,2}\/\d{4}, cả nước có .*\d.* lượt tải/);
  // The country's text reads no province's deadline.
  await expect(script).not.toContainText('Thời hạn');
  await expect(script).toContainText('Bluetooth');
  await expect(script).toContainText('thông báo');
  await expect(script).toContainText(/vị trí/);
  // No English-style or bare thousands in the spoken figures (e.g. "37,900,000").
  await expect(script).not.toContainText(/\d{1,3},\d{3},\d{3}/);
  // The test build's address is the local preview's: it is never read aloud.
  await expect(script).not.toContainText(/\.example|localhost|127\.0\.0\.1/);
  await expect(page.locator('dl.meta time')).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
  await expect(page.locator('a.lang-switch')).toHaveCount(0);
  // Cà Mau's text: its own figure on a stated basis, its own target and deadline, the letter named as printed.
  await page.locator('a[href="/phat-thanh/ca-mau/"]').click();
  const caMau = page.locator('.radio-script');
  await expect(caMau).toContainText('tỉnh Cà Mau');
  await expect(caMau).toContainText('5355/UBND-KGVX');
  await expect(caMau).not.toContainText('cơ sở tính chưa rõ');
  await expect(caMau).not.toContainText('Kiên Giang');
  await page.goto('/phat-thanh/kien-giang/');
  await expect(page.locator('.radio-script')).toContainText('1119/UBND-KGVX');
  await expect(page.locator('.radio-script')).not.toContainText('5355/UBND-KGVX');
});

/*
 * The compact share panel of a guide page, a province page and a chart, at 360 px: the phone's
 * share sheet (Web Share API, where offered), the link with a copy button, a QR code that decodes
 * to the same link, the picture card; and nothing in it breaks the page's accessibility.
 */
for (const { path, panel, shared } of [
  { path: '/huong-dan/android/', panel: 'details.page-share', shared: '/huong-dan/android/' },
  { path: '/en/statistics/ca-mau/', panel: 'details.page-share', shared: '/en/statistics/ca-mau/' },
  { path: '/so-lieu/', panel: 'details.share-panel:has(#luot-tai-toan-quoc-embed-code)', shared: '/nhung/luot-tai-toan-quoc/' },
]) {
  // The panel is for phones.
  test(`${path}: the share panel gives the link, a QR code of it, the card and the phone's share sheet`, { tag: '@phone' }, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // A browser that offers a share sheet: record what the page hands it.
    await page.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      Object.defineProperty(navigator, 'share', { value: (data: unknown) => ((window as unknown as { shared: unknown[] }).shared.push(data), Promise.resolve()) });
    });
    await page.goto(path);
    const url = new URL(shared, siteOrigin()).href;
    const box = page.locator(panel);
    await box.locator('summary').first().click();
    const kit = box.locator('.share-kit');
    // The link, copied with one tap.
    await expect(kit.locator('textarea')).toHaveValue(url);
    await kit.getByRole('button', { name: /^(Chép|Copy)$/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    // The QR code, as a phone camera reads it off the screen.
    const qr = kit.locator('svg.share-qr');
    await qr.scrollIntoViewIfNeeded();
    expect(decodeQrPng(await qr.screenshot())).toBe(url);
    // The picture card is a real image.
    const card = await page.request.get(new URL((await kit.locator('a[download]').getAttribute('href'))!, page.url()).href);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/png');
    // The share sheet gets the page's title and link.
    await kit.locator('.share-native').click();
    const sent = (await page.evaluate(() => (window as unknown as { shared: { url: string; title: string }[] }).shared)) ?? [];
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(url);
    expect(sent[0]!.title.length).toBeGreaterThan(5);
    // Open at 360 px: nothing overflows, and axe finds no serious problem.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, panel)).toEqual([]);
  });
}

// One browser without Web Share.
test('without a share sheet (most desktop browsers) its button stays hidden; link and QR remain', { tag: '@desktop' }, async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
  await page.goto('/huong-dan/iphone/');
  await page.locator('details.page-share summary').click();
  await expect(page.locator('details.page-share .share-native')).toBeHidden();
  await expect(page.locator('details.page-share textarea')).toBeVisible();
  await expect(page.locator('details.page-share svg.share-qr')).toBeVisible();
});

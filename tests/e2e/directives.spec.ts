import { expect, test, type Page } from '@playwright/test';

/** The directives library on the built site: filters without JavaScript, a letter, feeds. */

const letters = [
  { slug: '588-tbtt-vhtt-2021', number: '588/TBTT-VHTT', date: '3/2/2021', issuer: 'Ban Chỉ đạo phòng chống dịch bệnh COVID-19 thành phố Cẩm Phả', text: '72.014/190.232 (= 37,86%)' },
  { slug: '524-mttq-btt-2020', number: '524/MTTQ-BTT', date: '10/9/2020', issuer: 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau', text: 'đi từng ngõ, gõ từng nhà' },
  { slug: '5355-ubnd-kgvx-2020', number: '5355/UBND-KGVX', date: '8/9/2020', issuer: 'Ủy ban nhân dân tỉnh Cà Mau', text: 'xếp hạng 59/63 (tỷ lệ 16,08%)' },
  { slug: '901-cv-tdtn-btg-2020', number: '901-CV/TĐTN-BTG', date: '21/8/2020', issuer: 'Ban Chấp hành Đoàn tỉnh Kiên Giang', text: 'Đi từng ngõ, gõ từng nhà, hướng dẫn từng người' },
  { slug: '1119-ubnd-kgvx-2020', number: '1119/UBND-KGVX', date: '19/8/2020', issuer: 'Ủy ban nhân dân tỉnh Kiên Giang', text: 'khoảng 145.800 lượt tải' },
  { slug: 'stttt-bcvtcntt-tra-vinh-2020-08-13', number: '…/STTTT-BCVTCNTT', date: '13/8/2020', issuer: 'Sở Thông tin và Truyền thông tỉnh Trà Vinh', text: 'chỉ đạt khoảng 5,06%' },
];

/** Slugs of the listed letters, in page order. */
async function listed(page: Page): Promise<string[]> {
  return page.locator('ul.directive-list > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-slug') ?? ''));
}

test.describe('listing and filters, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list shows every letter newest first', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/van-ban/');
    expect(await listed(page)).toEqual(letters.map((l) => l.slug));
    await expect(page.locator('#directive-count strong')).toHaveText('6');
    for (const letter of letters) {
      const item = page.locator(`li[data-slug="${letter.slug}"]`);
      await expect(item).toContainText(letter.number);
      await expect(item.locator('time')).toHaveText(letter.date);
    }
    await expect(page.locator('li[data-slug="5355-ubnd-kgvx-2020"] .urgency')).toHaveText('HỎA TỐC');
  });

  test('filter links lead to static pages by province, level and year', async ({ page }) => {
    await page.goto('/van-ban/');
    await page.locator('a[data-filter="province"]', { hasText: 'Kiên Giang' }).click();
    await expect(page).toHaveURL(/\/van-ban\/tinh\/kien-giang\/$/);
    expect(await listed(page)).toEqual(['901-cv-tdtn-btg-2020', '1119-ubnd-kgvx-2020']);
    await expect(page.locator('a[data-filter="province"][aria-current="page"]')).toContainText('Kiên Giang');

    await page.locator('a[data-filter="level"]', { hasText: /^Tỉnh/ }).click();
    await expect(page).toHaveURL(/\/van-ban\/cap\/tinh\/$/);
    expect(await listed(page)).toEqual(['5355-ubnd-kgvx-2020', '1119-ubnd-kgvx-2020']);

    await page.locator('a[data-filter="year"]', { hasText: '2021' }).click();
    await expect(page).toHaveURL(/\/van-ban\/nam\/2021\/$/);
    expect(await listed(page)).toEqual(['588-tbtt-vhtt-2021']);

    await page.goto('/van-ban/tinh/ca-mau/');
    expect(await listed(page)).toEqual(['524-mttq-btt-2020', '5355-ubnd-kgvx-2020']);
    await page.goto('/en/directives/level/youth-union/');
    expect(await listed(page)).toEqual(['901-cv-tdtn-btg-2020']);
  });
});

test.describe('a letter', () => {
  test('every letter renders its metadata, text and dates as dd/mm/yyyy with Vietnamese diacritics', { tag: '@desktop' }, async ({ page }) => {
    for (const letter of letters) {
      await page.goto(`/van-ban/${letter.slug}/`);
      await expect(page.locator('h1')).toContainText(letter.number);
      const meta = page.locator('dl.directive-meta-block');
      await expect(meta).toContainText(letter.issuer);
      await expect(meta.locator('time')).toHaveText(letter.date);
      await expect(page.locator('.letter')).toContainText(letter.text);
      await expect(page.locator('.letter .signature')).toBeVisible();
      // No ISO date leaks into the reading text (addresses may contain one: the unnumbered slug;
      // without SITE_URL the permanent address is printed as a path).
      const text = (await page.locator('main').innerText()).replace(/(?:https?:\/\/|\/van-ban\/)\S+/g, '');
      expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    }
  });

  test('1119/UBND-KGVX: figures, target, deadlines, citations and the cite box', { tag: '@desktop' }, async ({ page, baseURL }) => {
    await page.goto('/van-ban/1119-ubnd-kgvx-2020/');
    await expect(page.locator('ul.statistics')).toContainText('13\u00a0% dân số 15–60 tuổi (khoảng 145.800 lượt tải), Kiên Giang, đến ngày 16/8/2020');
    await expect(page.locator('ul.targets')).toContainText('tối thiểu 60\u00a0% người dùng điện thoại thông minh, Kiên Giang, đến ngày 20/8/2020');
    await expect(page.locator('ul.deadlines')).toContainText('24/8/2020');
    // 2841/BTTTT-THH is not in the library: cited, not linked, pointing to the missing index.
    const cites = page.locator('ul.cites > li');
    await expect(cites.locator('cite')).toHaveText('2841/BTTTT-THH');
    await expect(cites.locator('a[href="/van-ban/chua-co/#missing-2841-btttt-thh-2020"]')).toHaveCount(1);
    await expect(page.locator('ul.cited-by a[href="/van-ban/901-cv-tdtn-btg-2020/"]')).toHaveCount(1);
    const url = await page.locator('.cite-url').textContent();
    // The permanent address in full, on the site's own address (what an official pastes into a report).
    expect(url).toBe(new URL('/van-ban/1119-ubnd-kgvx-2020/', (await page.locator('link[rel="canonical"]').getAttribute('href'))!).href);
    await expect(page.locator('.cite-text')).toContainText('Ủy ban nhân dân tỉnh Kiên Giang, văn bản số 1119/UBND-KGVX, Kiên Giang, ngày 19/8/2020');
    await page.goto('/van-ban/chua-co/');
    await expect(page.locator('li#missing-2841-btttt-thh-2020 a[href="/van-ban/1119-ubnd-kgvx-2020/"]')).toHaveCount(1);
    expect(baseURL).toBeTruthy();
  });

  test('the unnumbered letter says so; the misprinted 3555 links to 5355; no broken mailto', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/van-ban/stttt-bcvtcntt-tra-vinh-2020-08-13/');
    await expect(page.locator('h1 .unnumbered')).toHaveText('(không ghi số)');
    await expect(page.locator('.callout')).toContainText('không tự đặt số');
    await page.goto('/van-ban/524-mttq-btt-2020/');
    const misprint = page.locator('ul.cites > li', { hasText: '3555' });
    await expect(misprint.locator('a[href="/van-ban/5355-ubnd-kgvx-2020/"]')).toHaveCount(1);
    await page.goto('/van-ban/901-cv-tdtn-btg-2020/');
    await expect(page.locator('.letter')).toContainText('ban_tuyen_giao@tinhdoankien Giang.org.vn');
    await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
    await page.goto('/van-ban/5355-ubnd-kgvx-2020/');
    await expect(page.locator('.letter')).toContainText('HỎA TỐC');
    await expect(page.locator('.letter')).not.toContainText('HỒA');
  });

  test('the English page summarises and links the Vietnamese original', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/en/directives/5355-ubnd-kgvx-2020/');
    await expect(page.locator('h1')).toContainText('second reminder');
    await expect(page.locator('main')).toContainText('8 September 2020');
    await expect(page.locator('ul.deadlines')).toContainText('12 September 2020');
    await page.locator('a.button[hreflang="vi"]').click();
    await expect(page).toHaveURL(/\/van-ban\/5355-ubnd-kgvx-2020\/$/);
  });

  test('the timeline is in date order and covers every letter', { tag: '@desktop' }, async ({ page }) => {
    await page.goto('/van-ban/dong-thoi-gian/');
    const dates = await page.locator('li.timeline-day').evaluateAll((days) => days.map((d) => d.getAttribute('data-date') ?? ''));
    expect(dates.length).toBeGreaterThan(6);
    expect(dates).toEqual([...dates].sort());
    await expect(page.locator('li.event-issued')).toHaveCount(6);
    await expect(page.locator('li.timeline-day[data-date="2020-08-20"] li.event-target')).toHaveCount(2);
  });
});

test.describe('feeds', () => {
  for (const path of ['/van-ban/rss.xml', '/en/directives/rss.xml']) {
    test(`${path} is valid RSS 2.0 with one item per letter`, { tag: '@desktop' }, async ({ page, request }) => {
      const response = await request.get(path);
      expect(response.ok()).toBe(true);
      const xml = await response.text();
      await page.goto('/van-ban/');
      const feed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          version: doc.documentElement.getAttribute('version'),
          root: doc.documentElement.nodeName,
          title: doc.querySelector('channel > title')?.textContent ?? '',
          items: [...doc.querySelectorAll('channel > item')].map((item) => ({
            title: item.querySelector('title')?.textContent ?? '',
            link: item.querySelector('link')?.textContent ?? '',
            guid: item.querySelector('guid')?.textContent ?? '',
            pubDate: item.querySelector('pubDate')?.textContent ?? '',
          })),
        };
      }, xml);
      expect(feed.error).toBeNull();
      expect(feed.root).toBe('rss');
      expect(feed.version).toBe('2.0');
      expect(feed.title.length).toBeGreaterThan(5);
      expect(feed.items).toHaveLength(letters.length);
      for (const [index, item] of feed.items.entries()) {
        expect(item.title.length).toBeGreaterThan(5);
        expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
        const link = new URL(item.link);
        expect(link.pathname).toContain(letters[index]!.slug);
        expect((await request.get(link.pathname)).status()).toBe(200);
      }
    });
  }

  test('/van-ban/index.json lists every letter with its metadata', { tag: '@desktop' }, async ({ request }) => {
    const response = await request.get('/van-ban/index.json');
    expect(response.headers()['content-type']).toContain('json');
    const json = await response.json();
    expect(json.count).toBe(letters.length);
    expect(json.documents.map((d: { slug: string }) => d.slug)).toEqual(letters.map((l) => l.slug));
    const travinh = json.documents.find((d: { slug: string }) => d.slug === 'stttt-bcvtcntt-tra-vinh-2020-08-13');
    expect(travinh).toMatchObject({ number: null, symbol: 'STTTT-BCVTCNTT', date: '2020-08-13', level: 'department', province: { code: '84', slug: 'tra-vinh' } });
    expect(travinh.statistics[0]).toMatchObject({ percent: 5.06, basis: 'population', rank: { position: 62, of: 63 } });
    const missing = json.missing.map((m: { key: string }) => m.key);
    expect(missing).toEqual(expect.arrayContaining(['2841-btttt-thh-2020', '4865-ubnd-kgvx-2020', '1166-stttt-cnttbcvt-2020', '888-cv-tdtn-btg-2020', '3065-ubnd-cnxd-2020']));
  });
});

// Accessibility: axe runs on every directives page at desktop width (site.spec, every page) and
// at 360 px on one page of each kind (list, filter, letter, timeline, letters not in the library).

/**
 * Vietnamese UI strings: the original. Flat keys, grouped by a prefix per area of the site.
 * `en.ts` must define exactly the same keys (its type is derived from this file), so a missing
 * translation fails `astro check` instead of showing a blank.
 * Add a key inside your area's block; keep blocks in this order.
 */
export const vi = {
  // — site —
  'site.name': 'Bluezone – Hướng dẫn cài đặt',
  'site.tagline': 'Cổng thông tin về ứng dụng Bluezone phòng, chống dịch COVID-19',
  'site.skipToContent': 'Bỏ qua, đến nội dung chính',
  'site.languageSwitch': 'English',
  'site.languageSwitchLabel': 'Đọc trang này bằng tiếng Anh',
  'site.navLabel': 'Mục chính',
  'site.menu': 'Mục lục',
  'site.footer.about':
    'Trang thông tin mã nguồn mở, giúp người dân cài đặt và sử dụng Bluezone. Nội dung dựa trên văn bản chính thức của cơ quan nhà nước và số liệu đã công bố; mỗi số liệu đều ghi nguồn.',
  'site.footer.appSource': 'Bluezone do Bộ Thông tin và Truyền thông và Bộ Y tế phát hành (2020).',
  'site.footer.built': 'Trang được tạo ngày',
  'site.footer.sources': 'Nguồn số liệu và văn bản',
  'nav.home': 'Trang chủ',
  'nav.guide': 'Hướng dẫn',
  'nav.faq': 'Hỏi đáp',
  'nav.statistics': 'Số liệu',
  'nav.directives': 'Văn bản',
  'nav.data': 'Dữ liệu',
  'nav.search': 'Tìm kiếm',
  'nav.share': 'Chia sẻ',
  // — home —
  // — guide —
  // — faq —
  // — directives —
  // — statistics —
  // — charts —
  // — data —
  // — search —
  // — share —
  // — errors —
  'error.notFound.title': 'Không tìm thấy trang',
} as const;

export type UiKey = keyof typeof vi;

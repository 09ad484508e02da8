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
  'search.title': 'Tìm kiếm',
  'search.description': 'Tìm trong hướng dẫn cài đặt, hỏi đáp, văn bản chỉ đạo và số liệu về Bluezone; gõ có dấu hay không dấu đều được.',
  'search.label': 'Tìm trên trang',
  'search.placeholder': 'Ví dụ: cai dat bluetooth',
  'search.submit': 'Tìm',
  'search.intro': 'Gõ có dấu hay không dấu đều được: “cai dat” tìm ra “cài đặt”, “doan thanh nien” tìm ra “Đoàn Thanh niên”. Có thể tìm theo số văn bản (5355, 1119/UBND) hoặc tên tỉnh (Cà Mau).',
  'search.filters': 'Lọc kết quả',
  'search.kind': 'Loại nội dung',
  'search.kind.all': 'Tất cả',
  'search.kind.guide': 'Hướng dẫn',
  'search.kind.faq': 'Hỏi đáp',
  'search.kind.directive': 'Văn bản',
  'search.kind.statistics': 'Số liệu',
  'search.province': 'Tỉnh, thành phố',
  'search.province.all': 'Mọi tỉnh, thành phố',
  'search.noJs': 'Ô tìm kiếm chạy ngay trên trình duyệt và cần JavaScript; trình duyệt này đang tắt hoặc không hỗ trợ JavaScript. Mọi nội dung đều mở được từ các mục chính dưới đây:',
  'search.loading': 'Đang tìm…',
  'search.results': '{count} kết quả cho “{query}”',
  'search.results.one': '1 kết quả cho “{query}”',
  'search.noResults': 'Không tìm thấy kết quả cho “{query}”. Hãy thử từ khác ngắn hơn, hoặc xem các mục chính dưới đây.',
  'search.error': 'Không tải được dữ liệu tìm kiếm. Hãy tải lại trang, hoặc xem các mục chính dưới đây.',
  'search.sections': 'Các mục chính',
  // — share —
  // — errors —
  'error.notFound.title': 'Không tìm thấy trang',
} as const;

export type UiKey = keyof typeof vi;

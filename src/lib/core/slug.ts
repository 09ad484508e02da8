/**
 * URL slug from Vietnamese text: lowercase ASCII, `đ` → `d`, tone and vowel marks stripped,
 * anything else collapsed to single hyphens. `Thành phố Hồ Chí Minh` → `thanh-pho-ho-chi-minh`.
 */
export function slugify(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Folds Vietnamese text for matching the way people type on a phone: no marks, `đ` as `d`. */
export function foldVietnamese(text: string): string {
  return text.replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

/** Sorts Vietnamese names in dictionary order (Đ after D, Ư after U, tones as the dictionary). */
export const vietnameseCollator = new Intl.Collator('vi');

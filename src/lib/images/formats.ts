/**
 * Image formats offered for every chart and map: television (16:9 full HD), link cards (Open
 * Graph) and square posts (Zalo, Facebook). `file` is the size part of the file name.
 */
export const imageFormats = {
  tv: { width: 1920, height: 1080, file: '1920x1080', unit: 36 },
  // Cards and posts are seen small (a phone's feed): their type is larger than the minimum.
  card: { width: 1200, height: 630, file: '1200x630', unit: 27 },
  square: { width: 1080, height: 1080, file: '1080x1080', unit: 38 },
} as const;
export type ImageFormat = keyof typeof imageFormats;
export const imageFormatList = Object.keys(imageFormats) as ImageFormat[];

/** A rectangle by its edges, in pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The centred box covering `share` of each dimension (broadcast safe areas: 0.9 action, 0.8 title). */
export function safeBox(width: number, height: number, share: number): Box {
  const x = (width * (1 - share)) / 2;
  const y = (height * (1 - share)) / 2;
  return { left: x, top: y, right: width - x, bottom: height - y };
}

/** Smallest type on an image: 1/30 of its height (36 px at 1080 p, legible from three metres). */
export function minTextSize(height: number): number {
  return Math.ceil(height / 30);
}

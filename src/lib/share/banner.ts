import { createCanvas, SvgExportFlag, type SKRSContext2D } from '@napi-rs/canvas';
import { t, type Lang } from '../../i18n/index.ts';
import { canvasSvg } from '../images/canvas-svg.ts';
import { registerFonts } from '../images/fonts.ts';

/**
 * "Install Bluezone" banners and buttons for officials' web pages, in common web-banner sizes.
 * Drawn once with @napi-rs/canvas into SVG (text converted to outlines, so the banner looks the
 * same on a server with no Vietnamese font) and into PNG (for CMSs that refuse SVG uploads).
 */
export const bannerSizes = [
  { width: 180, height: 60 },
  { width: 468, height: 60 },
  { width: 728, height: 90 },
  { width: 300, height: 250 },
] as const;

export type BannerSize = (typeof bannerSizes)[number];
export type BannerFormat = 'svg' | 'png';

const texts = (lang: Lang) => ({ title: t(lang, 'share.banner.text.title'), subtitle: t(lang, 'share.banner.text.subtitle'), action: t(lang, 'share.banner.text.action') });

/** Alt text of a banner: what it says, since that is what a screen reader user needs. */
export function bannerAlt(lang: Lang): string {
  return `${texts(lang).title} – ${texts(lang).subtitle}`;
}

/** A right arrow `length` wide, its shaft on `y`, starting at `x`. */
function drawArrow(ctx: SKRSContext2D, x: number, y: number, length: number, colour: string): void {
  const head = length * 0.45;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(1.5, length * 0.14);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + length, y);
  ctx.moveTo(x + length - head, y - head);
  ctx.lineTo(x + length, y);
  ctx.lineTo(x + length - head, y + head);
  ctx.stroke();
  ctx.restore();
}

function draw(ctx: SKRSContext2D, family: string, lang: Lang, { width, height }: BannerSize): void {
  const { title, subtitle, action } = texts(lang);
  ctx.fillStyle = '#0b5cad';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#0a7a4b';
  const stripe = Math.max(4, Math.round(height * 0.06));
  ctx.fillRect(0, height - stripe, width, stripe);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  const tall = height > 100;
  const pad = Math.round(Math.min(width, height) * (tall ? 0.1 : 0.2));
  // The largest title size that fits the width.
  let size = Math.round(tall ? height * 0.16 : height * (width < 300 ? 0.36 : 0.34));
  ctx.font = `bold ${size}px "${family}"`;
  while (ctx.measureText(title).width > width - 2 * pad && size > 10) {
    size -= 1;
    ctx.font = `bold ${size}px "${family}"`;
  }
  const showSubtitle = width >= 300;
  if (!showSubtitle) {
    ctx.fillText(title, pad, (height - stripe) / 2);
    return;
  }
  const subSize = Math.round(size * 0.55);
  if (tall) {
    ctx.fillText(title, pad, height * 0.3);
    ctx.font = `${subSize}px "${family}"`;
    ctx.fillText(subtitle, pad, height * 0.3 + size * 1.1);
    // A button-like label with an arrow: the banner is one big link. The arrow is drawn, not a
    // "→" character, which Noto Sans lacks (it came from whatever font the machine had).
    ctx.font = `bold ${subSize}px "${family}"`;
    const textWidth = ctx.measureText(action).width;
    const arrow = subSize * 0.8;
    const gap = subSize * 0.4;
    ctx.beginPath();
    ctx.roundRect(pad, height * 0.7, textWidth + gap + arrow + subSize * 1.6, subSize * 2.2, 6);
    ctx.fill();
    ctx.fillStyle = '#0b5cad';
    const middle = height * 0.7 + subSize * 1.1;
    ctx.fillText(action, pad + subSize * 0.8, middle);
    drawArrow(ctx, pad + subSize * 0.8 + textWidth + gap, middle, arrow, '#0b5cad');
  } else {
    ctx.fillText(title, pad, (height - stripe) * 0.36);
    ctx.font = `${subSize}px "${family}"`;
    ctx.fillText(subtitle, pad, (height - stripe) * 0.76);
  }
}

/** One banner file's bytes. */
export function renderBanner(lang: Lang, size: BannerSize, format: BannerFormat): Buffer {
  const family = registerFonts();
  if (format === 'svg') {
    const canvas = createCanvas(size.width, size.height, SvgExportFlag.ConvertTextToPaths);
    draw(canvas.getContext('2d'), family, lang, size);
    // A viewBox lets the banner shrink with its container on a narrow phone.
    const svg = canvasSvg(canvas);
    return Buffer.from(svg.replace('<svg ', `<svg viewBox="0 0 ${size.width} ${size.height}" `), 'utf8');
  }
  // Twice the pixels, shown at the nominal size: sharp on high-density phone screens.
  const canvas = createCanvas(size.width * 2, size.height * 2);
  const ctx = canvas.getContext('2d');
  ctx.scale(2, 2);
  draw(ctx, family, lang, size);
  return canvas.toBuffer('image/png');
}

import type { APIRoute, GetStaticPaths } from 'astro';
import { languages, type Lang } from '../../../i18n/index.ts';
import { bannerSizes, renderBanner, type BannerFormat, type BannerSize } from '../../../lib/share/banner.ts';
import { bannerFile } from '../../../routing/routes.ts';
import { renderKey } from '../../../lib/images/render-cache.ts';

/**
 * `/chia-se/banner/bluezone-<lang>-<w>x<h>.<svg|png>`: every banner in both languages and formats.
 * A banner is made from its language, size and format alone (and code): an incremental build copies it.
 */
export const getStaticPaths = (() =>
  languages.flatMap((lang) =>
    bannerSizes.flatMap((size) =>
      (['svg', 'png'] as const).map((format) => ({
        params: { file: bannerFile(lang, size, format) },
        props: { lang, size, format },
        cacheKey: renderKey('banner', [lang, size, format]),
      })),
    ),
  )) satisfies GetStaticPaths;

interface Props {
  lang: Lang;
  size: BannerSize;
  format: BannerFormat;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const body = renderBanner(props.lang, props.size, props.format);
  const type = props.format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png';
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': type } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { qrSvg, qrTargetIds, qrTargetUrl, type QrTargetId } from '../../lib/share/qr.ts';

/** `/qr/<id>.svg`: a QR code for print and for officials' pages, regenerated at every build. */
export const getStaticPaths = (() => qrTargetIds.map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const svg = await qrSvg(qrTargetUrl(params.id as QrTargetId, site!));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};

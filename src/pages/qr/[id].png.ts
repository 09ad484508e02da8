import type { APIRoute, GetStaticPaths } from 'astro';
import { qrPng, qrTargetIds, qrTargetUrl, type QrTargetId } from '../../lib/share/qr.ts';

/** `/qr/<id>.png`: the same QR code as a 600 px PNG, for tools that do not take SVG. */
export const getStaticPaths = (() => qrTargetIds.map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const png = await qrPng(qrTargetUrl(params.id as QrTargetId, site!));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

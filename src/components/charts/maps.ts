import { loadChartCatalogue } from '../../lib/charts/publish/catalogue.ts';
import { mapLayers } from '../../lib/maps/data.ts';
import type { MapLayer } from '../../lib/maps/draw.ts';

/** Every province map of the build (one per measure × stated basis with enough provinces), lead map first. */
export async function loadMapLayers(): Promise<MapLayer[]> {
  const { figures } = await loadChartCatalogue();
  return mapLayers(figures);
}

/** `getStaticPaths` of the map embed pages, shared by the vi and en routes. */
export async function mapEmbedPaths() {
  return (await loadMapLayers()).map((layer) => ({ params: { map: layer.id.replace(/^ban-do-/, '') }, props: { layer } }));
}

import { loadChartCatalogue } from '../../lib/chart-catalogue.ts';
import { mapLayers } from '../../lib/map-data.ts';
import type { MapLayer } from '../../lib/map.ts';

/** Every province map of the build (one per measure × stated basis with enough provinces), lead map first. */
export async function loadMapLayers(): Promise<MapLayer[]> {
  const { figures } = await loadChartCatalogue();
  return mapLayers(figures);
}

/** `getStaticPaths` of the map embed pages, shared by the vi and en routes. */
export async function mapEmbedPaths() {
  return (await loadMapLayers()).map((layer) => ({ params: { map: layer.id.replace(/^ban-do-/, '') }, props: { layer } }));
}

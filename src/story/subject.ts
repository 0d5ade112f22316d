/**
 * What a step is about, to keep in view on every screen: its highlighted features and the troop
 * movements that begin in it, how far they reach, and the names the map writes beside its places.
 */
import { unionOfExtents } from '../geo/extent.ts';
import { nameAt } from '../geo/features.ts';
import type { LayerCatalog } from './resolve.ts';
import type { Step, Subject } from './types.ts';

export function subjectOf(
  { highlight, moving, period }: Pick<Step, 'highlight' | 'moving' | 'period'>,
  catalog: LayerCatalog,
): Subject | null {
  const refs = [...highlight, ...moving.map((id) => ({ layer: 'troop-movements', id }))];
  const features = refs.flatMap(({ layer, id }) => {
    const feature = catalog[layer]?.[id];
    return feature ? [{ layer, id, ...feature }] : [];
  });
  if (features.length === 0) return null;
  const [west, south, east, north] = unionOfExtents(features.map((feature) => feature.bbox));
  return {
    bounds: [
      [west, south],
      [east, north],
    ],
    names: features
      .filter((feature) => feature.layer === 'places')
      .map(({ id, bbox, name, names }) => ({
        id,
        // On the side of the antimeridian the subject's extent is on.
        at: [bbox[0] + 360 * Math.ceil((west - bbox[0]) / 360 - 1e-9), bbox[1]],
        // The map names places as they were at the end of the step's period.
        text: nameAt({ name: name ?? id, names }, period[1]),
      })),
  };
}

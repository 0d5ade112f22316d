/** Moving the camera and knowing when the map has caught up. */
import type * as maplibregl from 'maplibre-gl';
import { flightDuration, sameCamera } from '../geo/flight.ts';
import type { Camera } from './frame.ts';

export function readCamera(map: maplibregl.Map): Camera {
  const { lng, lat } = map.getCenter();
  return {
    center: [lng, lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
}

/** Flies (a new subject, with motion) or jumps (a new layout, no motion) to a camera. */
export function moveCamera(map: maplibregl.Map, target: Camera, fly: boolean): void {
  const from = readCamera(map);
  if (sameCamera(from, target)) return;
  const { center, zoom, bearing, pitch } = target;
  // No `essential: true`: maplibre then honours prefers-reduced-motion with an instant move.
  if (fly) map.flyTo({ center, zoom, bearing, pitch, duration: flightDuration(from, target) });
  else map.jumpTo({ center, zoom, bearing, pitch });
}

/**
 * Resolves when no camera move is running and the map has rendered everything, or, once `stalled`
 * says a data file is overdue (maplibre is then never idle), everything it has.
 */
export async function settled(
  map: maplibregl.Map,
  stalled: () => Promise<void> = () => new Promise(() => {}),
): Promise<void> {
  for (;;) {
    if (map.isMoving()) await map.once('moveend');
    map.triggerRepaint();
    await Promise.race([map.once('idle'), stalled().then(() => drawn(map))]);
    if (!map.isMoving()) return;
  }
}

/** Resolves once the map has drawn a new frame (one is asked for: an idle map draws none). */
function drawn(map: maplibregl.Map): Promise<unknown> {
  const frame = map.once('render');
  map.triggerRepaint();
  return frame;
}

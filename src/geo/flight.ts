/**
 * How long the camera takes to fly between two views: about 1.5 s between neighbours, up to 2.5 s
 * across the world or through large zoom changes, so every move reads as deliberate.
 */
import distance from '@turf/distance';

export interface CameraLike {
  center: [number, number];
  zoom: number;
}

export const MIN_FLIGHT_MS = 1500;
export const MAX_FLIGHT_MS = 2500;
/** A move this far (km), or through this many zoom levels, takes the longest flight. */
const FAR_KM = 5000;
const FAR_ZOOM = 5;

export function flightDuration(from: CameraLike, to: CameraLike): number {
  const km = distance(from.center, to.center, { units: 'kilometers' });
  const effort = Math.min(1, km / FAR_KM + Math.abs(to.zoom - from.zoom) / FAR_ZOOM);
  return Math.round(MIN_FLIGHT_MS + (MAX_FLIGHT_MS - MIN_FLIGHT_MS) * effort);
}

/** Whether two cameras show the same view, within what a reader could see. */
export function sameCamera(
  a: CameraLike & { bearing: number; pitch: number },
  b: CameraLike & { bearing: number; pitch: number },
): boolean {
  const tolerance = 1e-7 * 2 ** (22 - Math.max(a.zoom, b.zoom));
  return (
    Math.abs(a.zoom - b.zoom) < 1e-3 &&
    Math.abs(a.center[0] - b.center[0]) < tolerance &&
    Math.abs(a.center[1] - b.center[1]) < tolerance &&
    Math.abs(a.bearing - b.bearing) < 0.1 &&
    Math.abs(a.pitch - b.pitch) < 0.1
  );
}

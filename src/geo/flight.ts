/**
 * How long the camera takes to fly between two views: long enough to read as a move from one
 * place to another (0.6 s between neighbours), short enough that the subject has settled about a
 * second after the reader asked for it (as in the news-graphics story maps readers know), and up
 * to 1.6 s across the world or through large zoom changes, which need the time to stay legible.
 */
import distance from '@turf/distance';

export interface CameraLike {
  center: [number, number];
  zoom: number;
}

export const MIN_FLIGHT_MS = 600;
export const MAX_FLIGHT_MS = 1600;
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

/** Simplification of a static map's lines and rings, in pixels, after projection and clipping. */
import simplify from '@turf/simplify';
import type { GeoStream } from 'd3-geo';
import type { Position } from 'geojson';

/** Simplification tolerance, in pixels. */
const TOLERANCE = 0.4;
/** Rings smaller than this across, in pixels, are not drawn. */
const MIN_RING = 1;

/** A stream stage that simplifies each line and ring and drops rings too small to see. */
export function simplifyStream(sink: GeoStream): GeoStream {
  let polygon = false;
  let line: Position[] | null = null;
  return {
    point(x, y) {
      if (line) line.push([x, y]);
      else sink.point(x, y);
    },
    lineStart() {
      line = [];
    },
    lineEnd() {
      const kept = simplified(line ?? [], polygon);
      line = null;
      if (!kept) return;
      sink.lineStart();
      for (const [x = 0, y = 0] of kept) sink.point(x, y);
      sink.lineEnd();
    },
    polygonStart() {
      polygon = true;
      sink.polygonStart();
    },
    polygonEnd() {
      polygon = false;
      sink.polygonEnd();
    },
    sphere() {
      sink.sphere?.();
    },
  };
}

/** The line or ring (open: d3 streams rings without their closing point) simplified, or null. */
function simplified(points: Position[], ring: boolean): Position[] | null {
  const fewest = ring ? 3 : 2;
  if (points.length < fewest) return null;
  // Douglas–Peucker alone (highQuality), as the tolerance is already in pixels.
  const { coordinates } = simplify(
    { type: 'LineString', coordinates: points },
    { tolerance: TOLERANCE, highQuality: true, mutate: true },
  );
  if (coordinates.length < fewest) return null;
  if (ring) {
    const xs = coordinates.map(([x = 0]) => x);
    const ys = coordinates.map(([, y = 0]) => y);
    const across = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    if (across < MIN_RING) return null;
  }
  return coordinates;
}

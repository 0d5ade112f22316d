/**
 * The land of the locator inset (src/map/locator.ts): the basemap's land clipped to the inset's
 * extent and simplified to what a map 160 px wide at most can show, a few kilobytes.
 */
import bboxClip from '@turf/bbox-clip';
import simplify from '@turf/simplify';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Bounds } from '../src/story/types.ts';

/**
 * Simplification tolerance and rounding, in degrees: the inset shows about half a degree a pixel
 * (0.4 on the museum's screen).
 */
const TOLERANCE = 0.2;
const PRECISION = 1;
/** Islands smaller than this across (degrees) are left out: a pixel or less. */
const MIN_ACROSS = 0.6;
/** Clipped a little beyond the extent, so that no clip edge is seen. */
const BEYOND = 1;

export function locatorLand(
  land: FeatureCollection<Polygon | MultiPolygon>,
  [[west, south], [east, north]]: Bounds,
): FeatureCollection<MultiPolygon> {
  const box: [number, number, number, number] = [
    west - BEYOND,
    south - BEYOND,
    east + BEYOND,
    north + BEYOND,
  ];
  const polygons = land.features
    .flatMap((feature): Position[][][] => {
      const geometry = bboxClip(feature.geometry, box).geometry as Polygon | MultiPolygon;
      return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    })
    .map((rings) => rings.map(simplified).filter((ring): ring is Position[] => ring !== null))
    .filter((rings) => rings.length > 0);
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiPolygon', coordinates: polygons },
      },
    ],
  };
}

/** A ring simplified and rounded, or null when too small to see. */
function simplified(ring: Position[]): Position[] | null {
  if (ring.length < 4) return null;
  const xs = ring.map(([x = 0]) => x);
  const ys = ring.map(([, y = 0]) => y);
  const across = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  if (across < MIN_ACROSS) return null;
  const { coordinates } = simplify(
    { type: 'LineString', coordinates: ring },
    { tolerance: TOLERANCE, highQuality: true },
  );
  const factor = 10 ** PRECISION;
  const rounded = coordinates
    .map(([x = 0, y = 0]) => [Math.round(x * factor) / factor, Math.round(y * factor) / factor])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return rounded.length >= 4 ? rounded : null;
}

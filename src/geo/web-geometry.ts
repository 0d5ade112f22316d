/**
 * Curated geometry as the web gets it (run at build): diplomatic links become great-circle arcs,
 * lines and rings lose vertices that no zoom of the story can show, and every coordinate is
 * rounded to 3 decimals (about 100 m; the basemap is coarser still).
 */
import greatCircle from '@turf/great-circle';
import simplify from '@turf/simplify';
import type { Feature, Geometry, Position } from 'geojson';

/** Degrees: a tenth of a pixel at zoom 8, the closest any step looks. */
const TOLERANCE = 0.0005;
const DIGITS = 3;

export function forWeb<F extends Feature<Geometry>>(feature: F, arc: boolean): F {
  let geometry = feature.geometry;
  if (arc && geometry.type === 'LineString') geometry = arcThrough(geometry.coordinates);
  if (geometry.type !== 'Point' && geometry.type !== 'MultiPoint')
    geometry = simplify(geometry, { tolerance: TOLERANCE });
  return { ...feature, geometry: round(geometry) };
}

/** The great circle through a link's ends, one vertex per degree or so (~100 km), split at the antimeridian. */
function arcThrough(line: Position[]): Geometry {
  const start = line[0]!;
  const end = line[line.length - 1]!;
  const degrees = Math.hypot(end[0]! - start[0]!, end[1]! - start[1]!);
  const npoints = Math.max(16, Math.min(120, Math.round(degrees)));
  return greatCircle(start, end, { npoints }).geometry;
}

function round(geometry: Geometry): Geometry {
  const factor = 10 ** DIGITS;
  const position = (p: Position): Position => p.map((n) => Math.round(n * factor) / factor);
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: position(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(position) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((l) => l.map(position)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((p) => p.map((l) => l.map(position))),
      };
    default:
      return geometry;
  }
}

/** GeoJSON geometry taken apart for a static map: single parts, their boxes, d3's winding. */
import { geoArea } from 'd3-geo';
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north] in degrees, or [left, top, right, bottom] in pixels. */
export type Box = [number, number, number, number];

export type Part =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Point'; coordinates: Position };

/** Single polygons, lines and points, so each can be culled on its own. */
export function parts(geometry: Geometry | null): Part[] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Point':
    case 'LineString':
    case 'Polygon':
      return [geometry];
    case 'MultiPoint':
      return geometry.coordinates.map((coordinates) => ({ type: 'Point', coordinates }));
    case 'MultiLineString':
      return geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    case 'MultiPolygon':
      return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    case 'GeometryCollection':
      return geometry.geometries.flatMap(parts);
  }
}

export function firstPoint(geometry: Geometry | null): Position | null {
  const point = parts(geometry).find((part) => part.type === 'Point');
  return point ? (point.coordinates as Position) : null;
}

/** The part's bounding box (a polygon's outer ring is enough). */
export function bboxOf(part: Part): Box {
  const positions =
    part.type === 'Polygon'
      ? (part.coordinates[0] ?? [])
      : part.type === 'LineString'
        ? part.coordinates
        : [part.coordinates];
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of positions) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/**
 * d3 reads polygons on the sphere, where a ring's direction says which side is inside; GeoJSON
 * files (RFC 7946) wind the other way round from d3. A polygon that would cover more than half
 * the globe is taken to be wound the GeoJSON way and reversed.
 */
export function d3Winding(polygon: Part & { type: 'Polygon' }): Part {
  if (geoArea(polygon) <= 2 * Math.PI) return polygon;
  return { type: 'Polygon', coordinates: polygon.coordinates.map((ring) => [...ring].reverse()) };
}

/**
 * How far a feature or a set of features reaches, as west, south, east, north, with the antimeridian
 * in mind: Nixon's Hawaii-Guam leg spans 57 degrees across it, not 303 the other way round. East may
 * then exceed 180 (maplibre wraps such longitudes); west is always in -180..180.
 */
import type { Geometry, Position } from 'geojson';

export type Extent = [west: number, south: number, east: number, north: number];

/** The extent of a geometry; along a line each vertex is taken on the short side of the last. */
export function extentOf(geometry: Geometry): Extent {
  const parts: Position[][] =
    geometry.type === 'Point'
      ? [[geometry.coordinates]]
      : geometry.type === 'MultiPoint'
        ? geometry.coordinates.map((p) => [p])
        : geometry.type === 'LineString'
          ? [geometry.coordinates]
          : geometry.type === 'MultiLineString' || geometry.type === 'Polygon'
            ? geometry.coordinates
            : geometry.type === 'MultiPolygon'
              ? geometry.coordinates.flat()
              : geometry.geometries.map((g) => {
                  const [w, s, e, n] = extentOf(g);
                  return [
                    [w, s],
                    [e, n],
                  ];
                });
  return unionOfExtents(parts.map(extentOfPath));
}

function extentOfPath(path: Position[]): Extent {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  let last: number | undefined;
  for (const [lng0, lat] of path) {
    let lng = lng0!;
    if (last !== undefined) lng += 360 * Math.round((last - lng) / 360);
    last = lng;
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat!);
    north = Math.max(north, lat!);
  }
  return normalise([west, south, east, north]);
}

/** West into -180..180, east shifted with it. */
function normalise([west, south, east, north]: Extent): Extent {
  const shift = 360 * Math.floor((west + 180) / 360);
  return [west - shift, south, east - shift, north];
}

/**
 * The smallest extent holding them all: around the globe, the longitudes covered are the
 * complement of the widest gap between the extents.
 */
export function unionOfExtents(extents: Extent[]): Extent {
  if (extents.length === 0) throw new Error('unionOfExtents needs at least one extent');
  const south = Math.min(...extents.map((e) => e[1]));
  const north = Math.max(...extents.map((e) => e[3]));
  // Longitudes covered, in -180..180: an extent across the antimeridian is two pieces.
  const pieces = extents
    .map(normalise)
    .flatMap(([west, , east]): [number, number][] =>
      east > 180
        ? [
            [west, 180],
            [-180, Math.min(180, east - 360)],
          ]
        : [[west, east]],
    )
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [west, east] of pieces) {
    const top = merged[merged.length - 1];
    if (top && west <= top[1]) top[1] = Math.max(top[1], east);
    else merged.push([west, east]);
  }
  // The gaps after each merged piece, the last one wrapping round to the first.
  const gaps = merged.map(([, east], i) =>
    i < merged.length - 1 ? merged[i + 1]![0] - east : merged[0]![0] + 360 - east,
  );
  const widest = gaps.indexOf(Math.max(...gaps));
  if (gaps[widest]! <= 0) return [-180, south, 180, north];
  const west = merged[(widest + 1) % merged.length]![0];
  let east = merged[widest]![1];
  if (east < west) east += 360;
  return normalise([west, south, east, north]);
}

/**
 * Builds the offline basemap from Natural Earth (the world-atlas TopoJSON): land polygons and
 * international borders as they stood during the Cold War. Borders that did not exist between
 * 1949 and 1975 (inside the Soviet Union, Yugoslavia, Czechoslovakia, Sudan, Ethiopia) are
 * dissolved; the division of Germany and of Vietnam, which Natural Earth does not carry, is drawn
 * by the story layers instead (Vietnam) or left out (Germany).
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** ISO 3166 numeric codes (or Natural Earth names where there is no code) of Cold War unions. */
const COLD_WAR_UNIONS: string[][] = [
  // Soviet Union
  [
    '643',
    '804',
    '112',
    '498',
    '233',
    '428',
    '440',
    '268',
    '051',
    '031',
    '398',
    '860',
    '795',
    '417',
    '762',
  ],
  // Yugoslavia
  ['705', '191', '070', '688', '499', '807', 'Kosovo'],
  // Czechoslovakia
  ['203', '703'],
  // Sudan before 2011, Ethiopia before 1993
  ['729', '728'],
  ['231', '232'],
];

/** Decimal places kept: 0.001 degree is about 100 m, finer than the 1:50m source. */
const PRECISION = 3;

export interface Basemap {
  land: FeatureCollection;
  borders: FeatureCollection<MultiLineString>;
}

export function buildBasemap(topology: Topology): Basemap {
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const unionOf = new Map<string, number>();
  COLD_WAR_UNIONS.forEach((members, index) => members.forEach((key) => unionOf.set(key, index)));
  const key = (g: { id?: string | number; properties?: { name: string } }) =>
    String(g.id ?? g.properties?.name ?? '');
  const sameUnion = (a: string, b: string) => unionOf.has(a) && unionOf.get(a) === unionOf.get(b);

  const borderGeometry = mesh(topology, countries, (a, b) => {
    if (a === b) return false; // a coastline, not a border
    return !sameUnion(key(a as never), key(b as never));
  });
  const land = feature(topology, topology.objects.land!) as Feature | FeatureCollection;
  const landFeatures = land.type === 'FeatureCollection' ? land.features : [land];
  return {
    land: {
      type: 'FeatureCollection',
      features: landFeatures.map((f) => ({
        type: 'Feature',
        properties: {},
        geometry: roundGeometry(f.geometry),
      })),
    },
    borders: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: roundGeometry(borderGeometry) as MultiLineString,
        },
      ],
    },
  };
}

function roundGeometry(geometry: Geometry): Geometry {
  const factor = 10 ** PRECISION;
  const round = (p: Position): Position => [
    Math.round(p[0]! * factor) / factor,
    Math.round(p[1]! * factor) / factor,
  ];
  const line = (ps: Position[]) => unwrap(dropRepeats(ps.map(round)));
  // Rounding can collapse a tiny island's ring; a ring needs four positions to stay a ring.
  const polygon = (rings: Position[][]) =>
    rings
      .map((ring) => {
        const unwrapped = line(ring);
        // Antarctica's ring circles the whole globe: unwrapped it would not close, so it stays.
        const [first, last] = [unwrapped[0]!, unwrapped[unwrapped.length - 1]!];
        return first[0] === last[0] ? unwrapped : dropRepeats(ring.map(round));
      })
      .filter((ring) => ring.length >= 4);
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map(polygon).filter((rings) => rings.length > 0),
      };
    case 'LineString':
      return { type: 'LineString', coordinates: line(geometry.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map(line) };
    default:
      return geometry;
  }
}

/**
 * Natural Earth cuts Chukotka and Fiji at the antimeridian; a ring that hops from 180 to -180 would
 * be drawn as a line across the whole world. Continuing past 180 instead (maplibre wraps it) keeps
 * every step between neighbouring positions short.
 */
export function unwrap(positions: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of positions) {
    const previous = out[out.length - 1];
    let lng = p[0]!;
    if (previous) {
      while (lng - previous[0]! > 180) lng -= 360;
      while (lng - previous[0]! < -180) lng += 360;
    }
    out.push(lng === p[0] ? p : [lng, p[1]!]);
  }
  return out;
}

function dropRepeats(positions: Position[]): Position[] {
  return positions.filter(
    (p, i) => i === 0 || p[0] !== positions[i - 1]![0] || p[1] !== positions[i - 1]![1],
  );
}

/**
 * Builds the offline basemap from Natural Earth (the world-atlas TopoJSON): land, coastlines and
 * international borders as they stood during the Cold War. The 1:50m data is kept only where the
 * story zooms in (DETAIL_BOUNDS: South, Southeast and East Asia); the rest of the world, seen only
 * from afar, comes from the 1:110m data, which keeps the download small. Borders that did not exist between
 * 1949 and 1975 (inside the Soviet Union, Yugoslavia, Czechoslovakia, Sudan, Ethiopia) are
 * dissolved; the division of Germany and of Vietnam, which Natural Earth does not carry, is drawn
 * by the story layers instead (Vietnam) or left out (Germany).
 */
import bboxClip from '@turf/bbox-clip';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
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

/** Where the story looks closely: the 1:50m data inside, the 1:110m data outside. */
export const DETAIL_BOUNDS: BBox = [60, -15, 165, 60];

/** Decimal places kept: 0.01 degree is about 1 km, under a pixel at the story's closest zoom. */
const PRECISION = 2;

type BBox = [number, number, number, number];
type Area = Polygon | MultiPolygon;

export interface Basemap {
  land: FeatureCollection<Area>;
  coast: FeatureCollection<MultiLineString>;
  borders: FeatureCollection<MultiLineString>;
}

/** `detail` and `world` are world-atlas countries topologies (1:50m and 1:110m). */
export function buildBasemap(detail: Topology, world: Topology): Basemap {
  const near = extract(detail);
  const far = extract(world);
  // Longitudes past 180 (see unwrap) must stay in the outside pieces, hence the wide edges.
  const outside: BBox[] = [
    [-540, -90, DETAIL_BOUNDS[0], 90],
    [DETAIL_BOUNDS[2], -90, 540, 90],
    [DETAIL_BOUNDS[0], -90, DETAIL_BOUNDS[2], DETAIL_BOUNDS[1]],
    [DETAIL_BOUNDS[0], DETAIL_BOUNDS[3], DETAIL_BOUNDS[2], 90],
  ];
  const areas = (geometry: Area, boxes: BBox[]) =>
    boxes.flatMap((box) => clipped(bboxClip(geometry, box).geometry as Area));
  const lines = (geometry: MultiLineString, boxes: BBox[]) =>
    boxes.flatMap((box) => clipped(bboxClip(geometry, box).geometry as MultiLineString));
  return {
    land: collection([...areas(near.land, [DETAIL_BOUNDS]), ...areas(far.land, outside)]),
    coast: collection([...lines(near.coast, [DETAIL_BOUNDS]), ...lines(far.coast, outside)]),
    borders: collection([...lines(near.borders, [DETAIL_BOUNDS]), ...lines(far.borders, outside)]),
  };
}

/** Land, coastline and Cold War borders of one topology, unrounded. */
function extract(topology: Topology): {
  land: MultiPolygon;
  coast: MultiLineString;
  borders: MultiLineString;
} {
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const unionOf = new Map<string, number>();
  COLD_WAR_UNIONS.forEach((members, index) => members.forEach((key) => unionOf.set(key, index)));
  const key = (g: { id?: string | number; properties?: { name: string } }) =>
    String(g.id ?? g.properties?.name ?? '');
  const sameUnion = (a: string, b: string) => unionOf.has(a) && unionOf.get(a) === unionOf.get(b);
  const borders = mesh(topology, countries, (a, b) => {
    if (a === b) return false; // a coastline, not a border
    return !sameUnion(key(a as never), key(b as never));
  });
  const coast = mesh(topology, countries, (a, b) => a === b);
  const land = feature(topology, topology.objects.land!) as Feature | FeatureCollection;
  const polygons = (land.type === 'FeatureCollection' ? land.features : [land]).flatMap((f) =>
    f.geometry.type === 'MultiPolygon'
      ? f.geometry.coordinates
      : f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : [],
  );
  return {
    land: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map(unwrapRing)) },
    coast: { type: 'MultiLineString', coordinates: coast.coordinates.map(unwrap) },
    borders: { type: 'MultiLineString', coordinates: borders.coordinates.map(unwrap) },
  };
}

/** A clipped geometry, rounded, with the rings and lines that rounding collapsed dropped. */
function clipped(geometry: Area | MultiLineString | LineString): Geometry[] {
  const line = (ps: Position[]) => dropRepeats(ps.map(round));
  const polygon = (rings: Position[][]) => rings.map(line).filter((ring) => ring.length >= 4);
  switch (geometry.type) {
    case 'Polygon': {
      const rings = polygon(geometry.coordinates);
      return rings.length ? [{ type: 'Polygon', coordinates: rings }] : [];
    }
    case 'MultiPolygon': {
      const polygons = geometry.coordinates.map(polygon).filter((rings) => rings.length > 0);
      return polygons.length ? [{ type: 'MultiPolygon', coordinates: polygons }] : [];
    }
    case 'LineString': {
      const ps = line(geometry.coordinates);
      return ps.length >= 2 ? [{ type: 'MultiLineString', coordinates: [ps] }] : [];
    }
    case 'MultiLineString': {
      const parts = geometry.coordinates.map(line).filter((ps) => ps.length >= 2);
      return parts.length ? [{ type: 'MultiLineString', coordinates: parts }] : [];
    }
  }
}

function collection<G extends Geometry>(geometries: Geometry[]): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: geometries.map((geometry) => ({
      type: 'Feature',
      properties: {},
      geometry: geometry as G,
    })),
  };
}

function round(p: Position): Position {
  const factor = 10 ** PRECISION;
  return [Math.round(p[0]! * factor) / factor, Math.round(p[1]! * factor) / factor];
}

/** Antarctica's ring circles the whole globe: unwrapped it would not close, so it stays. */
function unwrapRing(ring: Position[]): Position[] {
  const unwrapped = unwrap(ring);
  return unwrapped[0]![0] === unwrapped[unwrapped.length - 1]![0] ? unwrapped : ring;
}

/**
 * Natural Earth cuts Chukotka and Fiji at the antimeridian; a ring that hops from 180 to -180 would
 * be drawn as a line across the whole world. Continuing past 180 instead (maplibre wraps it) keeps
 * every step between neighbouring positions short.
 */
function unwrap(positions: Position[]): Position[] {
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

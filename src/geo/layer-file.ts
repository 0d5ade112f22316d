/**
 * Checks one curated GeoJSON layer file against the feature contract (RFC 7946 plus the properties
 * the story relies on) and prepares it for the map: each feature gains `from`/`to` as YYYYMMDD
 * numbers so that the map can filter by date with plain numeric expressions.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { ACTOR_IDS, isActor } from '../map/actors.ts';
import type { GeometryKind } from '../map/layers.ts';
import { spanPeriod } from './dates.ts';
import { extentOf, type Extent } from './extent.ts';
import type { PeriodName, StoryFeature, StoryFeatureProperties } from './features.ts';
import { checkPeriodNames, statusProblem } from './period-names.ts';

export interface PreparedLayer {
  collection: FeatureCollection<StoryFeature['geometry'], StoryFeature['properties']>;
  features: Record<string, CatalogFeature>;
}

/** What the story needs to know of a feature: where, when, and what the map calls it. */
export interface CatalogFeature {
  /** Across the antimeridian the short way (east may exceed 180). */
  bbox: Extent;
  period: [number, number];
  explore: boolean;
  name: string;
  names: PeriodName[];
}

export class LayerFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n  '));
    this.name = 'LayerFileError';
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A line's label runs along it: who and when, or the route's name. */
export const LABEL_MAX = 40;
const REQUIRED_TEXT = ['id', 'name', 'kind', 'start', 'end', 'source'] as const;
const REQUIRED_HINT: Record<(typeof REQUIRED_TEXT)[number], string> = {
  id: 'add a unique slug such as "dien-bien-phu"',
  name: 'add the name as the article spells it',
  kind: 'add what it is, e.g. "city", "rail" or "advance"',
  start: 'add when it began, as YYYY, YYYY-MM or YYYY-MM-DD',
  end: 'add when it ended, as YYYY, YYYY-MM or YYYY-MM-DD',
  source:
    'add where its position and dates come from (the article’s note and/or a named reference)',
};

const GEOMETRY_TYPES: Record<GeometryKind, string[]> = {
  point: ['Point', 'MultiPoint'],
  line: ['LineString', 'MultiLineString'],
  polygon: ['Polygon', 'MultiPolygon'],
};

/**
 * Checks and prepares one layer file. Every message names the file, the feature (by id, or by its
 * position when it has none), what is wrong and how to put it right.
 */
export function prepareLayer(
  file: string,
  text: string,
  { geometry, actors = false }: { geometry: GeometryKind; actors?: boolean },
): PreparedLayer {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LayerFileError([
      `${file}: not valid JSON (${(error as Error).message}); fix the syntax there, e.g. a missing comma or quote`,
    ]);
  }
  const root = data as Partial<FeatureCollection>;
  if (!root || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new LayerFileError([
      `${file}: not a GeoJSON FeatureCollection; the file must be {"type": "FeatureCollection", "features": [...]}`,
    ]);
  }
  const problems: string[] = [];
  const features: PreparedLayer['features'] = {};
  const prepared: PreparedLayer['collection']['features'] = [];
  root.features.forEach((feature: Feature, index) => {
    const props = (feature?.properties ?? {}) as Partial<StoryFeatureProperties>;
    const where = `${file}: feature ${typeof props.id === 'string' ? `"${props.id}"` : `#${index}`}`;
    const before = problems.length;
    if (feature?.type !== 'Feature')
      problems.push(`${where}: "type" is not "Feature"; set it to "Feature"`);
    for (const key of REQUIRED_TEXT) {
      if (typeof props[key] !== 'string' || !props[key])
        problems.push(`${where}: property "${key}" is missing or empty; ${REQUIRED_HINT[key]}`);
    }
    if (typeof props.id === 'string' && !SLUG.test(props.id))
      problems.push(`${where}: "id" is not a slug; use lowercase letters, digits and hyphens`);
    if (typeof props.id === 'string' && features[props.id])
      problems.push(`${where}: the id is used twice in this file; give each feature its own id`);
    if (
      props.aliases !== undefined &&
      !(Array.isArray(props.aliases) && props.aliases.every((a) => typeof a === 'string'))
    ) {
      problems.push(`${where}: "aliases" is not a list of names; write ["Name", "Other name"]`);
    }
    if (actors && !isActor(props.actor))
      problems.push(
        `${where}: "actor" is ${props.actor === undefined ? 'missing' : `"${String(props.actor)}", not one we draw`}; use one of ${ACTOR_IDS.join(', ')}`,
      );
    if (props.label !== undefined && (typeof props.label !== 'string' || !props.label))
      problems.push(`${where}: "label" must be a short text, e.g. "PAVN 308th Division, Dec 1953"`);
    else if (typeof props.label === 'string' && props.label.length > LABEL_MAX)
      problems.push(
        `${where}: "label" is ${props.label.length} characters; keep it to ${LABEL_MAX}, it is written along the line`,
      );
    if (props.explore !== undefined && typeof props.explore !== 'boolean')
      problems.push(`${where}: "explore" must be true or false`);
    let period: [number, number] | undefined;
    if (typeof props.start === 'string' && typeof props.end === 'string') {
      try {
        period = spanPeriod(props.start, props.end);
      } catch (error) {
        problems.push(
          `${where}: bad dates (${(error as Error).message}); use YYYY, YYYY-MM or YYYY-MM-DD with start before end`,
        );
      }
    }
    const status = statusProblem(props.status);
    if (status) problems.push(`${where}: ${status}`);
    const names = checkPeriodNames(props.names, period);
    problems.push(...names.problems.map((reason) => `${where}: ${reason}`));
    const type = feature?.geometry?.type;
    if (type && !GEOMETRY_TYPES[geometry].includes(type)) {
      problems.push(
        `${where}: a ${type} in a layer of ${geometry}s; draw it as a ${GEOMETRY_TYPES[geometry].join(' or ')}, or move it to a layer of ${type.replace('Multi', '').toLowerCase()}s`,
      );
    }
    problems.push(...checkGeometry(feature?.geometry).map((reason) => `${where}: ${reason}`));
    if (problems.length > before || !period) return;
    const id = props.id!;
    features[id] = {
      bbox: extentOf(feature.geometry),
      period,
      explore: props.explore === true,
      name: String(props.name),
      names: names.published ?? [],
    };
    prepared.push({
      type: 'Feature',
      id: undefined,
      geometry: feature.geometry,
      properties: {
        ...(props as StoryFeatureProperties),
        from: period[0],
        to: period[1],
        names: names.published,
      },
    });
  });
  if (problems.length) throw new LayerFileError(problems);
  return { collection: { type: 'FeatureCollection', features: prepared }, features };
}

/** Reasons the geometry is not valid RFC 7946 for our purposes (empty when it is). */
export function checkGeometry(geometry: Geometry | null | undefined): string[] {
  if (!geometry) return ['has no geometry; add a "geometry" with its coordinates'];
  switch (geometry.type) {
    case 'Point':
      return checkPositions([geometry.coordinates]);
    case 'MultiPoint':
      return checkPositions(geometry.coordinates, 1);
    case 'LineString':
      return checkPositions(geometry.coordinates, 2);
    case 'MultiLineString':
      return geometry.coordinates.flatMap((line) => checkPositions(line, 2));
    case 'Polygon':
      return [...geometry.coordinates.flatMap(checkRing), ...checkWinding(geometry.coordinates)];
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => [
        ...polygon.flatMap(checkRing),
        ...checkWinding(polygon),
      ]);
    default:
      return [
        `geometry type "${(geometry as Geometry).type}" is not supported; use Point, LineString or Polygon (or their Multi forms)`,
      ];
  }
}

function checkRing(ring: Position[]): string[] {
  const problems = checkPositions(ring, 4);
  if (problems.length) return problems;
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return ['a polygon ring is not closed; repeat its first position at the end'];
  }
  return [];
}

/**
 * RFC 7946 §3.1.6: exterior rings run counterclockwise, holes clockwise. The shoelace sum is
 * positive for a counterclockwise ring in longitude/latitude.
 */
function checkWinding(polygon: Position[][]): string[] {
  return polygon.flatMap((ring, i) => {
    if (checkRing(ring).length) return [];
    const counterclockwise = signedArea(ring) > 0;
    if (i === 0 && !counterclockwise)
      return [
        'the outer ring runs clockwise; reverse its positions (RFC 7946 wants counterclockwise)',
      ];
    if (i > 0 && counterclockwise)
      return [
        `hole ${i} runs counterclockwise; reverse its positions (RFC 7946 wants holes clockwise)`,
      ];
    return [];
  });
}

export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum / 2;
}

function checkPositions(positions: unknown, minimum = 1): string[] {
  if (!Array.isArray(positions) || positions.length < minimum) {
    return [`needs at least ${minimum} position(s); add the missing coordinates`];
  }
  for (const position of positions as unknown[]) {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      !position.every((n) => Number.isFinite(n))
    ) {
      return [
        `has a position that is not [longitude, latitude]: ${JSON.stringify(position)}; write two numbers`,
      ];
    }
    const [lng, lat] = position as number[];
    if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90) {
      return [
        `has a position outside the world: [${lng}, ${lat}] (longitude first, then latitude)`,
      ];
    }
  }
  return [];
}

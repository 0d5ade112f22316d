/**
 * The one feature type of the story layers, shared by the build (which checks the files and adds
 * `from`/`to`), the map and the explore view; and its check at the network boundary, so a page
 * never trusts a file it fetched just because the build once wrote it.
 */
import type { Feature, Geometry } from 'geojson';

/** A name the feature bore for part of its span, as written in geo/ (dates as in start/end). */
export interface PeriodNameSource {
  name: string;
  start: string;
  end: string;
}

/** A period name as published: first and last day (YYYYMMDD) and the name. */
export type PeriodName = [from: number, to: number, name: string];

/** An event drawn as planned (never carried out) or disputed (its occurrence or course contested). */
export const FEATURE_STATUSES = ['planned', 'disputed'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

interface BaseProperties {
  id: string;
  name: string;
  aliases?: string[];
  kind: string;
  start: string;
  end: string;
  source: string;
  description?: string;
  /** Who acted (movements, routes, zones, diplomacy): sets the colour. */
  actor?: string;
  /** Shown only in the explore view: no step draws it. */
  explore?: boolean;
  status?: FeatureStatus;
  /** Written along a line: who and when ("PAVN 308th Division, Dec 1953"), or a route's name. */
  label?: string;
  [key: string]: unknown;
}

/** A feature's properties as curated in geo/. */
export interface StoryFeatureProperties extends BaseProperties {
  /** The names in use by period; `name` stays the default (and modern) name. */
  names?: PeriodNameSource[];
}

/** A feature as the build publishes it: with its period as YYYYMMDD numbers, for the map's filters. */
export type StoryFeature<G extends Geometry = Geometry> = Feature<
  G,
  BaseProperties & { from: number; to: number; names?: PeriodName[] }
>;

/** The name in use on a day (YYYYMMDD): the period name covering it, else the default name. */
export function nameAt(
  properties: { name: string; names?: PeriodName[] | unknown },
  day: number,
): string {
  const names = Array.isArray(properties.names) ? (properties.names as PeriodName[]) : [];
  return names.find(([from, to]) => from <= day && day <= to)?.[2] ?? properties.name;
}

/** The features of a published layer file, checked; throws naming the layer and what is wrong. */
export function readLayerJson(layer: string, json: unknown): StoryFeature[] {
  const fail = (what: string): never => {
    throw new Error(`data/${layer}.geojson: ${what}`);
  };
  const root = json as { type?: unknown; features?: unknown } | null;
  if (root?.type !== 'FeatureCollection' || !Array.isArray(root.features))
    fail('not a GeoJSON FeatureCollection');
  const features = (root as { features: unknown[] }).features;
  features.forEach((item, i) => {
    const feature = item as Partial<StoryFeature> | null;
    const p = feature?.properties;
    if (feature?.type !== 'Feature' || !feature.geometry || typeof feature.geometry !== 'object')
      fail(`item ${i} is not a feature with a geometry`);
    if (typeof p?.id !== 'string' || typeof p.name !== 'string')
      fail(`item ${i} has no string "id" and "name"`);
    if (typeof p?.from !== 'number' || typeof p.to !== 'number')
      fail(`feature "${String(p?.id)}" has no numeric "from" and "to"`);
    const names: unknown = p?.names;
    if (
      names !== undefined &&
      !(
        Array.isArray(names) &&
        names.every(
          (n) =>
            Array.isArray(n) &&
            typeof n[0] === 'number' &&
            typeof n[1] === 'number' &&
            typeof n[2] === 'string',
        )
      )
    )
      fail(`feature "${String(p?.id)}" has "names" that are not [from, to, name] triples`);
  });
  return features as StoryFeature[];
}

/**
 * How long a data file may take before the story goes on without it and says so: the map draws
 * what it has (src/map/resilience.ts), the explore view's list says it could not be loaded.
 */
export const DATA_WAIT_MS = 8000;

/** Fetches a published layer from the site's data/ folder and checks it (within DATA_WAIT_MS). */
export async function fetchLayer(layer: string): Promise<StoryFeature[]> {
  const response = await fetch(layerUrl(layer), { signal: AbortSignal.timeout(DATA_WAIT_MS) });
  if (!response.ok) throw new Error(`data/${layer}.geojson: HTTP ${response.status}`);
  return readLayerJson(layer, await response.json());
}

export const layerUrl = (layer: string) => dataUrl(`${layer}.geojson`);
export const dataUrl = (file: string) => new URL(`data/${file}`, document.baseURI).href;

/**
 * The one feature type of the story layers, shared by the build (which checks the files and adds
 * `from`/`to`), the map and the explore view; and its check at the network boundary, so a page
 * never trusts a file it fetched just because the build once wrote it.
 */
import type { Feature, Geometry } from 'geojson';

export interface StoryFeatureProperties {
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
  [key: string]: unknown;
}

/** A feature as the build publishes it: with its period as YYYYMMDD numbers, for the map's filters. */
export type StoryFeature<G extends Geometry = Geometry> = Feature<
  G,
  StoryFeatureProperties & { from: number; to: number }
>;

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
  });
  return features as StoryFeature[];
}

/** Fetches a published layer from the site's data/ folder and checks it. */
export async function fetchLayer(layer: string): Promise<StoryFeature[]> {
  const response = await fetch(layerUrl(layer));
  if (!response.ok) throw new Error(`data/${layer}.geojson: HTTP ${response.status}`);
  return readLayerJson(layer, await response.json());
}

export const layerUrl = (layer: string) => dataUrl(`${layer}.geojson`);
export const dataUrl = (file: string) => new URL(`data/${file}`, document.baseURI).href;

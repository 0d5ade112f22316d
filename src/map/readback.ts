/**
 * What the map has actually drawn, read back from it: the legend lists only what is on screen,
 * and tests and hosts learn which names are shown.
 */
import type * as maplibregl from 'maplibre-gl';
import { DRAW_IDS, MOVING_IDS } from './apply.ts';
import { STORY_LAYERS, type Draw } from './layers.ts';
import { legendFor, type LegendEntry } from './legend.ts';
import { MOVING_SOURCE } from './layers.ts';
import type { Rect } from './frame.ts';
import type { FeatureRef, MapPicture } from './picture.ts';

/** The layers that name the step's own features. */
const EMPHASIS_LABELS = STORY_LAYERS.flatMap((layer) =>
  layer.draw.flatMap((draw, i) =>
    draw.only === 'highlighted' && draw.type === 'symbol' ? [`${layer.id}-${i}`] : [],
  ),
);

const shown = (map: maplibregl.Map, ids: string[]) =>
  ids.filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');

export function readLegend(map: maplibregl.Map, emphasis: FeatureRef[]): LegendEntry[] {
  const drawn = map
    .queryRenderedFeatures({ layers: shown(map, [...DRAW_IDS, ...MOVING_IDS]) })
    .map((feature) => ({
      layer: feature.source === MOVING_SOURCE ? 'troop-movements' : feature.source,
      properties: feature.properties,
    }));
  return legendFor(drawn, {
    highlighted: new Set(emphasis.map((f) => `${f.layer}/${f.id}`)),
    own: 'all',
  });
}

/**
 * The ids of the emphasised features whose names are on the map now, wholly inside the clear
 * area: a name drawn partly under the timeline or off the edge is not counted.
 */
export function readLabelled(map: maplibregl.Map, clear: Rect): string[] {
  const ids = (box?: [maplibregl.PointLike, maplibregl.PointLike]) =>
    (box
      ? map.queryRenderedFeatures(box, { layers: EMPHASIS_LABELS })
      : map.queryRenderedFeatures({ layers: EMPHASIS_LABELS })
    ).map((feature) => String(feature.properties.id));
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const [left, top, right, bottom] = [
    clear.x,
    clear.y,
    clear.x + clear.width,
    clear.y + clear.height,
  ];
  // What lies around the clear area, out to a pixel beyond the pane's edges.
  const around: [maplibregl.PointLike, maplibregl.PointLike][] = [
    [
      [-1, -1],
      [width + 1, top - 0.5],
    ],
    [
      [-1, bottom + 0.5],
      [width + 1, height + 1],
    ],
    [
      [-1, -1],
      [left - 0.5, height + 1],
    ],
    [
      [right + 0.5, -1],
      [width + 1, height + 1],
    ],
  ];
  const outside = new Set(around.flatMap((box) => ids(box)));
  return [...new Set(ids())].filter((id) => !outside.has(id)).sort();
}

/** What the map draws now, by the rules of its grammar (for tests and hosts: `state().drawing`). */
export interface Drawing {
  /** The zone patterns on screen, as "kind/actor": a frame has at most one. */
  patterns: string[];
  /** Places drawn as a dot without their name (ids): the map draws none. */
  unnamed: string[];
  /** The key entries for the symbols on screen. */
  key: string[];
  /** The size of the step's own place names, in CSS px (larger in a kiosk). */
  nameSize: number;
}

const PATTERN_LAYERS = layerIds(
  (layer, draw) => layer === 'zones' && draw.type === 'fill' && draw.only === 'highlighted',
);
const DOT_LAYERS = layerIds((layer, draw) => layer === 'places' && draw.type === 'circle');
const PLACE_NAME_LAYERS = layerIds((layer, draw) => layer === 'places' && draw.type === 'symbol');

export function readDrawing(map: maplibregl.Map, picture: MapPicture): Drawing {
  const rendered = (ids: string[]) => map.queryRenderedFeatures({ layers: shown(map, ids) });
  const patterns = rendered(PATTERN_LAYERS).map(
    ({ properties: p }) => `${String(p.kind)}/${String(p.actor)}`,
  );
  const named = new Set(rendered(PLACE_NAME_LAYERS).map(({ properties: p }) => String(p.id)));
  const unnamed = rendered(DOT_LAYERS)
    .map(({ properties: p }) => String(p.id))
    .filter((id) => !named.has(id));
  const drawn = rendered([...DRAW_IDS, ...MOVING_IDS]).map((feature) => ({
    layer: feature.source === MOVING_SOURCE ? 'troop-movements' : feature.source,
    properties: feature.properties,
  }));
  const refs = (list: FeatureRef[]) => new Set(list.map((f) => `${f.layer}/${f.id}`));
  const key = legendFor(drawn, {
    highlighted: refs(picture.emphasis),
    own: picture.own === 'all' ? 'all' : refs(picture.own),
  });
  return {
    patterns: [...new Set(patterns)].sort(),
    unnamed: [...new Set(unnamed)].sort(),
    key: key.map((entry) => entry.label),
    nameSize: Number(map.getLayoutProperty(EMPHASIS_LABELS[0]!, 'text-size')),
  };
}

function layerIds(test: (layer: string, draw: Draw) => boolean): string[] {
  return STORY_LAYERS.flatMap((layer) =>
    layer.draw.flatMap((draw, i) => (test(layer.id, draw) ? [`${layer.id}-${i}`] : [])),
  );
}

/** The story feature drawn at a point of the map, if any. */
export function featureAt(map: maplibregl.Map, point: maplibregl.PointLike): FeatureRef | null {
  const [feature] = map.queryRenderedFeatures(point, { layers: shown(map, DRAW_IDS) });
  return feature ? { layer: feature.source, id: String(feature.properties.id) } : null;
}

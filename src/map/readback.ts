/**
 * What the map has actually drawn, read back from it: the legend lists only what is on screen,
 * and tests and hosts learn which names are shown.
 */
import type * as maplibregl from 'maplibre-gl';
import { DRAW_IDS, MOVING_IDS } from './apply.ts';
import { STORY_LAYERS } from './layers.ts';
import { legendFor, type LegendEntry } from './legend.ts';
import { MOVING_SOURCE } from './layers.ts';
import type { Rect } from './frame.ts';
import type { FeatureRef } from './picture.ts';

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

/** The story feature drawn at a point of the map, if any. */
export function featureAt(map: maplibregl.Map, point: maplibregl.PointLike): FeatureRef | null {
  const [feature] = map.queryRenderedFeatures(point, { layers: shown(map, DRAW_IDS) });
  return feature ? { layer: feature.source, id: String(feature.properties.id) } : null;
}

/**
 * The map style: an offline basemap (Natural Earth land and Cold War borders, curated rivers) and
 * the story layers, all from the site's own data/ folder, labels drawn with a bundled font.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import vietnamese from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import { FOCUS_DRAW, FOCUS_SOURCE, MOVING_DRAW, MOVING_SOURCE, STORY_LAYERS } from './layers.ts';
import { linePaint, textLayout, textPaint } from './paint.ts';
import { SYMBOLS } from './symbology.ts';

/**
 * The basemap keeps 0.01° (scripts/basemap.ts), about a pixel at zoom 6: deeper tiles would add
 * no detail, only tiling work at every zoom change (closer views scale these up).
 */
const BASEMAP_MAXZOOM = 6;

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Each story layer's data file, loaded into its source once the map is up. */
export const STORY_DATA: Record<string, string> = Object.fromEntries(
  STORY_LAYERS.map((layer) => [layer.id, `${layer.id}.geojson`]),
);

/**
 * The basemap alone, as the story draws it: sea, land, coast, rivers and borders, with the river
 * names. Also what the benchmark's floor (a bare maplibre page) draws, to compare like with like.
 * `base` resolves the font files' addresses.
 */
export function basemapStyle(
  dataUrl: (file: string) => string,
  base: string,
): Pick<StyleSpecification, 'version' | 'font-faces' | 'sources' | 'layers'> {
  const absolute = (url: string) => new URL(url, base).href;
  return {
    version: 8,
    'font-faces': {
      'Noto Sans Regular': [
        { url: absolute(latin), 'unicode-range': ['U+0000-00FF', 'U+2000-206F', 'U+20AC'] },
        { url: absolute(latinExt), 'unicode-range': ['U+0100-024F', 'U+1E00-1EFF'] },
        {
          url: absolute(vietnamese),
          'unicode-range': ['U+0102-0103', 'U+01A0-01B0', 'U+1EA0-1EF9'],
        },
      ],
    },
    sources: {
      land: {
        type: 'geojson',
        data: dataUrl('basemap-land.geojson'),
        attribution: 'Natural Earth',
        maxzoom: BASEMAP_MAXZOOM,
      },
      coast: { type: 'geojson', data: dataUrl('basemap-coast.geojson'), maxzoom: BASEMAP_MAXZOOM },
      borders: {
        type: 'geojson',
        data: dataUrl('basemap-borders.geojson'),
        maxzoom: BASEMAP_MAXZOOM,
      },
      rivers: { type: 'geojson', data: dataUrl('rivers.geojson'), promoteId: 'id' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': SYMBOLS.sea.colour } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': SYMBOLS.land.colour } },
      { id: 'coast', type: 'line', source: 'coast', paint: linePaint(SYMBOLS.coast) },
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: linePaint(SYMBOLS.river),
      },
      { id: 'borders', type: 'line', source: 'borders', paint: linePaint(SYMBOLS.border) },
      {
        id: 'river-labels',
        type: 'symbol',
        source: 'rivers',
        minzoom: 4,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          ...textLayout(SYMBOLS.riverLabel),
        },
        paint: textPaint(SYMBOLS.riverLabel),
      },
    ],
  };
}

export function buildStyle(
  dataUrl: (file: string) => string,
  symbolScale = 1,
  base = document.baseURI,
): StyleSpecification {
  const basemap = basemapStyle(dataUrl, base);
  const draws = STORY_LAYERS.flatMap((layer) =>
    layer.draw.map(({ only, ...draw }, i) => ({
      only,
      spec: {
        ...draw,
        id: `${layer.id}-${i}`,
        source: layer.id,
        layout: { ...draw.layout, visibility: 'none' },
      } as LayerSpecification,
    })),
  );
  const moving = MOVING_DRAW.map(
    (draw, i) =>
      ({
        ...draw,
        id: `${MOVING_SOURCE}-${i}`,
        source: MOVING_SOURCE,
        layout: { ...draw.layout, visibility: 'none' },
      }) as LayerSpecification,
  );
  // Movements drawing themselves come right after the movements; the step's own features go on
  // top of everything, so their labels win every collision.
  const others = draws.filter((draw) => draw.only !== 'highlighted').map((draw) => draw.spec);
  const afterMovements = Math.max(
    ...others.map((spec, i) => (spec.id.startsWith('troop-movements-') ? i + 1 : 0)),
  );
  const story = [
    ...others.slice(0, afterMovements),
    ...moving,
    ...others.slice(afterMovements),
    ...draws.filter((draw) => draw.only === 'highlighted').map((draw) => draw.spec),
    ...FOCUS_DRAW.map(
      (draw, i) =>
        ({ ...draw, id: `${FOCUS_SOURCE}-${i}`, source: FOCUS_SOURCE }) as LayerSpecification,
    ),
  ];
  return {
    ...basemap,
    sources: {
      ...basemap.sources,
      // Empty until the map has loaded (see STORY_DATA): the opening view shows none of them,
      // and the map's one worker has the basemap to cut first.
      [MOVING_SOURCE]: { type: 'geojson', data: EMPTY },
      [FOCUS_SOURCE]: { type: 'geojson', data: EMPTY },
      ...Object.fromEntries(
        STORY_LAYERS.map((layer) => [
          layer.id,
          { type: 'geojson' as const, data: EMPTY, promoteId: 'id' },
        ]),
      ),
    },
    layers: [...basemap.layers, ...story].map((layer) => scaleSymbols(layer, symbolScale)),
  };
}

/** The properties that size a label or a symbol: scaled together for a screen read from afar. */
const SIZES = {
  layout: ['text-size', 'icon-size'],
  paint: ['line-width', 'circle-radius', 'circle-stroke-width', 'text-halo-width'],
} as const;

/**
 * A layer with its labels and symbols `factor` times their size (the basemap's land and sea are
 * left alone: a kiosk is read from two metres, the coastline does not need to be).
 */
export function scaleSymbols(layer: LayerSpecification, factor: number): LayerSpecification {
  if (factor === 1 || !('source' in layer) || ['land', 'coast', 'borders'].includes(layer.id))
    return layer;
  const scaled = { ...layer } as Record<string, unknown> & LayerSpecification;
  for (const group of ['layout', 'paint'] as const) {
    const properties = scaled[group] as Record<string, unknown> | undefined;
    if (!properties) continue;
    scaled[group] = Object.fromEntries(
      Object.entries(properties).map(([name, value]) => [
        name,
        (SIZES[group] as readonly string[]).includes(name) ? scaleValue(value, factor) : value,
      ]),
    );
  }
  return scaled;
}

/**
 * A number, or the outputs of an `interpolate`, `case` or `match` expression (recursively),
 * times a factor; the zoom stops and the conditions stay as they are.
 */
export function scaleValue(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return value * factor;
  if (!Array.isArray(value)) return value;
  const [operator, ...rest] = value as [unknown, ...unknown[]];
  const scale = (v: unknown) => scaleValue(v, factor);
  if (operator === 'interpolate') {
    const [how, input, ...stops] = rest;
    return [operator, how, input, ...stops.map((v, i) => (i % 2 ? scale(v) : v))];
  }
  if (operator === 'case') {
    // Conditions and outputs alternate; the last is the fallback.
    return [operator, ...rest.map((v, i) => (i % 2 || i === rest.length - 1 ? scale(v) : v))];
  }
  if (operator === 'match') {
    const [input, ...cases] = rest;
    return [
      operator,
      input,
      ...cases.map((v, i) => (i % 2 || i === cases.length - 1 ? scale(v) : v)),
    ];
  }
  return value;
}

/**
 * The story layers: one GeoJSON file in geo/ each, and how the map draws them. Steps name these ids.
 * Only types are imported from maplibre here, so build scripts can read this catalogue too.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { ACCENT, HALO, INK, MOVE, ROUTE, STATE_TEXT } from './colours.ts';

/** What a layer's features are: checked at build, so a polygon cannot slip into a layer of points. */
export type GeometryKind = 'point' | 'line' | 'polygon';

export interface StoryLayer {
  id: string;
  geometry: GeometryKind;
  /** Shown in the legend. */
  title: string;
  /** The maplibre layers that draw it, in drawing order, all on the source named `id`. */
  draw: Draw[];
}

/** A maplibre layer on the story layer's source; `only` limits it to the step's highlighted features or to the others. */
export type Draw = Omit<LayerSpecification & { source: string }, 'id' | 'source'> & {
  only?: 'highlighted' | 'others';
};

/** Curated data drawn on every step as part of the basemap (not steered by steps). */
export const BASEMAP_DATA: { id: string; geometry: GeometryKind }[] = [
  { id: 'rivers', geometry: 'line' },
];

const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];

/** A place's name beside its dot, on whichever side has room. */
function placeLabel(size: number): SymbolLayerSpecification['layout'] {
  return {
    'text-field': ['get', 'name'],
    'text-font': ['Noto Sans Regular'],
    'text-size': size,
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': 0.7,
    'text-justify': 'auto',
  };
}

export const STORY_LAYERS: StoryLayer[] = [
  {
    id: 'dmz',
    geometry: 'polygon',
    title: 'Demilitarized zone (1954)',
    draw: [
      { type: 'fill', paint: { 'fill-color': ACCENT, 'fill-opacity': 0.14 } },
      {
        type: 'line',
        paint: {
          'line-color': ACCENT,
          'line-width': 1,
          'line-dasharray': [3, 2],
          'line-opacity': 0.8,
        },
      },
    ],
  },
  {
    id: 'demarcation',
    geometry: 'line',
    title: 'Demarcation line (1954)',
    draw: [
      { type: 'line', paint: { 'line-color': '#ffffff', 'line-width': 5 } },
      { type: 'line', paint: { 'line-color': ACCENT, 'line-width': 2.5 } },
    ],
  },
  {
    id: 'supply-routes',
    geometry: 'line',
    title: 'Supply routes',
    draw: [
      {
        type: 'line',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ROUTE,
          'line-width': ['case', highlighted, 4.5, 3],
          'line-dasharray': [2, 1.2],
        },
      },
    ],
  },
  {
    id: 'troop-movements',
    geometry: 'line',
    title: 'Troop movements',
    draw: [
      {
        type: 'line',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': MOVE,
          'line-width': ['case', highlighted, 5, 3.5],
          'line-opacity': 0.85,
        },
      },
      {
        type: 'symbol',
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 90,
          'icon-image': 'arrow',
          'icon-size': 0.6,
          'icon-allow-overlap': true,
        },
        paint: { 'icon-color': MOVE },
      },
    ],
  },
  {
    id: 'places',
    geometry: 'point',
    title: 'Places',
    draw: [
      {
        type: 'circle',
        paint: {
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['zoom'],
            2,
            ['case', highlighted, 6.5, 2],
            6,
            ['case', highlighted, 6.5, 3.5],
          ],
          'circle-color': ['case', highlighted, ACCENT, INK],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': ['case', highlighted, 2, 1],
        },
      },
      // Labels: every place when zoomed in; the step's own places always.
      {
        type: 'symbol',
        only: 'others',
        minzoom: 4.5,
        layout: placeLabel(12),
        paint: { 'text-color': INK, 'text-halo-color': HALO, 'text-halo-width': 1.2 },
      },
      {
        type: 'symbol',
        only: 'highlighted',
        layout: { ...placeLabel(14), 'text-allow-overlap': true },
        paint: { 'text-color': ACCENT, 'text-halo-color': HALO, 'text-halo-width': 2 },
      },
    ],
  },
  // Last, so that the period's state names win label collisions against place names.
  {
    id: 'states',
    geometry: 'point',
    title: 'States of the period',
    draw: [
      {
        type: 'symbol',
        layout: {
          'text-field': ['get', 'label'],
          'text-font': ['Noto Sans Regular'],
          'text-size': 12,
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
          'text-max-width': 9,
        },
        paint: { 'text-color': STATE_TEXT, 'text-halo-color': HALO, 'text-halo-width': 1.2 },
      },
    ],
  },
];

export const STORY_LAYER_IDS = STORY_LAYERS.map((layer) => layer.id);

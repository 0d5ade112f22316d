/**
 * The story layers: one GeoJSON file in geo/ each, and how the map draws them. Steps name these ids.
 * Only types are imported from maplibre here, so build scripts can read this catalogue too.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { actorColour } from './actors.ts';
import { dashAt } from './flow.ts';
import { ACCENT, HALO, INK, STATE_TEXT } from './colours.ts';

/** What a layer's features are: checked at build, so a polygon cannot slip into a layer of points. */
export type GeometryKind = 'point' | 'line' | 'polygon';

export interface StoryLayer {
  id: string;
  geometry: GeometryKind;
  /** Shown in the legend. */
  title: string;
  /** Whether its lines are links between two places, drawn as great-circle arcs. */
  arcs?: boolean;
  /** Whether every feature must name its `actor` (src/map/actors.ts), which sets its colour. */
  actors?: boolean;
  /** The maplibre layers that draw it, in drawing order, all on the source named `id`. */
  draw: Draw[];
}

/** A maplibre layer on the story layer's source; `only` limits it to the step's highlighted features or to the others. */
export type Draw = Omit<LayerSpecification & { source: string }, 'id' | 'source'> & {
  only?: 'highlighted' | 'others';
  filter?: FilterSpecification;
};

/** Curated data drawn on every step as part of the basemap (not steered by steps). */
export const BASEMAP_DATA: Omit<StoryLayer, 'title' | 'draw'>[] = [
  { id: 'rivers', geometry: 'line' },
];

const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const byActor = actorColour(INK) as ExpressionSpecification;

/** Chevrons along a movement, pointing the way it went, in its actor's colour. */
const movementArrows: Draw = {
  type: 'symbol',
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': 90,
    'icon-image': 'arrow',
    'icon-size': 0.6,
    'icon-allow-overlap': true,
  },
  paint: { 'icon-color': byActor },
};

/** A place's name beside its dot, on whichever side has room. */
function placeLabel(size: number): SymbolLayerSpecification['layout'] {
  return {
    'text-field': ['get', 'name'],
    'text-font': ['Noto Sans Regular'],
    'text-size': size,
    'text-variable-anchor': [
      'left',
      'right',
      'top',
      'bottom',
      'top-left',
      'top-right',
      'bottom-left',
      'bottom-right',
    ],
    'text-radial-offset': 0.7,
    'text-justify': 'auto',
  };
}

export const STORY_LAYERS: StoryLayer[] = [
  {
    id: 'zones',
    geometry: 'polygon',
    title: 'Zones',
    actors: true,
    draw: [
      // Pattern images are made on demand (StoryMap's styleimagemissing): one per kind and actor.
      {
        type: 'fill',
        paint: { 'fill-pattern': ['concat', 'zone-', ['get', 'kind'], '-', ['get', 'actor']] },
      },
      {
        type: 'line',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': byActor,
          'line-width': ['case', highlighted, 2.5, 1.2],
          'line-opacity': 0.85,
        },
      },
    ],
  },
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
    actors: true,
    title: 'Supply routes',
    draw: [
      {
        type: 'line',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': byActor,
          'line-width': ['case', highlighted, 4.5, 3],
          'line-dasharray': dashAt(0),
        },
      },
    ],
  },
  {
    id: 'troop-movements',
    geometry: 'line',
    actors: true,
    title: 'Troop movements',
    draw: [
      {
        type: 'line',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': byActor,
          'line-width': ['case', highlighted, 5, 3.5],
          'line-opacity': 0.85,
        },
      },
      movementArrows,
    ],
  },
  {
    id: 'diplomacy',
    geometry: 'line',
    arcs: true,
    title: 'Diplomacy',
    actors: true,
    draw: [
      {
        type: 'line',
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': byActor,
          'line-width': ['case', highlighted, 3, 2],
          'line-dasharray': [0, 2],
        },
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
        // Placed before every other label (style.ts puts it on top), so it wins collisions.
        layout: placeLabel(14),
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

/** The layers a reader can turn on and off in the explore view: all but the state names, which
 * label the map rather than stand for something on it. */
export const EXPLORE_LAYERS = STORY_LAYERS.filter((layer) => layer.id !== 'states');

/**
 * The step's own movements as they draw themselves (src/map/movements.ts), on the source
 * `moving`: the drawn line, its arrows, and a unit marker at its head pointing the way.
 * Shown whenever troop movements are.
 */
export const MOVING_SOURCE = 'moving';
export const MOVING_DRAW: Draw[] = [
  {
    type: 'line',
    filter: ['==', ['get', 'part'], 'line'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': byActor, 'line-width': 4.5, 'line-opacity': 0.9 },
  },
  { ...movementArrows, filter: ['==', ['get', 'part'], 'line'] },
  {
    type: 'circle',
    filter: ['==', ['get', 'part'], 'head'],
    paint: {
      'circle-radius': 8,
      'circle-color': byActor,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    type: 'symbol',
    filter: ['==', ['get', 'part'], 'head'],
    layout: {
      'icon-image': 'arrow',
      'icon-size': 0.45,
      // The chevron points east; a bearing is measured clockwise from north.
      'icon-rotate': ['-', ['get', 'bearing'], 90],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-color': '#ffffff' },
  },
];

/** A place the reader points at from the text (a linked name): a ring and its name, on top. */
export const FOCUS_SOURCE = 'focus';
export const FOCUS_DRAW: Draw[] = [
  {
    type: 'circle',
    paint: {
      'circle-radius': 13,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': ACCENT,
      'circle-stroke-width': 3,
    },
  },
  {
    type: 'symbol',
    layout: {
      // Placed first (the top layer): the same name drawn by the places layer then gives way.
      ...placeLabel(15),
      'text-radial-offset': 1.2,
    },
    paint: { 'text-color': ACCENT, 'text-halo-color': HALO, 'text-halo-width': 2.5 },
  },
];

/**
 * The story layers: one GeoJSON file in geo/ each, and how the map draws them. Steps name these ids.
 * Only types are imported from maplibre here, so build scripts can read this catalogue too.
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { circlePaint, colourOf, linePaint, textLayout, textPaint } from './paint.ts';
import { SYMBOLS, type TextSymbol } from './symbology.ts';

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

const ROUND = { 'line-cap': 'round', 'line-join': 'round' } as const;

/** Chevrons along a movement, pointing the way it went, in its actor's colour. */
const movementArrows: Draw = {
  type: 'symbol',
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': SYMBOLS.movementArrows.spacing,
    'icon-image': 'arrow',
    'icon-size': SYMBOLS.movementArrows.size,
    'icon-allow-overlap': true,
  },
  paint: { 'icon-color': colourOf(SYMBOLS.movementArrows) },
};

/** A place's name beside its dot, on whichever side has room. */
function placeLabel(symbol: TextSymbol): Draw {
  return {
    type: 'symbol',
    layout: {
      'text-field': ['get', 'name'],
      ...textLayout(symbol),
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
      'text-radial-offset': symbol.offset,
      'text-justify': 'auto',
    },
    paint: textPaint(symbol),
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
      { type: 'line', layout: { 'line-join': 'round' }, paint: linePaint(SYMBOLS.zoneOutline) },
    ],
  },
  {
    id: 'dmz',
    geometry: 'polygon',
    title: 'Demilitarized zone (1954)',
    draw: [
      {
        type: 'fill',
        paint: { 'fill-color': SYMBOLS.dmzFill.colour, 'fill-opacity': SYMBOLS.dmzFill.opacity },
      },
      { type: 'line', paint: linePaint(SYMBOLS.dmzOutline) },
    ],
  },
  {
    id: 'demarcation',
    geometry: 'line',
    title: 'Demarcation line (1954)',
    draw: [
      { type: 'line', paint: linePaint(SYMBOLS.demarcationCasing) },
      { type: 'line', paint: linePaint(SYMBOLS.demarcation) },
    ],
  },
  {
    id: 'supply-routes',
    geometry: 'line',
    actors: true,
    title: 'Supply routes',
    draw: [
      // Its dashes flow as the step shows it (flow.ts).
      { type: 'line', layout: ROUND, paint: linePaint(SYMBOLS.supplyRoute) },
    ],
  },
  {
    id: 'troop-movements',
    geometry: 'line',
    actors: true,
    title: 'Troop movements',
    draw: [
      { type: 'line', layout: ROUND, paint: linePaint(SYMBOLS.troopMovement) },
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
      // Round caps on zero-length dashes: dots.
      { type: 'line', layout: { 'line-cap': 'round' }, paint: linePaint(SYMBOLS.diplomaticLink) },
    ],
  },
  {
    id: 'places',
    geometry: 'point',
    title: 'Places',
    draw: [
      { type: 'circle', paint: circlePaint(SYMBOLS.place, SYMBOLS.ownPlace) },
      // Labels: every place when zoomed in; the step's own places always.
      { ...placeLabel(SYMBOLS.placeLabel), only: 'others', minzoom: 4.5 },
      // Placed before every other label (style.ts puts it on top), so it wins collisions.
      { ...placeLabel(SYMBOLS.ownPlaceLabel), only: 'highlighted' },
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
        layout: { 'text-field': ['get', 'label'], ...textLayout(SYMBOLS.stateLabel) },
        paint: textPaint(SYMBOLS.stateLabel),
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
    layout: ROUND,
    paint: linePaint(SYMBOLS.movingLine),
  },
  { ...movementArrows, filter: ['==', ['get', 'part'], 'line'] },
  {
    type: 'circle',
    filter: ['==', ['get', 'part'], 'head'],
    paint: circlePaint(SYMBOLS.movingHead),
  },
  {
    type: 'symbol',
    filter: ['==', ['get', 'part'], 'head'],
    layout: {
      'icon-image': 'arrow',
      'icon-size': SYMBOLS.movingHeadArrow.size,
      // The chevron points east; a bearing is measured clockwise from north.
      'icon-rotate': ['-', ['get', 'bearing'], 90],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-color': SYMBOLS.movingHeadArrow.colour },
  },
];

/** A place the reader points at from the text (a linked name): a ring and its name, on top. */
export const FOCUS_SOURCE = 'focus';
export const FOCUS_DRAW: Draw[] = [
  { type: 'circle', paint: circlePaint(SYMBOLS.focusRing) },
  // Placed first (the top layer): the same name drawn by the places layer then gives way.
  placeLabel(SYMBOLS.focusLabel),
];

/**
 * The story layers: one GeoJSON file in geo/ each, and how the map draws them. Steps name these ids.
 * Only types are imported from maplibre here, so build scripts can read this catalogue too.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { actorColour } from './actors.ts';
import { INK } from './colours.ts';
import { DOT_RADIUS } from './images.ts';
import {
  circlePaint,
  colourOf,
  linePaint,
  linePaintWhere,
  ownOr,
  textLayout,
  textPaint,
} from './paint.ts';
import { SYMBOLS, type IconSymbol, type TextSymbol } from './symbology.ts';

type SymbolLayout = NonNullable<Extract<LayerSpecification, { type: 'symbol' }>['layout']>;

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

/**
 * A maplibre layer on the story layer's source. `only` limits it to some of the step's features:
 * its highlights or the others, or its own (highlights and events of its period).
 */
export type Draw = Omit<LayerSpecification & { source: string }, 'id' | 'source'> & {
  only?: 'highlighted' | 'others' | 'own';
  filter?: FilterSpecification;
  /** Also drawn for the movements drawing themselves (their labels; the lines are on `moving`). */
  alsoMoving?: true;
};

/** Curated data drawn on every step as part of the basemap (not steered by steps). */
export const BASEMAP_DATA: Omit<StoryLayer, 'title' | 'draw'>[] = [
  { id: 'rivers', geometry: 'line' },
];

const ROUND = { 'line-cap': 'round', 'line-join': 'round' } as const;
/** A movement planned and never carried out: ghosted and dashed, on the same layer as the rest. */
const PLANNED: ExpressionSpecification = ['==', ['get', 'status'], 'planned'];

/** Chevrons along a line, pointing the way it went, in its actor's colour. */
function chevrons(symbol: IconSymbol): Draw {
  return {
    type: 'symbol',
    only: 'own',
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': symbol.spacing,
      'icon-image': 'arrow',
      'icon-size': symbol.size,
      // Over anything, and in no name's way.
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-color': colourOf(symbol) },
  };
}
const movementArrows = chevrons(SYMBOLS.movementArrows);

/** A line's own label (who and when, or the route's name) along it, for the step's own lines. */
const lineLabel: Draw = {
  type: 'symbol',
  only: 'own',
  alsoMoving: true,
  layout: {
    'symbol-placement': 'line',
    'symbol-spacing': 400,
    'text-field': ['coalesce', ['get', 'label'], ''],
    'text-max-angle': 30,
    'text-offset': [0, -0.9],
    ...textLayout(SYMBOLS.lineLabel),
  },
  paint: { ...textPaint(SYMBOLS.lineLabel), 'text-color': colourOf(SYMBOLS.lineLabel) },
};

/** A place's name beside its dot, on whichever side has room. */
function placeText(symbol: TextSymbol): SymbolLayout {
  return {
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
  };
}

/**
 * The places the step names besides its own: a dot and its name as one symbol, so that a name
 * that finds no room takes its dot with it (no dot is ever left unnamed).
 */
const namedPlace: Draw = {
  type: 'symbol',
  only: 'others',
  layout: {
    ...placeText(SYMBOLS.placeLabel),
    'icon-image': 'dot',
    'icon-size': SYMBOLS.place.radius / DOT_RADIUS,
  },
  paint: {
    ...textPaint(SYMBOLS.placeLabel),
    'icon-color': SYMBOLS.place.colour,
    'icon-halo-color': SYMBOLS.place.halo,
    'icon-halo-width': SYMBOLS.place.haloWidth,
  },
};

export const STORY_LAYERS: StoryLayer[] = [
  {
    id: 'zones',
    geometry: 'polygon',
    title: 'Zones',
    actors: true,
    draw: [
      // A wash: the actor's colour for the step's own zones, a neutral tint for the others.
      {
        type: 'fill',
        only: 'others',
        paint: {
          'fill-color': ownOr(actorColour(INK), SYMBOLS.zoneTint.context.colour),
          'fill-opacity': ownOr(SYMBOLS.zoneTint.ownOpacity, SYMBOLS.zoneTint.context.opacity),
        },
      },
      // The highlighted zones carry the frame's one pattern (images.ts makes it on demand).
      {
        type: 'fill',
        only: 'highlighted',
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
      {
        type: 'line',
        filter: ['==', ['get', 'kind'], 'demarcation-line'],
        layout: ROUND,
        paint: linePaint(SYMBOLS.dmzBand),
      },
      { type: 'line', layout: ROUND, paint: linePaint(SYMBOLS.demarcationCasing) },
      { type: 'line', layout: ROUND, paint: linePaint(SYMBOLS.demarcation) },
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
      lineLabel,
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
        layout: ROUND,
        paint: linePaintWhere(PLANNED, SYMBOLS.plannedMovement, SYMBOLS.troopMovement),
      },
      movementArrows,
      lineLabel,
    ],
  },
  {
    id: 'diplomacy',
    geometry: 'line',
    arcs: true,
    title: 'Diplomacy',
    actors: true,
    draw: [
      { type: 'line', layout: ROUND, paint: linePaint(SYMBOLS.diplomaticLink) },
      chevrons(SYMBOLS.journeyArrows),
      lineLabel,
    ],
  },
  {
    id: 'places',
    geometry: 'point',
    title: 'Places',
    draw: [
      namedPlace,
      { type: 'circle', only: 'highlighted', paint: circlePaint(SYMBOLS.ownPlace) },
      // Placed before every other label (style.ts puts it on top), so it wins collisions; and
      // drawn even where no side is free, on the side the picture chose (name-sides.ts): a place
      // the step is about is never left without its name.
      {
        type: 'symbol',
        only: 'highlighted',
        layout: { ...placeText(SYMBOLS.ownPlaceLabel), 'text-allow-overlap': true },
        paint: textPaint(SYMBOLS.ownPlaceLabel),
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
    paint: linePaintWhere(PLANNED, SYMBOLS.plannedMovement, SYMBOLS.movingLine),
  },
  { ...movementArrows, only: undefined, filter: ['==', ['get', 'part'], 'line'] },
  {
    // The arrowhead at the line's head: where the movement has got to, pointing the way.
    type: 'symbol',
    filter: ['==', ['get', 'part'], 'head'],
    layout: {
      'icon-image': 'arrow',
      'icon-size': SYMBOLS.movingHead.size,
      // The chevron points east; a bearing is measured clockwise from north.
      'icon-rotate': ['-', ['get', 'bearing'], 90],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: {
      'icon-color': colourOf(SYMBOLS.movingHead),
      'icon-halo-color': SYMBOLS.movingHead.halo,
      'icon-halo-width': SYMBOLS.movingHead.haloWidth,
    },
  },
];

/** A place the reader points at from the text (a linked name): a ring and its name, on top. */
export const FOCUS_SOURCE = 'focus';
export const FOCUS_DRAW: Draw[] = [
  { type: 'circle', paint: circlePaint(SYMBOLS.focusRing) },
  // Placed first (the top layer): the same name drawn by the places layer then gives way.
  { type: 'symbol', layout: placeText(SYMBOLS.focusLabel), paint: textPaint(SYMBOLS.focusLabel) },
];

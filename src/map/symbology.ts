/**
 * How the map draws each kind of thing: colours, widths, dashes, opacities, radii, text sizes and
 * halos, in one table. The live style (layers.ts, style.ts through paint.ts), the static maps drawn
 * at build time (scripts/static-map/) and the legend (components/Legend.svelte) all read it, so a
 * change of style is one edit here. Plain data, no map code.
 *
 * Units are maplibre's: widths, radii, sizes and halos in CSS pixels; dashes in line widths;
 * letter spacing, label offsets and wrap widths in ems.
 */
import {
  ACCENT,
  BORDER,
  COAST,
  CONTEXT,
  HALO,
  INK,
  LAND,
  RIVER,
  RIVER_TEXT,
  SEA,
  STATE_TEXT,
  TRANSPARENT,
  WHITE,
} from './colours.ts';

/** A fixed number, or one that changes linearly between [zoom, value] stops. */
export type Scaled = number | readonly (readonly [zoom: number, value: number])[];

interface Coloured {
  /** With `byActor`, the colour of a feature that names no actor. */
  colour: string;
  /** Drawn in the colour of the feature's actor (src/map/actors.ts). */
  byActor?: boolean;
}

export interface FillSymbol extends Coloured {
  opacity?: number;
}

/** How a feature the step is not about is drawn: quiet, thin, neutral. */
export interface ContextLook {
  colour: string;
  width: number;
  opacity: number;
}

export interface LineSymbol extends Coloured {
  /** The width of the step's own features (or of all, without `context`). */
  width: Scaled;
  /** The width of the step's highlighted features, when it differs. */
  highlightWidth?: number;
  opacity?: number;
  /** Dash and gap lengths, in line widths. */
  dash?: readonly number[];
  /** The look of the features the step is not about; without it, all look alike. */
  context?: ContextLook;
}

export interface CircleSymbol extends Coloured {
  radius: Scaled;
  stroke: string;
  strokeWidth: number;
}

export interface TextSymbol extends Coloured {
  size: number;
  halo: string;
  haloWidth: number;
  letterSpacing?: number;
  /** From the point to the label, in ems. */
  offset?: number;
  /** Where lines wrap, in ems. */
  maxWidth?: number;
  uppercase?: boolean;
}

/** A chevron or dot drawn as an icon: its scale, its spacing along a line, its halo. */
export interface IconSymbol extends Coloured {
  size: number;
  spacing?: number;
  halo?: string;
  haloWidth?: number;
}

/** A zone's fill: a wash of its actor's colour under the marks of its kind (patterns.ts). */
/** A dot drawn as an icon with its label (so the two show or hide together). */
export interface DotSymbol extends Coloured {
  radius: number;
  halo: string;
  haloWidth: number;
}

export interface TintSymbol {
  /** The opacity of the step's own zones' wash of their actor's colour. */
  ownOpacity: number;
  context: { colour: string; opacity: number };
}

export interface PatternSymbol {
  washOpacity: number;
  lineOpacity: number;
  lineWidth: number;
}

export const SYMBOLS = {
  sea: { colour: SEA },
  land: { colour: LAND },
  coast: { colour: COAST, width: 0.8 },
  river: {
    colour: RIVER,
    width: [
      [3, 0.8],
      [7, 2],
    ],
  },
  riverLabel: { colour: RIVER_TEXT, size: 11, halo: LAND, haloWidth: 1, letterSpacing: 0.05 },
  border: { colour: BORDER, width: 0.9, dash: [4, 2] },

  /** A highlighted zone: the one patterned area of a frame. */
  zonePattern: { washOpacity: 0.1, lineOpacity: 0.7, lineWidth: 1.2 },
  /** The other zones: a wash of the actor's colour for the step's own, a neutral tint for the rest. */
  zoneTint: { ownOpacity: 0.14, context: { colour: CONTEXT, opacity: 0.06 } },
  zoneOutline: {
    colour: INK,
    byActor: true,
    width: 1.5,
    highlightWidth: 2.5,
    opacity: 0.9,
    context: { colour: CONTEXT, width: 0.8, opacity: 0.5 },
  },
  dmzFill: { colour: ACCENT, opacity: 0.3 },
  dmzOutline: { colour: ACCENT, width: 1, opacity: 0.9 },
  /**
   * The demilitarized zone as a band along the line, never thinner than it can be seen (5 km
   * either side of the line is 8 px only from zoom 6); then the line itself, cased.
   */
  dmzBand: {
    colour: ACCENT,
    opacity: 0.4,
    width: [
      [5, 7],
      [6, 8.5],
      [7, 17],
      [8, 34],
      [9, 68],
      [10, 137],
      [11, 274],
      [12, 547],
    ],
  },
  demarcationCasing: { colour: WHITE, width: 5.5 },
  demarcation: { colour: ACCENT, width: 3 },
  demarcationLabel: {
    colour: ACCENT,
    size: 13,
    halo: HALO,
    haloWidth: 2,
    maxWidth: 14,
  },
  supplyRoute: {
    colour: INK,
    byActor: true,
    width: 3.5,
    highlightWidth: 4.5,
    dash: [2, 1.2],
    context: { colour: CONTEXT, width: 1.5, opacity: 0.6 },
  },
  troopMovement: {
    colour: INK,
    byActor: true,
    width: 4,
    highlightWidth: 5,
    opacity: 0.9,
    context: { colour: CONTEXT, width: 1.5, opacity: 0.55 },
  },
  /** A movement planned or proposed and never carried out: ghosted and dashed. */
  plannedMovement: { colour: INK, byActor: true, width: 3.5, opacity: 0.55, dash: [1.5, 1] },
  movementArrows: { colour: INK, byActor: true, size: 0.6, spacing: 90 },
  diplomaticLink: {
    colour: INK,
    byActor: true,
    width: 2.2,
    highlightWidth: 3,
    context: { colour: CONTEXT, width: 1, opacity: 0.5 },
  },
  journeyArrows: { colour: INK, byActor: true, size: 0.45, spacing: 120 },
  /** Who and when, along a movement or a journey; a route's name along it. */
  lineLabel: { colour: INK, byActor: true, size: 12, halo: HALO, haloWidth: 2 },

  /** A place the step names besides its own: a dot icon (images.ts) with its name. */
  place: { colour: INK, radius: 3.5, halo: WHITE, haloWidth: 1 },
  placeLabel: { colour: INK, size: 12, halo: HALO, haloWidth: 1.2, offset: 0.7 },
  /** A place the step is about. */
  ownPlace: { colour: ACCENT, radius: 6.5, stroke: WHITE, strokeWidth: 2 },
  ownPlaceLabel: { colour: ACCENT, size: 14, halo: HALO, haloWidth: 2, offset: 0.7 },
  stateLabel: {
    colour: STATE_TEXT,
    size: 12,
    halo: HALO,
    haloWidth: 1.2,
    letterSpacing: 0.12,
    maxWidth: 9,
    uppercase: true,
  },

  /** A movement drawing itself as the reader scrolls, and the unit at its head. */
  movingLine: { colour: INK, byActor: true, width: 4.5, opacity: 0.9 },
  movingHead: { colour: INK, byActor: true, size: 1.1, halo: WHITE, haloWidth: 1.5 },

  /** A place the reader points at from the text. */
  focusRing: { colour: TRANSPARENT, radius: 13, stroke: ACCENT, strokeWidth: 3 },
  focusLabel: { colour: ACCENT, size: 15, halo: HALO, haloWidth: 2.5, offset: 1.2 },
} as const satisfies Record<
  string,
  | FillSymbol
  | LineSymbol
  | CircleSymbol
  | TextSymbol
  | IconSymbol
  | PatternSymbol
  | TintSymbol
  | DotSymbol
>;

/** A kiosk is read from about two metres: its map's labels and symbols are drawn this much larger. */
export const KIOSK_SYMBOL_SCALE = 1.6;

/** A scaled value at a zoom (maplibre's linear interpolation, held at the end stops). */
export function atZoom(value: Scaled, zoom: number): number {
  if (typeof value === 'number') return value;
  const next = value.findIndex(([z]) => z > zoom);
  if (next === 0) return value[0]![1];
  if (next < 0) return value[value.length - 1]![1];
  const [z0, v0] = value[next - 1]!;
  const [z1, v1] = value[next]!;
  return v0 + ((zoom - z0) / (z1 - z0)) * (v1 - v0);
}

/** An SVG stroke-dasharray for a dash in line widths, at this width. */
export function dashArray(dash: readonly number[], width: number): string {
  return dash.map((length) => Math.round(length * width * 10) / 10).join(' ');
}

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

export interface LineSymbol extends Coloured {
  width: Scaled;
  /** The width of the step's own (highlighted) features, when it differs. */
  highlightWidth?: number;
  opacity?: number;
  /** Dash and gap lengths, in line widths. */
  dash?: readonly number[];
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

/** A chevron drawn as an icon: its scale, and its spacing along a line. */
export interface IconSymbol extends Coloured {
  size: number;
  spacing?: number;
}

/** A zone's fill: a wash of its actor's colour under the marks of its kind (patterns.ts). */
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

  zonePattern: { washOpacity: 0.1, lineOpacity: 0.7, lineWidth: 1.2 },
  zoneOutline: { colour: INK, byActor: true, width: 1.2, highlightWidth: 2.5, opacity: 0.85 },
  dmzFill: { colour: ACCENT, opacity: 0.14 },
  dmzOutline: { colour: ACCENT, width: 1, dash: [3, 2], opacity: 0.8 },
  demarcationCasing: { colour: WHITE, width: 5 },
  demarcation: { colour: ACCENT, width: 2.5 },
  supplyRoute: { colour: INK, byActor: true, width: 3, highlightWidth: 4.5, dash: [2, 1.2] },
  troopMovement: { colour: INK, byActor: true, width: 3.5, highlightWidth: 5, opacity: 0.85 },
  movementArrows: { colour: INK, byActor: true, size: 0.6, spacing: 90 },
  diplomaticLink: { colour: INK, byActor: true, width: 2, highlightWidth: 3, dash: [0, 2] },

  place: {
    colour: INK,
    radius: [
      [2, 2],
      [6, 3.5],
    ],
    stroke: WHITE,
    strokeWidth: 1,
  },
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
  movingHead: { colour: INK, byActor: true, radius: 8, stroke: WHITE, strokeWidth: 2 },
  movingHeadArrow: { colour: WHITE, size: 0.45 },

  /** A place the reader points at from the text. */
  focusRing: { colour: TRANSPARENT, radius: 13, stroke: ACCENT, strokeWidth: 3 },
  focusLabel: { colour: ACCENT, size: 15, halo: HALO, haloWidth: 2.5, offset: 1.2 },
} as const satisfies Record<
  string,
  FillSymbol | LineSymbol | CircleSymbol | TextSymbol | IconSymbol | PatternSymbol
>;

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

/** The story as the build hands it to the app: plain data, validated, no map code. */
import type { LegendEntry } from '../map/legend.ts';
import type { Timeline } from './timeline.ts';

export type LngLat = [number, number];

/** A feature of a story layer. */
export interface FeatureRef {
  layer: string;
  id: string;
}
export type Bounds = [LngLat, LngLat];

/** Where the camera looks for a step: an explicit camera, or bounds to fit with padding. */
export type View =
  | { kind: 'camera'; center: LngLat; zoom: number; bearing: number; pitch: number }
  | { kind: 'bounds'; bounds: Bounds };

/** A run of text, a footnote reference mark, or a place name linked to its feature. */
export type Inline = string | { note: number } | { place: string; text: string };

export interface Step {
  id: string;
  section: string;
  /** Position in the whole story, from 0. */
  index: number;
  /** The moment the step is about, as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** The period the date covers, as YYYYMMDD numbers: features overlapping it are drawn. */
  period: [number, number];
  /** What the map shows, in words: the map's text equivalent for screen readers. */
  mapText: string;
  /** One line on the map saying what it shows and when (≤ CAPTION_MAX characters). */
  caption: string;
  /** The article's own figures, written on the map beside a place or feature. */
  callouts: Callout[];
  layers: string[];
  /** Features drawn emphasised, with the layer each belongs to. */
  highlight: FeatureRef[];
  /** Drawn at full strength: the highlights and the events beginning in the period (build). */
  own: FeatureRef[];
  /** The other places drawn, each with its name (build): named in the text or the capitals. */
  places: string[];
  /** The troop movements that begin within the step's period: they draw themselves as it is read. */
  moving: string[];
  /** Where the camera looks, as written: `bounds` are fitted; a camera is a hint for wide screens. */
  view: View;
  /** What the step is about, kept in view on every screen (null: nothing in particular). */
  subject: Subject | null;
  /** The symbols the step draws, for its key (filled in by the build from the layers). */
  key: LegendEntry[];
  paragraphs: Inline[][];
}

/** A short text on the map with a leader line to where it is about. */
export interface Callout {
  /** The place or feature it points at (an id), or "lng,lat". */
  anchor: string;
  at: LngLat;
  text: string;
}

/** The features a step is about: how far they reach, and the names written beside its places. */
export interface Subject {
  /** West, south, east, north; across the antimeridian, east exceeds 180. */
  bounds: Bounds;
  names: { id: string; at: LngLat; text: string }[];
}

/** A state's name as the map writes it in a period (the `states` layer). */
export interface StateName {
  id: string;
  at: LngLat;
  text: string;
  period: [number, number];
}

export interface Section {
  id: string;
  title: string;
  stepIds: string[];
}

export interface Note {
  number: number;
  /** null when the extraction lost the note's text. */
  text: string | null;
}

export interface Story {
  sections: Section[];
  steps: Step[];
  notes: Note[];
  /** Mao's four stages and the key events (src/story/timeline.json), if the story has one. */
  timeline?: Timeline;
  /** Where each place is, for the places named in the text that the map brings into view. */
  places: Record<string, LngLat>;
  /** The names of the states of each period, for the map to leave out any its edge would cut. */
  stateNames: StateName[];
}

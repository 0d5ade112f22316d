/**
 * What the map shows at a moment, as one value: a pure function of the story's state and the
 * layout (no maplibre, runs in Node). Everything the map shows is decided here; `applyPicture`
 * only makes the map match it. So a deep link, a fast scroll or a scroll back give the same map.
 */
import type { Bounds, FeatureRef, LngLat, StateName, Step, Subject } from '../story/types.ts';
import {
  clearAreaOf,
  centreOn,
  cornersOf,
  fitBounds,
  fitFirst,
  marksFit,
  project,
  type Camera,
  type Layout,
  type Mark,
  type Rect,
} from './frame.ts';
import { placeCallouts, type PlacedCallout } from './callouts.ts';
import { labelSize } from './label-box.ts';
import { nameSides, type Anchor } from './name-sides.ts';
import { SYMBOLS } from './symbology.ts';

export type { FeatureRef };

/** The explore view: the reader pans and zooms, and picks the layers and the year. */
export interface ExploreView {
  layers: string[];
  year: number;
  /** A feature the reader picked, drawn emphasised. */
  selected?: FeatureRef;
  /** An area brought into view (a feature picked from the list); otherwise the reader's own view. */
  focus?: Bounds;
}

/** What the map is showing, in the story's terms. */
export interface StoryMoment {
  step: Step | null;
  /** 0..1 through the step. */
  progress: number;
  /** Whether the map may move and animate (off under reduced motion or by the reader's choice). */
  motion: boolean;
  explore: ExploreView | null;
  /** A place named in the text that the reader brought into view, or null (the step's view). */
  placeShown: string | null;
  /** A place whose name the reader points at in the text, or null. */
  pointedPlace: string | null;
  /** Where the places are. */
  places: Record<string, LngLat>;
  /** The names of the states of each period, where the map writes them. */
  stateNames: StateName[];
}

/** Where the camera goes; `about` says what it shows, so a new subject flies and a new layout jumps. */
export interface CameraTarget extends Camera {
  about: string;
}

export interface MapPicture {
  /** null: the reader moves the map (the explore view, until they pick something). */
  camera: CameraTarget | null;
  /** The part of the map pane nothing covers, in CSS pixels. */
  clearArea: Rect;
  /** Story layers shown, in the catalogue's order of ids given. */
  layers: string[];
  /** Features shown are those existing within this period (YYYYMMDD numbers). */
  period: [number, number];
  emphasis: FeatureRef[];
  /** Drawn at full strength (the rest of the layers is quiet context): the step's own features. */
  own: FeatureRef[] | 'all';
  /** The places drawn besides the emphasised ones, each with its name. */
  places: string[] | 'all';
  /** Troop movements drawing themselves, and how much of them is drawn (0..1). */
  moving: string[];
  drawn: number;
  /** A place ringed with its name. */
  ringed: string | null;
  /** Whether the reader can pan, zoom and pick (the explore view). */
  interactive: boolean;
  /** Whether supply routes flow once the map has settled. */
  flow: boolean;
  /** State names left out because the pane's edge would cut them (ids). */
  namesCut: string[];
  /** The side of its dot each subject place's name goes (by place id). */
  nameSides: [id: string, anchor: Anchor][];
  /** The step's callouts, placed on screen for the camera (none while a place is shown). */
  callouts: PlacedCallout[];
}

/** The view behind the title page: Indochina, southern China and their neighbours. */
export const OPENING_BOUNDS: Bounds = [
  [92, 6],
  [122, 30],
];
/** How close a fitted step may zoom (a single town must still show its surroundings). */
const MAX_FIT_ZOOM = 9;
/**
 * How far out a step may zoom: below 0 the world is narrower than 512 px, which a phone needs for
 * a subject from Washington to Beijing. The map's own `minZoom` allows it.
 */
export const MIN_ZOOM = -1;
/** A place brought into view from the text is shown at a regional zoom within these. */
const PLACE_ZOOM: [number, number] = [5, 7];
const EXPLORE_FOCUS_ZOOM = 7;

/** Scroll progress through a step at which drawing starts and at which it is complete. */
const DRAW_FROM = 0.1;
const DRAW_UNTIL = 0.6;

/**
 * How much of each movement is drawn at a progress through the step (0..1), eased, in hundredths:
 * a scroll event fires far more often than a reader could see the line grow.
 */
export function drawnFraction(progress: number): number {
  const t = Math.min(1, Math.max(0, (progress - DRAW_FROM) / (DRAW_UNTIL - DRAW_FROM)));
  return Math.round(t * t * (3 - 2 * t) * 100) / 100;
}

export function pictureFor(moment: StoryMoment, layout: Layout): MapPicture {
  const clearArea = clearAreaOf(layout);
  const { step, explore } = moment;
  if (explore) {
    const year = explore.year * 10000;
    return {
      camera: explore.focus
        ? {
            about: `explore:${explore.focus.flat().join(',')}`,
            ...fitBounds(explore.focus, layout, clearArea, EXPLORE_FOCUS_ZOOM),
          }
        : null,
      clearArea,
      layers: explore.layers,
      period: [year + 101, year + 1231],
      emphasis: explore.selected ? [explore.selected] : [],
      own: 'all',
      places: 'all',
      moving: [],
      drawn: 1,
      ringed: null,
      interactive: true,
      flow: false,
      namesCut: [],
      nameSides: [],
      callouts: [],
    };
  }
  const stepCamera = cameraForStep(step, layout, clearArea);
  const placeAt = moment.placeShown ? moment.places[moment.placeShown] : undefined;
  const camera: CameraTarget = placeAt
    ? {
        about: `place:${moment.placeShown}`,
        ...centreOn(
          placeAt,
          Math.min(PLACE_ZOOM[1], Math.max(PLACE_ZOOM[0], stepCamera.zoom)),
          layout,
          clearArea,
        ),
      }
    : stepCamera;
  const layers = step?.layers ?? [];
  const period = step?.period ?? [0, 0];
  const sides = step?.subject ? nameSides(step.subject.names, camera, layout, clearArea) : [];
  return {
    camera,
    clearArea,
    layers,
    period,
    emphasis: step?.highlight ?? [],
    own: step?.own ?? [],
    places: step?.places ?? [],
    moving: step?.moving ?? [],
    drawn: moment.motion ? drawnFraction(moment.progress) : 1,
    ringed: placeAt ? moment.placeShown : (moment.pointedPlace ?? null),
    interactive: false,
    flow: moment.motion && layers.includes('supply-routes'),
    namesCut: layers.includes('states') ? namesCut(moment.stateNames, period, camera, layout) : [],
    nameSides: sides,
    callouts:
      step && !placeAt
        ? placeCallouts(step.callouts, step.subject, sides, camera, layout, clearArea)
        : [],
  };
}

/**
 * The step's camera in this layout. Bounds are fitted, with the subject and its names, into the
 * clear area. An authored camera is a hint: kept (centred in the clear area) where the subject and
 * its names fit under it, otherwise the subject is fitted, never closer than the hint.
 */
function cameraForStep(step: Step | null, layout: Layout, clearArea: Rect): CameraTarget {
  const about = step ? `step:${step.id}` : 'title';
  const view = step?.view ?? { kind: 'bounds', bounds: OPENING_BOUNDS };
  const ways = step?.subject ? subjectMarks(step.subject, layout.symbolScale) : [[]];
  // No further out than one world across the pane: the map would repeat its places side by side.
  const minZoom = Math.max(MIN_ZOOM, Math.log2(layout.width / 512));
  if (view.kind === 'bounds') {
    const corners = cornersOf(view.bounds);
    const choices = ways.map((marks) => [...corners, ...marks]);
    return { about, ...fitFirst(choices, layout, clearArea, MAX_FIT_ZOOM, minZoom) };
  }
  const hint = { ...centreOn(view.center, view.zoom, layout, clearArea), ...tilt(view) };
  if (marksFit(ways[0]!, hint, layout, clearArea)) return { about, ...hint };
  return { about, ...fitFirst(ways, layout, clearArea, view.zoom, minZoom) };
}

const tilt = ({ bearing, pitch }: Camera) => ({ bearing, pitch });

/**
 * Ways of keeping the subject in view, best first: its extent with the names of its places on
 * either side of their dots (maplibre moves a name left when the right is taken), with the names
 * to the right only (where the map puts them first), and without the names.
 */
export function subjectMarks({ bounds, names }: Subject, scale = 1): Mark[][] {
  const { size, offset } = SYMBOLS.ownPlaceLabel;
  const dot = (SYMBOLS.ownPlace.radius + SYMBOLS.ownPlace.strokeWidth) * scale;
  const named = (bothSides: boolean) =>
    names.map(({ at, text }) => {
      const label = labelSize(text, SYMBOLS.ownPlaceLabel);
      const side = Math.max(dot, (offset * size + label.width) * scale);
      const half = Math.max(dot, (label.height / 2) * scale);
      return { at, reach: { left: bothSides ? side : dot, right: side, up: half, down: half } };
    });
  const corners = cornersOf(bounds);
  return [[...corners, ...named(true)], [...corners, ...named(false)], corners];
}

/**
 * The state names of the period that would run off the pane under the camera: maplibre draws a
 * name half off the map ("URMA"); better none, the neighbours' names still say where we are.
 */
function namesCut(
  names: StateName[],
  [from, to]: [number, number],
  camera: Camera,
  pane: Layout,
): string[] {
  const scale = pane.symbolScale ?? 1;
  return names
    .filter(({ period }) => period[0] <= to && period[1] >= from)
    .filter(({ at, text }) => {
      const [x, y] = project(nearestCopy(at, camera.center[0]), camera, pane);
      const label = labelSize(text, SYMBOLS.stateLabel);
      const [width, height] = [label.width * scale, label.height * scale];
      // A name wholly off the map is not cut: maplibre does not draw it.
      const [left, right, top, bottom] = [
        x - width / 2,
        x + width / 2,
        y - height / 2,
        y + height / 2,
      ];
      const seen = right > 0 && left < pane.width && bottom > 0 && top < pane.height;
      const whole = left >= 0 && right <= pane.width && top >= 0 && bottom <= pane.height;
      return seen && !whole;
    })
    .map(({ id }) => id);
}

/** A point moved by whole turns of the globe to the copy of the world nearest a longitude. */
function nearestCopy([lng, lat]: LngLat, near: number): LngLat {
  return [lng + 360 * Math.round((near - lng) / 360), lat];
}

/**
 * Edge markers for the places a step's text names that lie outside the view (pure, no maplibre):
 * where each marker goes on the edge of the clear area, on the side toward its place, and which
 * way its arrow points. Computed from the picture's target camera, never the live one, so the
 * markers are the same from any scroll position and do not change during a flight.
 */
import type { LngLat, Step, Subject } from '../story/types.ts';
import { project, type Camera, type Rect } from './frame.ts';
import { insetSize, locatorFor, type Locator } from './locator.ts';
import { subjectMarks, type MapPicture } from './picture.ts';

/** A place named in the step's text: its id, its name as the text gives it, where it is. */
export interface LinkedPlace {
  id: string;
  name: string;
  at: LngLat;
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

export interface EdgeMarker {
  id: string;
  name: string;
  /**
   * Where the line from the clear area's centre to the place crosses the clear area's edge,
   * inset by the markers' margin (CSS px, relative to the pane).
   */
  at: [number, number];
  /** The edge the marker lies along, and its box there (slid along it clear of the others). */
  side: Side;
  box: Rect;
  /** The direction toward the place, in degrees clockwise from east (y grows down the screen). */
  angle: number;
  /** The same as a compass point in words: "north-west". */
  direction: string;
}

/** How large markers are drawn: the component draws them at exactly these sizes. */
export interface MarkerMetrics {
  /** Text size (CSS px). */
  font: number;
  /** A marker's height: its touch target on a touchscreen. */
  height: number;
  /** Room beside the name: padding, border, the arrow and the space after it. */
  extra: number;
  /** Room kept between a marker and the clear area's edge. */
  margin: number;
  /** Least room between two markers, or a marker and something it keeps clear of. */
  gap: number;
}

export const MARKER_METRICS = {
  /** A mouse or a trackpad: compact. */
  pointer: { font: 13, height: 30, extra: 38, margin: 8, gap: 6 },
  /** A phone or a tablet: the same text, a finger's height. */
  touch: { font: 13, height: 44, extra: 42, margin: 8, gap: 6 },
  /** The museum's screen, read from two metres. */
  kiosk: { font: 20, height: 56, extra: 58, margin: 12, gap: 10 },
} as const satisfies Record<string, MarkerMetrics>;

/**
 * A character of Noto Sans is about 0.58 em on average (label-box.ts); 0.62 leaves room for a
 * name of wide letters, so a marker's box always holds its name.
 */
const EM_PER_CHARACTER = 0.62;

export function markerSize(
  name: string,
  metrics: MarkerMetrics,
): { width: number; height: number } {
  return {
    width: Math.ceil(name.length * EM_PER_CHARACTER * metrics.font + metrics.extra),
    height: metrics.height,
  };
}

/** The places linked in a step's text, in the text's order, each once, where their place is known. */
export function linkedPlaces(step: Step | null, places: Record<string, LngLat>): LinkedPlace[] {
  const seen = new Set<string>();
  const out: LinkedPlace[] = [];
  for (const part of step?.paragraphs.flat() ?? []) {
    if (typeof part !== 'object' || !('place' in part)) continue;
    const at = places[part.place];
    if (!at || seen.has(part.place)) continue;
    seen.add(part.place);
    out.push({ id: part.place, name: part.text, at });
  }
  return out;
}

/** A point moved by whole turns of the globe to the copy of the world nearest a longitude. */
export function nearestCopy([lng, lat]: LngLat, near: number): LngLat {
  return [lng + 360 * Math.round((near - lng) / 360), lat];
}

/**
 * The subject on screen: the box of its extent and of the names beside its places (on either
 * side of their dots), under a camera. The parts of it: `whole`, and `names` (each place's dot
 * with its name), which are what must never be covered.
 */
export function subjectBoxes(
  subject: Subject | null,
  camera: Camera,
  pane: { width: number; height: number; symbolScale?: number },
): { whole: Rect | null; names: Rect[] } {
  if (!subject) return { whole: null, names: [] };
  const boxes = subjectMarks(subject, pane.symbolScale)[0]!.map(({ at, reach }) => {
    const [x, y] = project(nearestCopy(at, camera.center[0]), camera, pane);
    const r = reach ?? { left: 0, right: 0, up: 0, down: 0 };
    return { x: x - r.left, y: y - r.up, width: r.left + r.right, height: r.up + r.down };
  });
  // The first two marks are the extent's corners; the rest are the names.
  return { whole: union(boxes), names: boxes.slice(2) };
}

function union(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

const COMPASS = [
  'east',
  'south-east',
  'south',
  'south-west',
  'west',
  'north-west',
  'north',
  'north-east',
];

/** A screen direction (degrees clockwise from east) as a compass point. */
export function compassPoint(angle: number): string {
  return COMPASS[((Math.round(angle / 45) % 8) + 8) % 8]!;
}

/**
 * The edge marker of each place outside the clear area under the camera, in the order given.
 * A marker sits on the clear area's edge where the line from its centre toward the place crosses
 * it (inset by the margin); markers that would collide on an edge slide apart along it and stay
 * within the clear area. They keep clear of what `avoid` lists: its first list where there is room
 * for that (on the marker's edge, else on a neighbouring one), else its next. A marker with no
 * room anywhere is left out.
 */
export function edgeMarkers(
  places: LinkedPlace[],
  camera: Camera,
  pane: { width: number; height: number },
  clearArea: Rect,
  metrics: MarkerMetrics,
  avoid: Rect[][] = [[]],
): EdgeMarker[] {
  const { margin, gap } = metrics;
  const inner: Rect = {
    x: clearArea.x + margin,
    y: clearArea.y + margin,
    width: clearArea.width - 2 * margin,
    height: clearArea.height - 2 * margin,
  };
  if (inner.width <= 0 || inner.height <= 0) return [];
  const [cx, cy] = [clearArea.x + clearArea.width / 2, clearArea.y + clearArea.height / 2];
  const seen = new Set<string>();
  const wanted = places.flatMap((place) => {
    if (seen.has(place.id)) return [];
    seen.add(place.id);
    const [x, y] = project(nearestCopy(place.at, camera.center[0]), camera, pane);
    if (inside([x, y], clearArea)) return [];
    const [dx, dy] = [x - cx, y - cy];
    const tx = dx === 0 ? Infinity : inner.width / 2 / Math.abs(dx);
    const ty = dy === 0 ? Infinity : inner.height / 2 / Math.abs(dy);
    const t = Math.min(tx, ty);
    const side: Side = tx <= ty ? (dx < 0 ? 'left' : 'right') : dy < 0 ? 'top' : 'bottom';
    const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
    return [
      {
        ...place,
        at: [hundredths(cx + t * dx), hundredths(cy + t * dy)] as [number, number],
        side,
        angle,
        size: markerSize(place.name, metrics),
      },
    ];
  });
  // Markers that would collide on the same edge slide apart along it, symmetrically.
  const start = new Map<string, number>();
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const along = wanted
      .filter((m) => m.side === side)
      .map((m) => ({
        id: m.id,
        length: lengthAlong(side, m.size),
        ideal: idealAlong(side, m.at, m.size),
      }));
    const [lo, hi] = rangeAlong(side, inner);
    for (const [id, s] of spread(along, gap, lo, hi)) start.set(id, s);
  }
  const placed: Rect[] = [];
  const out: EdgeMarker[] = [];
  for (const marker of wanted) {
    const sides = [marker.side, ...neighbours(marker.side, marker.angle)];
    const tries = (avoid: Rect[]) =>
      sides.map((side, i) => {
        const ideal = i === 0 ? start.get(marker.id)! : idealAlong(side, marker.at, marker.size);
        const s = freeAlong(side, ideal, marker.size, inner, [...avoid, ...placed], gap);
        return s === null ? null : { side, box: boxAt(side, s, marker.size, inner) };
      });
    const found = avoid.map((rects) => tries(rects).find(Boolean)).find(Boolean);
    if (!found) continue;
    placed.push(found.box);
    out.push({
      id: marker.id,
      name: marker.name,
      at: marker.at,
      side: found.side,
      box: found.box,
      angle: marker.angle,
      direction: compassPoint(marker.angle),
    });
  }
  return out;
}

function inside([x, y]: [number, number], r: Rect): boolean {
  return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

const horizontal = (side: Side) => side === 'top' || side === 'bottom';

const lengthAlong = (side: Side, size: { width: number; height: number }) =>
  horizontal(side) ? size.width : size.height;

/** Where a marker's box would start along its edge, centred on the crossing point. */
const idealAlong = (
  side: Side,
  [x, y]: [number, number],
  size: { width: number; height: number },
) => (horizontal(side) ? x - size.width / 2 : y - size.height / 2);

const rangeAlong = (side: Side, inner: Rect): [number, number] =>
  horizontal(side) ? [inner.x, inner.x + inner.width] : [inner.y, inner.y + inner.height];

const hundredths = (v: number) => Math.round(v * 100) / 100;

function boxAt(
  side: Side,
  s: number,
  { width, height }: { width: number; height: number },
  inner: Rect,
): Rect {
  switch (side) {
    case 'top':
      return { x: hundredths(s), y: inner.y, width, height };
    case 'bottom':
      return { x: hundredths(s), y: inner.y + inner.height - height, width, height };
    case 'left':
      return { x: inner.x, y: hundredths(s), width, height };
    case 'right':
      return { x: inner.x + inner.width - width, y: hundredths(s), width, height };
  }
}

/** The two edges beside one, the one nearer the direction first. */
function neighbours(side: Side, angle: number): Side[] {
  const across: [Side, Side] = horizontal(side) ? ['left', 'right'] : ['top', 'bottom'];
  const a = (angle * Math.PI) / 180;
  const toward = horizontal(side) ? Math.cos(a) : Math.sin(a);
  return toward < 0 ? across : [across[1], across[0]];
}

/**
 * Positions along an edge for boxes wanting to start at `ideal`: boxes that would overlap (with
 * `gap` between them) are merged into runs centred where their members wanted to be, then runs are
 * kept within [lo, hi]. Returns each box's start, by id.
 */
export function spread(
  boxes: { id: string; length: number; ideal: number }[],
  gap: number,
  lo: number,
  hi: number,
): Map<string, number> {
  type Run = { members: typeof boxes; start: number; length: number; centre: number };
  const runs: Run[] = [];
  for (const box of [...boxes].sort((a, b) => a.ideal - b.ideal)) {
    let run: Run = {
      members: [box],
      start: box.ideal,
      length: box.length,
      centre: box.ideal + box.length / 2,
    };
    // Merge with the run before while they overlap; the merged run centres on its members' wishes.
    for (
      let last = runs.at(-1);
      last && last.start + last.length + gap > run.start;
      last = runs.at(-1)
    ) {
      runs.pop();
      const members = [...last.members, ...run.members];
      const length = members.reduce((sum, m) => sum + m.length, 0) + gap * (members.length - 1);
      const centre = members.reduce((sum, m) => sum + m.ideal + m.length / 2, 0) / members.length;
      run = { members, start: centre - length / 2, length, centre };
    }
    runs.push(run);
  }
  // Within the edge: runs pushed in from its ends, each pushing its neighbours along.
  let floor = lo;
  for (const run of runs) {
    run.start = Math.max(run.start, floor);
    floor = run.start + run.length + gap;
  }
  let ceiling = hi;
  for (const run of [...runs].reverse()) {
    run.start = Math.max(lo, Math.min(run.start, ceiling - run.length));
    ceiling = run.start - gap;
  }
  const out = new Map<string, number>();
  for (const run of runs) {
    let s = run.start;
    for (const member of run.members) {
      out.set(member.id, s);
      s += member.length + gap;
    }
  }
  return out;
}

/**
 * The start along an edge nearest `ideal` at which a box lies within the edge and overlaps none
 * of `avoid` (kept `gap` away), or null when there is none.
 */
function freeAlong(
  side: Side,
  ideal: number,
  size: { width: number; height: number },
  inner: Rect,
  avoid: Rect[],
  gap: number,
): number | null {
  const length = lengthAlong(side, size);
  const [lo, hi] = rangeAlong(side, inner);
  if (hi - lo < length) return null;
  const clamp = (s: number) => Math.max(lo, Math.min(hi - length, s));
  // The box's band across the edge, and the stretches along it that something there blocks.
  const band = boxAt(side, lo, size, inner);
  const blocked = avoid
    .map((r) => ({
      x: r.x - gap,
      y: r.y - gap,
      width: r.width + 2 * gap,
      height: r.height + 2 * gap,
    }))
    .filter((r) =>
      horizontal(side)
        ? r.y < band.y + band.height && band.y < r.y + r.height
        : r.x < band.x + band.width && band.x < r.x + r.width,
    )
    .map((r): [number, number] =>
      horizontal(side) ? [r.x, r.x + r.width] : [r.y, r.y + r.height],
    );
  const free = (s: number) => blocked.every(([a, b]) => s + length <= a || s >= b);
  const candidates = [ideal, ...blocked.flatMap(([a, b]) => [a - length, b])].map(clamp);
  let best: number | null = null;
  for (const s of candidates)
    if (free(s) && (best === null || Math.abs(s - ideal) < Math.abs(best - ideal))) best = s;
  return best;
}

/** The map's aids to finding one's way: the locator inset of a close-up, the edge markers. */
export interface MapAids {
  locator: Locator | null;
  markers: EdgeMarker[];
}

export const NO_AIDS: MapAids = { locator: null, markers: [] };

/**
 * The aids for a step's picture: the locator inset (close-ups), and the edge markers of the places
 * the step's text names outside the view, which keep clear of the inset, and of the subject where
 * they can (never of its places and their names). None in the explore view or without a step.
 */
export function mapAidsFor({
  step,
  picture,
  pane,
  places,
  metrics,
  kiosk,
}: {
  step: Step | null;
  picture: Pick<MapPicture, 'camera' | 'clearArea' | 'interactive' | 'callouts'>;
  pane: { width: number; height: number };
  places: Record<string, LngLat>;
  metrics: MarkerMetrics;
  kiosk: boolean;
}): MapAids {
  const { camera, clearArea } = picture;
  if (!step || !camera || picture.interactive) return NO_AIDS;
  const subject = subjectBoxes(step.subject, camera, pane);
  const locator = locatorFor(camera, pane, clearArea, subject.whole, insetSize(pane.width, kiosk));
  // The inset and the callouts are never covered; the subject if there is room, else its names.
  const kept = [...(locator ? [locator.box] : []), ...picture.callouts.map(({ box }) => box)];
  const avoid = [
    [...kept, ...(subject.whole ? [subject.whole] : [])],
    [...kept, ...subject.names],
  ];
  return {
    locator,
    markers: edgeMarkers(linkedPlaces(step, places), camera, pane, clearArea, metrics, avoid),
  };
}

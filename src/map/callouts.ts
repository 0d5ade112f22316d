/**
 * Where a step's callouts go on screen (pure, runs in Node): each text box sits near its anchor,
 * joined by a short leader line, inside the clear area, off the subject's dots and names and off
 * the other callouts. Placed for the picture's camera, so they stand still once the map settles.
 */
import type { Callout, LngLat, Subject } from '../story/types.ts';
import { project, type Camera, type Layout, type Rect } from './frame.ts';
import { labelSize } from './label-box.ts';
import type { Anchor } from './name-sides.ts';
import { SYMBOLS, type TextSymbol } from './symbology.ts';

export interface PlacedCallout {
  text: string;
  /** The anchor on screen, where the leader line starts (CSS px, relative to the map pane). */
  at: [number, number];
  box: Rect;
}

/**
 * The callout's text, as its box sets it (CSS in Callouts.svelte follows these numbers, times the
 * layout's symbol scale: a kiosk's callouts are as much larger as its names).
 */
export const CALLOUT_TEXT: TextSymbol = {
  colour: SYMBOLS.ownPlaceLabel.colour,
  size: 13,
  halo: '',
  haloWidth: 0,
  maxWidth: 14,
};
/** The box's padding around the text, and the room kept from the clear area's edges. */
export const CALLOUT_PADDING = 6;
const MARGIN = 8;
/** Leader lengths tried, shortest first, and the directions tried at each (Imhof's order). */
const DISTANCES = [36, 64, 100];
const DIRECTIONS: [number, number][] = [
  [1, -1],
  [1, 0],
  [1, 1],
  [-1, -1],
  [-1, 0],
  [-1, 1],
  [0, -1],
  [0, 1],
];

export function placeCallouts(
  callouts: Callout[],
  subject: Subject | null,
  nameSides: [id: string, anchor: Anchor][],
  camera: Camera,
  layout: Layout,
  clearArea: Rect,
): PlacedCallout[] {
  const scale = layout.symbolScale ?? 1;
  const taken = subject ? subjectBoxes(subject, nameSides, camera, layout) : [];
  const room = inset(clearArea, MARGIN);
  const placed: PlacedCallout[] = [];
  for (const { text, at } of callouts) {
    const point = project(nearCentre(at, camera), camera, layout);
    if (!inside(point, room)) continue;
    const size = labelSize(text, CALLOUT_TEXT);
    const width = Math.ceil((size.width + 2 * CALLOUT_PADDING) * scale);
    const height = Math.ceil((size.height + 2 * CALLOUT_PADDING) * scale);
    let best: { box: Rect; overlap: number } | null = null;
    for (const distance of DISTANCES) {
      for (const direction of DIRECTIONS) {
        const box = boxAt(point, direction, distance, width, height);
        if (!contains(room, box)) continue;
        const overlap = taken.reduce((sum, other) => sum + overlapArea(box, other), 0);
        if (!best || overlap < best.overlap) best = { box, overlap };
        if (overlap === 0) break;
      }
      if (best?.overlap === 0) break;
    }
    if (!best) continue;
    placed.push({ text, at: point, box: best.box });
    taken.push(best.box);
  }
  return placed;
}

/** The box for a leader going `distance` px in a direction: its nearest edge meets the leader's end. */
function boxAt(
  [x, y]: [number, number],
  [dx, dy]: [number, number],
  distance: number,
  width: number,
  height: number,
): Rect {
  const norm = Math.hypot(dx, dy);
  const [ex, ey] = [x + (dx / norm) * distance, y + (dy / norm) * distance];
  const left = dx > 0 ? ex : dx < 0 ? ex - width : ex - width / 2;
  const top = dy > 0 ? ey : dy < 0 ? ey - height : ey - height / 2;
  return { x: Math.round(left), y: Math.round(top), width, height };
}

/** The subject's dots and names on screen: the callouts keep off them. */
function subjectBoxes(
  { names }: Subject,
  nameSides: [id: string, anchor: Anchor][],
  camera: Camera,
  layout: Layout,
): Rect[] {
  const sides = new Map(nameSides);
  const scale = layout.symbolScale ?? 1;
  const symbol = SYMBOLS.ownPlaceLabel;
  const dot = (SYMBOLS.ownPlace.radius + SYMBOLS.ownPlace.strokeWidth + 2) * scale;
  const gap = (symbol.offset ?? 0) * symbol.size * scale;
  return names.flatMap(({ id, at, text }) => {
    const [x, y] = project(nearCentre(at, camera), camera, layout);
    const size = labelSize(text, symbol);
    const [width, height] = [size.width * scale, size.height * scale];
    const side = sides.get(id) ?? 'left';
    const label: Rect =
      side === 'right'
        ? { x: x - gap - width, y: y - height / 2, width, height }
        : side === 'top'
          ? { x: x - width / 2, y: y + gap, width, height }
          : side === 'bottom'
            ? { x: x - width / 2, y: y - gap - height, width, height }
            : { x: x + gap, y: y - height / 2, width, height };
    return [{ x: x - dot, y: y - dot, width: 2 * dot, height: 2 * dot }, label];
  });
}

/** A point moved by whole turns of the globe to the copy nearest the camera's centre. */
function nearCentre([lng, lat]: LngLat, camera: Camera): LngLat {
  return [lng + 360 * Math.round((camera.center[0] - lng) / 360), lat];
}

const inset = (r: Rect, by: number): Rect => ({
  x: r.x + by,
  y: r.y + by,
  width: r.width - 2 * by,
  height: r.height - 2 * by,
});

const inside = ([x, y]: [number, number], r: Rect) =>
  x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;

const contains = (outer: Rect, r: Rect) =>
  r.x >= outer.x &&
  r.y >= outer.y &&
  r.x + r.width <= outer.x + outer.width &&
  r.y + r.height <= outer.y + outer.height;

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Framing maths, pure (no maplibre, runs in Node): the part of the map pane that nothing covers,
 * and the Web Mercator camera that fits an area into it. maplibre's own `cameraForBounds` gives
 * the same camera; doing it here lets every step be checked at every layout without a browser.
 */
import type { Bounds, LngLat } from '../story/types.ts';

/** A rectangle in CSS pixels, relative to the map pane's top left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The map pane's size and what lies over it (timeline, key, controls, the phone's text sheet). */
export interface Layout {
  width: number;
  height: number;
  overlays: Rect[];
  /** How much larger than on a desk the map draws its labels and symbols (a kiosk's), 1 if unset. */
  symbolScale?: number;
}

export interface Camera {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** maplibre's tile size: at zoom z the world is 512 * 2^z pixels wide. */
const WORLD_PX = 512;
const MAX_LAT = 85.051129;

/**
 * The largest rectangle of the pane that no overlay touches. Its edges can only lie on the pane's
 * edges or an overlay's, so trying every pair of those is exact (a handful of overlays: cheap).
 */
export function clearAreaOf({ width, height, overlays }: Layout): Rect {
  const inside = overlays
    .map((o) => clip(o, width, height))
    .filter((o) => o.width > 0 && o.height > 0);
  const xs = [...new Set([0, width, ...inside.flatMap((o) => [o.x, o.x + o.width])])].sort(
    (a, b) => a - b,
  );
  const ys = [...new Set([0, height, ...inside.flatMap((o) => [o.y, o.y + o.height])])].sort(
    (a, b) => a - b,
  );
  let best: Rect = { x: 0, y: 0, width: 0, height: 0 };
  for (const [i, x0] of xs.entries())
    for (const x1 of xs.slice(i + 1))
      for (const [j, y0] of ys.entries())
        for (const y1 of ys.slice(j + 1)) {
          const area = (x1 - x0) * (y1 - y0);
          if (area <= best.width * best.height) continue;
          const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
          if (!inside.some((o) => overlaps(o, rect))) best = rect;
        }
  return best;
}

function clip(rect: Rect, width: number, height: number): Rect {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  return {
    x,
    y,
    width: Math.min(width, rect.x + rect.width) - x,
    height: Math.min(height, rect.y + rect.height) - y,
  };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Room left between a fitted subject and the edges of the clear area, in CSS pixels. */
export function fitMargin(area: Rect): number {
  return Math.round(Math.min(40, Math.max(12, 0.06 * Math.min(area.width, area.height))));
}

const mercatorX = (lng: number) => (lng + 180) / 360;
const mercatorY = (lat: number) => {
  const sin = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
};
const longitude = (x: number) => x * 360 - 180;
const latitude = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * Something to keep in view: a point, and how far what is drawn there reaches from it on screen
 * (CSS px; a place's name to its right, say). A bare point reaches nowhere.
 */
export interface Mark {
  at: LngLat;
  reach?: { left: number; right: number; up: number; down: number };
}

/** The corners of bounds, as marks. */
export const cornersOf = ([[west, south], [east, north]]: Bounds): Mark[] => [
  { at: [west, north] },
  { at: [east, south] },
];

/**
 * The north-up camera that shows `bounds` as large as fits in `area` (less its margin) of a pane
 * `pane.width` x `pane.height`, with the bounds' centre at the area's centre.
 */
export function fitBounds(
  bounds: Bounds,
  pane: { width: number; height: number },
  area: Rect,
  maxZoom = 22,
): Camera {
  return fitFirst([cornersOf(bounds)], pane, area, maxZoom);
}

/**
 * The north-up camera that shows every mark, with all it reaches, as large as fits in `area` less
 * its margin, centred there. When the marks do not fit even at `minZoom` (names wider than the
 * area): null, or with `anyway` the marks centred at `minZoom`.
 */
export function fitMarks(
  marks: Mark[],
  pane: { width: number; height: number },
  area: Rect,
  maxZoom = 22,
  minZoom = 0,
  anyway = false,
): Camera | null {
  const margin = fitMargin(area);
  const room = {
    width: Math.max(1, area.width - 2 * margin),
    height: Math.max(1, area.height - 2 * margin),
  };
  const points = marks.map(({ at: [lng, lat], reach }) => ({
    x: mercatorX(lng),
    y: mercatorY(lat),
    reach: reach ?? { left: 0, right: 0, up: 0, down: 0 },
  }));
  /** How wide and tall the marks are on screen at a zoom, and their middle in world units. */
  const spread = (zoom: number) => {
    const worldPx = WORLD_PX * 2 ** zoom;
    const left = Math.min(...points.map((p) => p.x * worldPx - p.reach.left));
    const right = Math.max(...points.map((p) => p.x * worldPx + p.reach.right));
    const top = Math.min(...points.map((p) => p.y * worldPx - p.reach.up));
    const bottom = Math.max(...points.map((p) => p.y * worldPx + p.reach.down));
    return {
      fits: right - left <= room.width && bottom - top <= room.height,
      middle: [(left + right) / 2 / worldPx, (top + bottom) / 2 / worldPx] as [number, number],
    };
  };
  if (!spread(minZoom).fits)
    return anyway ? centreAt(spread(minZoom).middle, minZoom, pane, area) : null;
  // The spread grows with the zoom (it is convex in the scale), so the zooms that fit are an
  // interval from `minZoom`: find its top by halving.
  let [low, high] = [minZoom, maxZoom];
  if (spread(high).fits) low = high;
  else
    for (let i = 0; i < 40; i++) {
      const mid = (low + high) / 2;
      if (spread(mid).fits) low = mid;
      else high = mid;
    }
  return centreAt(spread(low).middle, low, pane, area);
}

/**
 * The camera for the first of these ways of showing something that fits (say: names on either
 * side of their dots, then to the right only, then no names); the last is shown at `minZoom` if
 * even it does not fit.
 */
export function fitFirst(
  choices: Mark[][],
  pane: { width: number; height: number },
  area: Rect,
  maxZoom = 22,
  minZoom = 0,
): Camera {
  for (const [i, marks] of choices.entries()) {
    const camera = fitMarks(marks, pane, area, maxZoom, minZoom, i === choices.length - 1);
    if (camera) return camera;
  }
  throw new Error('fitFirst needs at least one way of showing something');
}

/** Whether every mark, with all it reaches, lies in `area` less its margin under a camera. */
export function marksFit(
  marks: Mark[],
  camera: Camera,
  pane: { width: number; height: number },
  area: Rect,
): boolean {
  const margin = fitMargin(area) - 0.5;
  return marks.every(({ at, reach = { left: 0, right: 0, up: 0, down: 0 } }) => {
    const [x, y] = project(at, camera, pane);
    return (
      x - reach.left >= area.x + margin &&
      x + reach.right <= area.x + area.width - margin &&
      y - reach.up >= area.y + margin &&
      y + reach.down <= area.y + area.height - margin
    );
  });
}

/** The camera that puts a point at the centre of `area`, at a zoom. */
export function centreOn(
  [lng, lat]: LngLat,
  zoom: number,
  pane: { width: number; height: number },
  area: Rect,
): Camera {
  return centreAt([mercatorX(lng), mercatorY(lat)], zoom, pane, area);
}

function centreAt(
  [x, y]: [number, number],
  zoom: number,
  pane: { width: number; height: number },
  area: Rect,
): Camera {
  // The map's centre is the pane's; the subject goes to the clear area's centre instead.
  const worldPx = WORLD_PX * 2 ** zoom;
  const dx = (area.x + area.width / 2 - pane.width / 2) / worldPx;
  const dy = (area.y + area.height / 2 - pane.height / 2) / worldPx;
  return {
    center: [longitude(x - dx), latitude(y - dy)],
    zoom,
    bearing: 0,
    pitch: 0,
  };
}

/** Where a point lies on the pane for a camera (north up, no pitch), in CSS pixels. */
export function project(
  [lng, lat]: LngLat,
  camera: Camera,
  pane: { width: number; height: number },
): [number, number] {
  const worldPx = WORLD_PX * 2 ** camera.zoom;
  return [
    pane.width / 2 + (mercatorX(lng) - mercatorX(camera.center[0])) * worldPx,
    pane.height / 2 + (mercatorY(lat) - mercatorY(camera.center[1])) * worldPx,
  ];
}

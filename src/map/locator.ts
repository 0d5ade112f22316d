/**
 * The locator inset of a close-up (pure, no maplibre): a small map of East and Southeast Asia with
 * a rectangle for the view, in the clear area's corner farthest from the subject. Drawn as SVG from
 * a tiny land outline the build emits (data/basemap-locator.geojson, scripts/locator-land.ts).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Bounds, LngLat } from '../story/types.ts';
import { project, type Camera, type Rect } from './frame.ts';

/** A view this close or closer gets a locator. */
export const LOCATOR_MIN_ZOOM = 5;

/**
 * The locator's coordinates: Web Mercator in pixels at zoom 2 (a world 2048 px across), the
 * extent's top left corner at 0, 0. Integers are precise enough for an inset 160 px wide at most.
 */
const ZOOM = 2;
const WORLD: Camera = { center: [0, 0], zoom: ZOOM, bearing: 0, pitch: 0 };
const WORLD_PANE = { width: 512 * 2 ** ZOOM, height: 512 * 2 ** ZOOM };
const onWorld = (at: LngLat) => project(at, WORLD, WORLD_PANE);

/** West, east and south of the extent (Burma to Japan, Sumatra to Korea); north gives it 4:3. */
const WEST = 86;
const EAST = 150;
const SOUTH = -2;
const [X0, Y1] = onWorld([WEST, SOUTH]);
const X1 = onWorld([EAST, SOUTH])[0];
/** The extent in locator coordinates, before moving its corner to 0, 0. */
const EXTENT: Rect = {
  x: X0,
  y: Y1 - ((X1 - X0) * 3) / 4,
  width: X1 - X0,
  height: ((X1 - X0) * 3) / 4,
};

/** The extent's width and height in locator units (the inset's viewBox). */
export const LOCATOR_SIZE = { width: EXTENT.width, height: EXTENT.height };

/** The extent as west, south, east, north, for the build to clip the land to. */
export const LOCATOR_BOUNDS: Bounds = [
  [WEST, SOUTH],
  [EAST, (Math.atan(Math.sinh(Math.PI * (1 - (2 * EXTENT.y) / WORLD_PANE.width))) * 180) / Math.PI],
];

/** A point in the inset's coordinates (viewBox units). */
export function toLocator(at: LngLat): [number, number] {
  const [x, y] = onWorld(at);
  return [x - EXTENT.x, y - EXTENT.y];
}

/** The land as one SVG path in the inset's coordinates, rounded to a tenth of a unit. */
export function landPath(land: { features: { geometry: Polygon | MultiPolygon }[] }): string {
  const ring = (positions: Position[]) =>
    positions
      .map(([lng = 0, lat = 0], i) => {
        const [x, y] = toLocator([lng, lat]);
        return `${i === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
      })
      .join('') + 'Z';
  return land.features
    .flatMap(({ geometry }) =>
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates,
    )
    .flatMap((rings) => rings.map(ring))
    .join('');
}

/** The pane's view under a camera, as a rectangle in the inset's coordinates. */
export function viewOnLocator(camera: Camera, pane: { width: number; height: number }): Rect {
  // The copy of the camera's centre nearest the extent's middle.
  const middle = (WEST + EAST) / 2;
  const lng = camera.center[0] + 360 * Math.round((middle - camera.center[0]) / 360);
  const [x, y] = toLocator([lng, camera.center[1]]);
  const scale = 2 ** (ZOOM - camera.zoom);
  const [width, height] = [pane.width * scale, pane.height * scale];
  return { x: x - width / 2, y: y - height / 2, width, height };
}

/** The inset's size on screen (CSS px): larger on the museum's screen, smaller on a phone's. */
export function insetSize(paneWidth: number, kiosk: boolean): { width: number; height: number } {
  if (kiosk) return { width: 160, height: 120 };
  if (paneWidth >= 600) return { width: 120, height: 90 };
  return { width: 88, height: 66 };
}

export interface Locator {
  /** Where the inset goes (CSS px, relative to the pane). */
  box: Rect;
  /** The view's rectangle in the inset's coordinates (its viewBox is LOCATOR_SIZE). */
  view: Rect;
}

/** Room kept between the inset and the clear area's edge, and between it and the subject. */
const MARGIN = 8;
/** The inset takes at most this share of the clear area's width and of its height. */
const MAX_SHARE = 0.4;

/**
 * The locator inset for a camera: null unless it is a close-up (zoom 5 or more) of somewhere in
 * the locator's extent, the clear area has room for it, and a corner of the clear area is free of
 * the subject (its box on screen). The inset goes in the free corner farthest from the subject;
 * with no subject, bottom left first (the key and the controls sit on the right).
 */
export function locatorFor(
  camera: Camera | null,
  pane: { width: number; height: number },
  clearArea: Rect,
  subject: Rect | null,
  size: { width: number; height: number },
): Locator | null {
  if (!camera || camera.zoom < LOCATOR_MIN_ZOOM) return null;
  const view = viewOnLocator(camera, pane);
  const [vx, vy] = [view.x + view.width / 2, view.y + view.height / 2];
  if (vx < 0 || vy < 0 || vx > EXTENT.width || vy > EXTENT.height) return null;
  if (size.width > clearArea.width * MAX_SHARE || size.height > clearArea.height * MAX_SHARE)
    return null;
  const [left, top] = [clearArea.x + MARGIN, clearArea.y + MARGIN];
  const right = clearArea.x + clearArea.width - MARGIN - size.width;
  const bottom = clearArea.y + clearArea.height - MARGIN - size.height;
  const corners: Rect[] = [
    { x: left, y: bottom, ...size },
    { x: left, y: top, ...size },
    { x: right, y: bottom, ...size },
    { x: right, y: top, ...size },
  ];
  const scored = corners
    .map((box) => ({ box, distance: subject ? distance(box, subject) : Infinity }))
    .filter(({ distance }) => distance >= MARGIN);
  if (scored.length === 0) return null;
  // The farthest; among equals (no subject, or far enough from it alike), the first.
  const best = scored.reduce((a, b) => (b.distance > a.distance ? b : a));
  return { box: best.box, view };
}

/** The gap between two rectangles (0 when they touch or overlap). */
export function distance(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

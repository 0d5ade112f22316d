import { describe, expect, it } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import { locatorLand } from '../../scripts/locator-land.ts';
import type { Camera, Rect } from '../../src/map/frame.ts';
import {
  distance,
  insetSize,
  landPath,
  LOCATOR_BOUNDS,
  LOCATOR_SIZE,
  locatorFor,
  toLocator,
  viewOnLocator,
} from '../../src/map/locator.ts';

const pane = { width: 800, height: 600 };
const whole: Rect = { x: 0, y: 0, ...pane };
const size = { width: 120, height: 90 };
const hanoi: Camera = { center: [105.8, 21], zoom: 6, bearing: 0, pitch: 0 };

describe('the locator’s extent', () => {
  it('is East and Southeast Asia, 4:3, its corners at the viewBox’s', () => {
    expect(LOCATOR_SIZE.width / LOCATOR_SIZE.height).toBeCloseTo(4 / 3, 9);
    const [[west, south], [east, north]] = LOCATOR_BOUNDS;
    expect(toLocator([west, north])[0]).toBeCloseTo(0, 6);
    expect(toLocator([west, north])[1]).toBeCloseTo(0, 6);
    expect(toLocator([east, south])[0]).toBeCloseTo(LOCATOR_SIZE.width, 6);
    expect(toLocator([east, south])[1]).toBeCloseTo(LOCATOR_SIZE.height, 6);
    // Rangoon, Jakarta's latitude, Beijing, Tokyo's longitude.
    expect(west).toBeLessThan(96);
    expect(south).toBeLessThan(0);
    expect(north).toBeGreaterThan(40);
    expect(east).toBeGreaterThan(140);
  });
});

describe('viewOnLocator', () => {
  it('is the pane at the camera’s scale, centred on its centre', () => {
    const view = viewOnLocator(hanoi, pane);
    // The locator is drawn at zoom 2: a view at zoom 6 is 16 times smaller.
    expect(view.width).toBeCloseTo(800 / 16, 9);
    expect(view.height).toBeCloseTo(600 / 16, 9);
    const [x, y] = toLocator(hanoi.center);
    expect(view.x + view.width / 2).toBeCloseTo(x, 9);
    expect(view.y + view.height / 2).toBeCloseTo(y, 9);
  });

  it('takes the copy of the camera’s centre over the extent', () => {
    const turned = viewOnLocator({ ...hanoi, center: [105.8 - 360, 21] }, pane);
    expect(turned.x).toBeCloseTo(viewOnLocator(hanoi, pane).x, 6);
  });
});

describe('locatorFor', () => {
  it('is for close-ups of East and Southeast Asia only', () => {
    expect(locatorFor(null, pane, whole, null, size)).toBeNull();
    expect(locatorFor({ ...hanoi, zoom: 4.9 }, pane, whole, null, size)).toBeNull();
    expect(locatorFor({ ...hanoi, center: [37.6, 55.8] }, pane, whole, null, size)).toBeNull();
    expect(locatorFor(hanoi, pane, whole, null, size)).not.toBeNull();
  });

  it('goes bottom left without a subject, inside the clear area', () => {
    const area: Rect = { x: 0, y: 100, width: 800, height: 400 };
    expect(locatorFor(hanoi, pane, area, null, size)!.box).toEqual({ x: 8, y: 402, ...size });
  });

  it('goes in the corner farthest from the subject', () => {
    const subjectBottomLeft: Rect = { x: 50, y: 350, width: 300, height: 200 };
    expect(locatorFor(hanoi, pane, whole, subjectBottomLeft, size)!.box).toEqual({
      x: 800 - 8 - 120,
      y: 8,
      ...size,
    });
    const subjectTopRight: Rect = { x: 500, y: 20, width: 250, height: 200 };
    expect(locatorFor(hanoi, pane, whole, subjectTopRight, size)!.box).toEqual({
      x: 8,
      y: 600 - 8 - 90,
      ...size,
    });
  });

  it('is left out when the subject reaches every corner, or the clear area has no room', () => {
    const everywhere: Rect = { x: 20, y: 20, width: 760, height: 560 };
    expect(locatorFor(hanoi, pane, whole, everywhere, size)).toBeNull();
    const narrow: Rect = { x: 0, y: 0, width: 280, height: 600 };
    expect(locatorFor(hanoi, pane, narrow, null, size)).toBeNull();
  });

  it('is smaller on a phone and larger on the kiosk', () => {
    expect(insetSize(390, false)).toEqual({ width: 88, height: 66 });
    expect(insetSize(832, false)).toEqual({ width: 120, height: 90 });
    expect(insetSize(1081, true)).toEqual({ width: 160, height: 120 });
  });
});

describe('distance', () => {
  it('is the gap between rectangles, 0 when they meet', () => {
    const a: Rect = { x: 0, y: 0, width: 10, height: 10 };
    expect(distance(a, { x: 13, y: 14, width: 5, height: 5 })).toBe(5);
    expect(distance(a, { x: 5, y: 5, width: 10, height: 10 })).toBe(0);
  });
});

describe('the locator’s land', () => {
  it('draws rings as closed paths in the viewBox', () => {
    const [[west, south], [east, north]] = LOCATOR_BOUNDS;
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [west, north],
          [east, north],
          [east, south],
          [west, north],
        ],
      ],
    };
    const path = landPath({ features: [{ geometry: square }] });
    expect(path).toBe(`M0 0L${Math.round(LOCATOR_SIZE.width * 10) / 10} 0L364.1 273.1L0 0Z`);
  });

  it('is built small from the basemap’s land, within the extent', () => {
    const { files } = loadStoryData(process.cwd());
    const text = files['basemap-locator.geojson']!;
    expect(text.length).toBeLessThan(10_000);
    const land = JSON.parse(text) as ReturnType<typeof locatorLand>;
    const positions = land.features.flatMap((f) => f.geometry.coordinates.flat(2));
    const [[west, south], [east, north]] = LOCATOR_BOUNDS;
    expect(positions.length).toBeGreaterThan(100);
    for (const [lng = 0, lat = 0] of positions) {
      expect(lng).toBeGreaterThanOrEqual(west - 1);
      expect(lng).toBeLessThanOrEqual(east + 1);
      expect(lat).toBeGreaterThanOrEqual(south - 1);
      expect(lat).toBeLessThanOrEqual(north + 1);
    }
    // The islands the story names are there.
    const rings = land.features.flatMap((f) =>
      f.geometry.coordinates.map((polygon) => polygon[0]!),
    );
    const holding = ([lng, lat]: [number, number]) =>
      rings.filter((ring) => {
        const xs = ring.map(([x = 0]) => x);
        const ys = ring.map(([, y = 0]) => y);
        return (
          Math.min(...xs) <= lng &&
          lng <= Math.max(...xs) &&
          Math.min(...ys) <= lat &&
          lat <= Math.max(...ys)
        );
      }).length;
    expect(holding([109.7, 19.2])).toBeGreaterThan(0); // Hainan
    expect(holding([121, 23.7])).toBeGreaterThan(0); // Taiwan
  });
});

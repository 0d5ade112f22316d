import { describe, expect, it } from 'vitest';
import {
  centreOn,
  clearAreaOf,
  fitBounds,
  fitFirst,
  fitMargin,
  fitMarks,
  marksFit,
  type Mark,
  project,
  type Rect,
} from '../../src/map/frame.ts';

const pane = { width: 800, height: 600 };

describe('clearAreaOf', () => {
  it('is the whole pane when nothing covers it', () => {
    expect(clearAreaOf({ ...pane, overlays: [] })).toEqual({ x: 0, y: 0, ...pane });
  });

  it('leaves out bars along the edges', () => {
    const overlays: Rect[] = [
      { x: 0, y: 0, width: 800, height: 100 },
      { x: 0, y: 540, width: 800, height: 60 },
    ];
    expect(clearAreaOf({ ...pane, overlays })).toEqual({ x: 0, y: 100, width: 800, height: 440 });
  });

  it('takes the larger side of a panel in a corner, and clips overlays to the pane', () => {
    const overlays: Rect[] = [
      { x: 600, y: 0, width: 300, height: 100 },
      { x: -50, y: 550, width: 100, height: 100 },
    ];
    // Below the panel and right of the box (750 x 500) beats above the box (800 x 450) and left
    // of the panel (600 x 550).
    expect(clearAreaOf({ ...pane, overlays })).toEqual({ x: 50, y: 100, width: 750, height: 500 });
  });

  it('never overlaps an overlay', () => {
    const overlays: Rect[] = [
      { x: 100, y: 100, width: 50, height: 50 },
      { x: 500, y: 300, width: 120, height: 40 },
      { x: 300, y: 0, width: 40, height: 600 },
    ];
    const area = clearAreaOf({ ...pane, overlays });
    for (const o of overlays) {
      const apart =
        o.x >= area.x + area.width ||
        area.x >= o.x + o.width ||
        o.y >= area.y + area.height ||
        area.y >= o.y + o.height;
      expect(apart).toBe(true);
    }
    expect(area.width * area.height).toBeGreaterThan(0);
  });
});

describe('fitBounds', () => {
  const area: Rect = { x: 0, y: 100, width: 500, height: 400 };

  it('puts the bounds inside the area, less its margin, as large as they fit', () => {
    const camera = fitBounds(
      [
        [100, 10],
        [110, 25],
      ],
      pane,
      area,
    );
    const margin = fitMargin(area);
    const [x0, y0] = project([100, 25], camera, pane);
    const [x1, y1] = project([110, 10], camera, pane);
    expect(x0).toBeGreaterThanOrEqual(area.x + margin - 0.01);
    expect(y0).toBeGreaterThanOrEqual(area.y + margin - 0.01);
    expect(x1).toBeLessThanOrEqual(area.x + area.width - margin + 0.01);
    expect(y1).toBeLessThanOrEqual(area.y + area.height - margin + 0.01);
    // Tight in one direction: the taller-than-wide bounds fill the height.
    expect(y1 - y0).toBeCloseTo(area.height - 2 * margin, 5);
    // Centred in the area.
    expect((x0 + x1) / 2).toBeCloseTo(area.x + area.width / 2, 5);
  });

  it('zooms no closer than the limit', () => {
    const camera = fitBounds(
      [
        [105, 20],
        [105.01, 20.01],
      ],
      pane,
      area,
      9,
    );
    expect(camera.zoom).toBe(9);
    expect(camera.bearing).toBe(0);
    expect(camera.pitch).toBe(0);
  });
});

describe('fitMarks and fitFirst', () => {
  const area: Rect = { x: 100, y: 50, width: 400, height: 300 };
  const hanoi: [number, number] = [105.85, 21.03];
  const pass: [number, number] = [106.76, 21.98];
  /** A name of `width` px to the right of its point (and `left` px to its left). */
  const named = (at: [number, number], width: number, left = 8): Mark => ({
    at,
    reach: { left, right: width, up: 10, down: 10 },
  });

  it('keeps points and the names beside them inside the area, less its margin', () => {
    const marks = [named(hanoi, 60), named(pass, 200)];
    const camera = fitMarks(marks, pane, area, 22)!;
    expect(marksFit(marks, camera, pane, area)).toBe(true);
    // As large as fits: a little closer and it does not.
    expect(marksFit(marks, { ...camera, zoom: camera.zoom + 0.05 }, pane, area)).toBe(false);
  });

  it('gives up (null) when the names alone are wider than the area', () => {
    expect(fitMarks([named(hanoi, 300, 300)], pane, area, 22, -1)).toBeNull();
  });

  it('takes the first way of showing that fits, and centres the last at the least zoom', () => {
    const wide = [named(hanoi, 300, 300)];
    const right = [named(hanoi, 300)];
    expect(fitFirst([wide, right], pane, area, 6, -1)).toEqual(fitMarks(right, pane, area, 6, -1));
    const camera = fitFirst([wide], pane, area, 6, -1);
    expect(camera.zoom).toBe(-1);
    const [x, y] = project(hanoi, camera, pane);
    expect(x).toBeCloseTo(area.x + area.width / 2, 6);
    expect(y).toBeCloseTo(area.y + area.height / 2, 6);
  });
});

describe('centreOn', () => {
  it('puts the point at the centre of the area', () => {
    const area: Rect = { x: 0, y: 0, width: 800, height: 300 };
    const camera = centreOn([105.85, 21.03], 6, pane, area);
    const [x, y] = project([105.85, 21.03], camera, pane);
    expect(x).toBeCloseTo(400, 5);
    expect(y).toBeCloseTo(150, 5);
    expect(camera.zoom).toBe(6);
  });
});

/**
 * The map's picture for every step at every layout the story supports, in milliseconds: what a
 * browser walk through the steps would otherwise check.
 */
import { describe, expect, it } from 'vitest';
import {
  centreOn,
  clearAreaOf,
  fitMargin,
  fitMarks,
  marksFit,
  project,
  type Layout,
  type Mark,
} from '../../src/map/frame.ts';
import {
  drawnFraction,
  MIN_ZOOM,
  OPENING_BOUNDS,
  pictureFor,
  subjectMarks,
} from '../../src/map/picture.ts';
import type { Bounds } from '../../src/story/types.ts';
import { layouts, momentOf, story } from './measured.ts';

const moment = momentOf;
/** No view zooms out past one world across the pane. */
const leastZoom = (layout: Layout) => Math.max(MIN_ZOOM, Math.log2(layout.width / 512));

/** Whether bounds lie inside the clear area (less its margin) under the picture's camera. */
function framed(bounds: Bounds, layout: Layout, picture: ReturnType<typeof pictureFor>) {
  const area = picture.clearArea;
  const margin = fitMargin(area) - 0.5;
  const [x0, y0] = project([bounds[0][0], bounds[1][1]], picture.camera!, layout);
  const [x1, y1] = project([bounds[1][0], bounds[0][1]], picture.camera!, layout);
  return (
    x0 >= area.x + margin &&
    y0 >= area.y + margin &&
    x1 <= area.x + area.width - margin &&
    y1 <= area.y + area.height - margin
  );
}

describe.each(layouts)('the picture at the %s layout', (_name, layout) => {
  it('frames the title view in the clear area', () => {
    const picture = pictureFor(moment(), layout);
    expect(picture.clearArea).toEqual(clearAreaOf(layout));
    expect(picture.camera?.about).toBe('title');
    expect(framed(OPENING_BOUNDS, layout, picture)).toBe(true);
    expect(picture.layers).toEqual([]);
  });

  it('shows every step: its layers, period, emphasis and movements, its bounds in the clear area', () => {
    for (const step of story.steps) {
      const picture = pictureFor(moment({ step }), layout);
      expect(picture.camera?.about).toBe(`step:${step.id}`);
      expect(picture.layers).toEqual(step.layers);
      expect(picture.period).toEqual(step.period);
      expect(picture.emphasis).toEqual(step.highlight);
      expect(picture.moving).toEqual(step.moving);
      expect(picture.interactive).toBe(false);
      // A view of half the world cannot fit a small clear area, even zoomed out to one world
      // across the pane.
      if (step.view.kind === 'bounds' && picture.camera!.zoom > leastZoom(layout) + 1e-9)
        expect(framed(step.view.bounds, layout, picture), step.id).toBe(true);
    }
  });

  it('keeps every step’s subject, with the names beside its places, in the clear area', () => {
    const unframed = story.steps.filter((step) => {
      if (!step.subject) return false;
      const { camera, clearArea } = pictureFor(moment({ step }), layout);
      // With the names where the map puts them first (to the right of their dots), or, where
      // they cannot fit at any zoom, the places themselves; or nothing can fit this clear area.
      const [, namesRight, bare] = subjectMarks(step.subject, layout.symbolScale) as [
        Mark[],
        Mark[],
        Mark[],
      ];
      const fits = (marks: Mark[]) => marksFit(marks, camera!, layout, clearArea);
      const possible = (marks: Mark[]) =>
        fitMarks(marks, layout, clearArea, 22, leastZoom(layout)) !== null;
      if (fits(namesRight)) return false;
      if (possible(namesRight)) return true;
      return possible(bare) && !fits(bare);
    });
    expect(unframed.map((step) => step.id)).toEqual([]);
  });

  it('keeps an authored camera where the subject fits under it', () => {
    for (const step of story.steps) {
      if (step.view.kind !== 'camera') continue;
      const picture = pictureFor(moment({ step }), layout);
      const hint = centreOn(step.view.center, step.view.zoom, layout, picture.clearArea);
      const [bothSides] = subjectMarks(step.subject!, layout.symbolScale);
      const kept = marksFit(bothSides!, hint, layout, picture.clearArea);
      if (kept) expect(picture.camera, step.id).toMatchObject(hint);
      // Otherwise the subject decides, never closer than the author's zoom.
      else expect(picture.camera!.zoom, step.id).toBeLessThanOrEqual(step.view.zoom);
    }
  });

  it('centres a place brought into view from the text in the clear area', () => {
    const step = story.steps.find((s) => s.id === 'geneva-agreement-1954')!;
    const picture = pictureFor(moment({ step, placeShown: 'hanoi' }), layout);
    const [x, y] = project(story.places.hanoi!, picture.camera!, layout);
    const area = picture.clearArea;
    expect(x).toBeCloseTo(area.x + area.width / 2, 3);
    expect(y).toBeCloseTo(area.y + area.height / 2, 3);
    expect(picture.camera!.zoom).toBeGreaterThanOrEqual(5);
    expect(picture.camera!.zoom).toBeLessThanOrEqual(7);
    expect(picture.ringed).toBe('hanoi');
  });
});

describe('pictureFor', () => {
  const layout = new Map(layouts).get('desktop')!;
  const withMovements = story.steps.find((s) => s.moving.length > 0)!;
  const withRoutes = story.steps.find((s) => s.layers.includes('supply-routes'))!;

  it('draws the step’s own movements by progress, and whole without motion', () => {
    expect(pictureFor(moment({ step: withMovements, progress: 0.3 }), layout).drawn).toBe(
      drawnFraction(0.3),
    );
    expect(
      pictureFor(moment({ step: withMovements, progress: 0.3, motion: false }), layout).drawn,
    ).toBe(1);
  });

  it('lets supply routes flow only with motion', () => {
    expect(pictureFor(moment({ step: withRoutes }), layout).flow).toBe(true);
    expect(pictureFor(moment({ step: withRoutes, motion: false }), layout).flow).toBe(false);
  });

  it('rings the place the reader points at', () => {
    const picture = pictureFor(moment({ step: withRoutes, pointedPlace: 'beijing' }), layout);
    expect(picture.ringed).toBe('beijing');
    expect(picture.camera?.about).toBe(`step:${withRoutes.id}`);
  });

  it('hands the camera to the reader in the explore view, until they pick an area', () => {
    const explore = { layers: ['places', 'zones'], year: 1965 };
    const free = pictureFor(moment({ step: withRoutes, explore }), layout);
    expect(free.camera).toBeNull();
    expect(free).toMatchObject({
      interactive: true,
      flow: false,
      moving: [],
      layers: ['places', 'zones'],
      period: [19650101, 19651231],
    });
    const focus: Bounds = [
      [105, 20],
      [107, 22],
    ];
    const picked = pictureFor(
      moment({
        step: withRoutes,
        explore: { ...explore, selected: { layer: 'places', id: 'hanoi' }, focus },
      }),
      layout,
    );
    expect(picked.emphasis).toEqual([{ layer: 'places', id: 'hanoi' }]);
    expect(framed(focus, layout, picked)).toBe(true);
  });

  it('is the same value for the same state, whatever came before', () => {
    const a = pictureFor(moment({ step: withRoutes, progress: 0.5 }), layout);
    pictureFor(moment({ step: withMovements }), layout);
    expect(pictureFor(moment({ step: withRoutes, progress: 0.5 }), layout)).toEqual(a);
  });
});

describe('state names at the edge of the map', () => {
  const layout: Layout = { width: 800, height: 600, overlays: [] };
  const step = story.steps.find((s) => s.layers.includes('states') && s.view.kind === 'bounds')!;
  const picture = pictureFor(moment({ step }), layout);
  const camera = picture.camera!;
  /** A made-up state name whose middle lies at a point of the pane (Web Mercator inverted). */
  const nameAt = (id: string, x: number, y: number) => {
    const worldPx = 512 * 2 ** camera.zoom;
    const [cx, cy] = project(camera.center, camera, layout);
    const sin = Math.sin((camera.center[1] * Math.PI) / 180);
    const centreY = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    const worldY = centreY + (y - cy) / worldPx;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * worldY))) * 180) / Math.PI;
    const lng = camera.center[0] + ((x - cx) / worldPx) * 360;
    return {
      id,
      at: [lng, lat] as [number, number],
      text: 'Republic of China (Taiwan)',
      period: step.period,
    };
  };

  it('leaves out a name the edge would cut, keeps names wholly on or wholly off the map', () => {
    const names = [
      nameAt('inside', 400, 300),
      nameAt('cut-right', 795, 300),
      nameAt('cut-top', 400, 2),
      nameAt('beyond', 2000, 300),
    ];
    const { namesCut } = pictureFor(moment({ step, stateNames: names }), layout);
    expect(namesCut).toEqual(['cut-right', 'cut-top']);
  });

  it('leaves out none of another period, and none in the explore view', () => {
    const old = {
      ...nameAt('cut-right', 795, 300),
      period: [18000101, 18001231] as [number, number],
    };
    expect(pictureFor(moment({ step, stateNames: [old] }), layout).namesCut).toEqual([]);
    const explore = { layers: ['states'], year: 1965 };
    expect(
      pictureFor(moment({ step, explore, stateNames: [nameAt('x', 795, 300)] }), layout).namesCut,
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  centreOn,
  overlaps,
  project,
  type Camera,
  type Layout,
  type Rect,
} from '../../src/map/frame.ts';
import {
  compassPoint,
  edgeMarkers,
  linkedPlaces,
  mapAidsFor,
  MARKER_METRICS,
  markerSize,
  spread,
  subjectBoxes,
  type EdgeMarker,
  type LinkedPlace,
} from '../../src/map/offscreen.ts';
import { pictureFor, type StoryMoment } from '../../src/map/picture.ts';
import type { Step } from '../../src/story/types.ts';
import { layouts, momentOf, story } from './measured.ts';

const pane = { width: 800, height: 600 };
const whole: Rect = { x: 0, y: 0, ...pane };
const camera: Camera = { center: [0, 0], zoom: 3, bearing: 0, pitch: 0 };
const metrics = MARKER_METRICS.pointer;
const { margin, gap } = metrics;
const place = (id: string, at: [number, number], name = id): LinkedPlace => ({ id, name, at });

const within = (box: Rect, area: Rect) =>
  box.x >= area.x &&
  box.y >= area.y &&
  box.x + box.width <= area.x + area.width &&
  box.y + box.height <= area.y + area.height;

/** Every pair of markers, apart by at least `gap`. */
function apart(markers: EdgeMarker[]): boolean {
  return markers.every((a, i) =>
    markers.slice(i + 1).every(
      (b) =>
        !overlaps(
          {
            x: a.box.x - gap / 2,
            y: a.box.y - gap / 2,
            width: a.box.width + gap,
            height: a.box.height + gap,
          },
          b.box,
        ),
    ),
  );
}

describe('linkedPlaces', () => {
  const step = {
    paragraphs: [
      [
        'In ',
        { place: 'moscow', text: 'Moscow' },
        ', then ',
        { note: 3 },
        { place: 'peking', text: 'Peking' },
      ],
      [{ place: 'moscow', text: 'Moscow' }, ' and ', { place: 'atlantis', text: 'Atlantis' }],
    ],
  } as unknown as Step;
  const places = { moscow: [37.6, 55.8], peking: [116.4, 39.9] } as Record<
    string,
    [number, number]
  >;

  it('lists the places linked in the text, in its order, once each, with the text’s names', () => {
    expect(linkedPlaces(step, places)).toEqual([
      { id: 'moscow', name: 'Moscow', at: [37.6, 55.8] },
      { id: 'peking', name: 'Peking', at: [116.4, 39.9] },
    ]);
  });

  it('lists nothing without a step', () => {
    expect(linkedPlaces(null, places)).toEqual([]);
  });
});

describe('compassPoint', () => {
  it('names the eight directions of the screen (y down)', () => {
    expect([0, 45, 90, 135, 180, -135, -90, -45, -180, 200].map(compassPoint)).toEqual([
      'east',
      'south-east',
      'south',
      'south-west',
      'west',
      'north-west',
      'north',
      'north-east',
      'west',
      'west',
    ]);
  });
});

describe('edgeMarkers', () => {
  it('points to places outside the clear area only', () => {
    const markers = edgeMarkers(
      [place('here', [1, 1]), place('far', [-120, 0])],
      camera,
      pane,
      whole,
      metrics,
    );
    expect(markers.map((m) => m.id)).toEqual(['far']);
  });

  it('puts a marker where the line from the centre toward the place crosses the edge, inset', () => {
    const [west] = edgeMarkers([place('west', [-120, 0], 'West')], camera, pane, whole, metrics);
    const size = markerSize('West', metrics);
    expect(west).toMatchObject({ side: 'left', angle: 180, direction: 'west', at: [margin, 300] });
    expect(west!.box).toEqual({ x: margin, y: 300 - size.height / 2, ...size });
  });

  it('gives the direction of a place off a corner, with its crossing point on the line to it', () => {
    const at: [number, number] = [-100, 60];
    const [marker] = edgeMarkers([place('nw', at)], camera, pane, whole, metrics);
    const [px, py] = project(at, camera, pane);
    const [dx, dy] = [px - 400, py - 300];
    expect(marker!.direction).toBe('north-west');
    expect(marker!.angle).toBeCloseTo((Math.atan2(dy, dx) * 180) / Math.PI, 9);
    // On the line toward the place (to a hundredth of a pixel).
    const [ex, ey] = [marker!.at[0] - 400, marker!.at[1] - 300];
    expect(Math.abs((ex * dy - ey * dx) / Math.hypot(dx, dy))).toBeLessThan(0.01);
    // On the edge of the clear area less the margin.
    expect(Math.min(marker!.at[0] - margin, marker!.at[1] - margin)).toBeCloseTo(0, 2);
  });

  it('takes the copy of a place nearest the camera across the antimeridian', () => {
    const pacific: Camera = { ...camera, center: [170, 0] };
    expect(edgeMarkers([place('near', [-175, 0])], pacific, pane, whole, metrics)).toEqual([]);
    const [east] = edgeMarkers([place('east', [-100, 0])], pacific, pane, whole, metrics);
    expect(east).toMatchObject({ side: 'right', direction: 'east' });
  });

  it('slides markers that would collide on an edge apart along it, both of them', () => {
    const places = [place('a', [-2, 80], 'Alpha'), place('b', [2, 80], 'Bravo')];
    const alone = places.map((p) => edgeMarkers([p], camera, pane, whole, metrics)[0]!);
    expect(overlaps(alone[0]!.box, alone[1]!.box)).toBe(true);
    const markers = edgeMarkers(places, camera, pane, whole, metrics);
    expect(markers.map((m) => m.side)).toEqual(['top', 'top']);
    expect(apart(markers)).toBe(true);
    const [a, b] = markers as [EdgeMarker, EdgeMarker];
    expect(b.box.x - (a.box.x + a.box.width)).toBeCloseTo(gap, 6);
    // Both moved, away from each other, around where they wanted to be.
    expect(a.box.x).toBeLessThan(alone[0]!.box.x);
    expect(b.box.x).toBeGreaterThan(alone[1]!.box.x);
    const middle = (m: EdgeMarker[]) => (m[0]!.box.x + m[1]!.box.x + m[1]!.box.width) / 2;
    expect(middle(markers)).toBeCloseTo(middle(alone), 6);
  });

  it('keeps many markers on one edge apart and within the clear area', () => {
    const area: Rect = { x: 0, y: 100, width: 800, height: 300 };
    const places = ['Moscow', 'Geneva', 'London', 'Paris', 'Berlin'].map((name, i) =>
      place(name.toLowerCase(), [-150, 5 - i], name),
    );
    const markers = edgeMarkers(places, camera, pane, area, metrics);
    expect(markers).toHaveLength(5);
    expect(markers.every((m) => within(m.box, area))).toBe(true);
    expect(apart(markers)).toBe(true);
  });

  it('keeps markers by a corner apart across the two edges', () => {
    // Just past the top left corner, on either side of the diagonal.
    const places = [
      place('above', [-60, 52], 'Above the corner'),
      place('beside', [-72, 40], 'Beside it'),
    ];
    const markers = edgeMarkers(places, camera, pane, whole, metrics);
    expect(markers.map((m) => m.side).sort()).toEqual(['left', 'top']);
    expect(apart(markers)).toBe(true);
  });

  it('keeps within the clear area, whatever covers the rest of the pane', () => {
    const area: Rect = { x: 120, y: 100, width: 500, height: 300 };
    const places = [place('nw', [-170, 80]), place('se', [170, -80]), place('s', [0, -85])];
    const markers = edgeMarkers(places, camera, pane, area, metrics);
    expect(markers).toHaveLength(3);
    for (const { box } of markers) expect(within(box, area)).toBe(true);
  });

  it('keeps clear of what it must avoid: along its edge, else on the next edge, else left out', () => {
    const west = [place('west', [-120, 0], 'West')];
    const block: Rect = { x: 0, y: 280, width: 100, height: 40 };
    const [slid] = edgeMarkers(west, camera, pane, whole, metrics, [[block]]);
    expect(slid!.side).toBe('left');
    expect(overlaps(slid!.box, block)).toBe(false);
    const wall: Rect = { x: 0, y: 0, width: 100, height: 600 };
    const [moved] = edgeMarkers(west, camera, pane, whole, metrics, [[wall]]);
    expect(moved!.side).not.toBe('left');
    expect(overlaps(moved!.box, wall)).toBe(false);
    // A first choice with no room falls back on the next.
    const everything: Rect = { ...whole };
    const [fallback] = edgeMarkers(west, camera, pane, whole, metrics, [[everything], [block]]);
    expect(overlaps(fallback!.box, block)).toBe(false);
    expect(edgeMarkers(west, camera, pane, whole, metrics, [[everything]])).toEqual([]);
  });

  it('shows nothing in a clear area too small for a marker', () => {
    const tiny: Rect = { x: 0, y: 0, width: 12, height: 12 };
    expect(edgeMarkers([place('far', [-120, 0])], camera, pane, tiny, metrics)).toEqual([]);
  });
});

describe('spread', () => {
  it('leaves boxes that do not collide where they are, and keeps them within the edge', () => {
    const out = spread(
      [
        { id: 'a', length: 50, ideal: 100 },
        { id: 'b', length: 50, ideal: 300 },
        { id: 'c', length: 50, ideal: 780 },
      ],
      6,
      0,
      800,
    );
    expect([...out.entries()]).toEqual([
      ['a', 100],
      ['b', 300],
      ['c', 750],
    ]);
  });

  it('centres a run of colliding boxes on where they wanted to be', () => {
    const out = spread(
      [
        { id: 'a', length: 40, ideal: 200 },
        { id: 'b', length: 40, ideal: 210 },
      ],
      10,
      0,
      800,
    );
    expect(out.get('a')).toBe(180);
    expect(out.get('b')).toBe(230);
  });
});

describe('mapAidsFor on the story', () => {
  const desktop = new Map(layouts).get('desktop')!;
  const moment = (step: Step | null, patch: Partial<StoryMoment> = {}) =>
    momentOf({ step, progress: 1, motion: false, ...patch });
  const aids = (step: Step | null, layout: Layout, patch: Partial<StoryMoment> = {}) =>
    mapAidsFor({
      step,
      picture: pictureFor(moment(step, patch), layout),
      pane: layout,
      places: story.places,
      metrics: layout.width < 760 ? MARKER_METRICS.touch : metrics,
      kiosk: false,
    });

  it.each(layouts)(
    'at the %s layout, points to the named places off the view, clear of each other, the subject’s names, the callouts and the locator',
    (_name, layout) => {
      const problems: string[] = [];
      for (const step of story.steps) {
        const picture = pictureFor(moment(step), layout);
        const { markers, locator } = aids(step, layout);
        const area = picture.clearArea;
        const off = linkedPlaces(step, story.places).filter(({ at }) => {
          const near: [number, number] = [
            at[0] + 360 * Math.round((picture.camera!.center[0] - at[0]) / 360),
            at[1],
          ];
          const [x, y] = project(near, picture.camera!, layout);
          return x < area.x || y < area.y || x > area.x + area.width || y > area.y + area.height;
        });
        const names = subjectBoxes(step.subject, picture.camera!, layout).names;
        const where = `${step.id}`;
        if (markers.map((m) => m.id).join() !== off.map((p) => p.id).join())
          problems.push(
            `${where}: markers for [${markers.map((m) => m.id)}], off the view [${off.map((p) => p.id)}]`,
          );
        if (!apart(markers)) problems.push(`${where}: markers overlap`);
        for (const m of markers) {
          if (!within(m.box, area)) problems.push(`${where}: ${m.id} outside the clear area`);
          if (names.some((n) => overlaps(n, m.box)))
            problems.push(`${where}: ${m.id} covers a subject name`);
          if (locator && overlaps(locator.box, m.box))
            problems.push(`${where}: ${m.id} covers the locator`);
          for (const callout of picture.callouts)
            if (overlaps(callout.box, m.box)) problems.push(`${where}: ${m.id} covers a callout`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('points from Indochina to Beijing and Moscow when the text names them', () => {
    const step = story.steps.find((s) => s.id === 'advisers-and-arms-1950')!;
    const markers = aids(step, desktop).markers;
    expect(markers.map((m) => [m.id, m.name, m.direction])).toEqual([
      ['beijing', 'Beijing', 'north-east'],
      ['moscow', 'Moscow', 'north-west'],
    ]);
  });

  it('shows no aids in the explore view or without a step', () => {
    const step = story.steps.find((s) => s.id === 'advisers-and-arms-1950')!;
    const layout = desktop;
    expect(aids(null, layout)).toEqual({ locator: null, markers: [] });
    const explore = {
      layers: ['places'],
      year: 1950,
      focus: step.view.kind === 'bounds' ? step.view.bounds : undefined,
    };
    expect(aids(step, layout, { explore })).toEqual({ locator: null, markers: [] });
  });

  it('drops the marker of a place once it is brought into view', () => {
    const step = story.steps.find((s) => s.id === 'advisers-and-arms-1950')!;
    const layout = desktop;
    const shown = aids(step, layout, { placeShown: 'moscow' }).markers.map((m) => m.id);
    expect(shown).not.toContain('moscow');
    expect(shown).toContain('beijing');
    // The camera centred on the place: a check that it is where the picture says.
    const camera = pictureFor(moment(step, { placeShown: 'moscow' }), layout).camera!;
    const area = pictureFor(moment(step), layout).clearArea;
    expect(camera.center[0]).toBeCloseTo(
      centreOn(story.places.moscow!, camera.zoom, layout, area).center[0],
      9,
    );
  });
});

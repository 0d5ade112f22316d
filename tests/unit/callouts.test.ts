import { describe, expect, it } from 'vitest';
import { placeCallouts } from '../../src/map/callouts.ts';
import { project, type Camera, type Rect } from '../../src/map/frame.ts';

const camera: Camera = { center: [106, 19], zoom: 5, bearing: 0, pitch: 0 };
const layout = { width: 800, height: 600, overlays: [] };
const all: Rect = { x: 0, y: 0, width: 800, height: 600 };
const hanoi: [number, number] = [105.85, 21.03];

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeCallouts', () => {
  it('puts the box near its anchor, up and to the right first, inside the clear area', () => {
    const [placed] = placeCallouts(
      [{ anchor: 'hanoi', at: hanoi, text: '12 million people' }],
      null,
      [],
      camera,
      layout,
      all,
    );
    const at = project(hanoi, camera, layout);
    expect(placed!.at).toEqual(at);
    expect(placed!.box.x).toBeGreaterThan(at[0]);
    expect(placed!.box.y + placed!.box.height).toBeLessThan(at[1]);
    expect(
      Math.hypot(placed!.box.x - at[0], placed!.box.y + placed!.box.height - at[1]),
    ).toBeLessThan(50);
  });

  it('keeps off the subject’s names and off another callout', () => {
    const subject = {
      bounds: [hanoi, hanoi] as [[number, number], [number, number]],
      names: [{ id: 'hanoi', at: hanoi, text: 'Hanoi' }],
    };
    const placed = placeCallouts(
      [
        { anchor: 'hanoi', at: hanoi, text: 'First figure' },
        { anchor: 'hanoi', at: hanoi, text: 'Second figure' },
      ],
      subject,
      [['hanoi', 'left']],
      camera,
      layout,
      all,
    );
    expect(placed).toHaveLength(2);
    const [x, y] = project(hanoi, camera, layout);
    // The name goes to the right of the dot ('left' anchor): about 45 px wide, 17 px high.
    const name: Rect = { x: x + 9, y: y - 9, width: 45, height: 17 };
    for (const { box } of placed) expect(overlap(box, name)).toBe(false);
    expect(overlap(placed[0]!.box, placed[1]!.box)).toBe(false);
  });

  it('leaves out a callout whose anchor is not in the clear area, and one with no room', () => {
    const clear: Rect = { x: 0, y: 0, width: 300, height: 600 };
    expect(
      placeCallouts([{ anchor: 'hanoi', at: hanoi, text: 'x' }], null, [], camera, layout, clear),
    ).toEqual([]);
    const tiny: Rect = {
      ...project(hanoi, camera, layout).reduce((r, v, i) => ({ ...r, [i ? 'y' : 'x']: v - 20 }), {
        x: 0,
        y: 0,
      }),
      width: 40,
      height: 40,
    };
    expect(
      placeCallouts(
        [{ anchor: 'hanoi', at: hanoi, text: 'A long figure' }],
        null,
        [],
        camera,
        layout,
        tiny,
      ),
    ).toEqual([]);
  });

  it('places an anchor across the antimeridian on the copy in view', () => {
    const pacific: Camera = { center: [179, 0], zoom: 4, bearing: 0, pitch: 0 };
    const [placed] = placeCallouts(
      [{ anchor: 'x', at: [-179, 0], text: 'Over the line' }],
      null,
      [],
      pacific,
      layout,
      all,
    );
    expect(placed!.at[0]).toBeGreaterThan(400);
  });
});

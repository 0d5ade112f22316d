import { describe, expect, it } from 'vitest';
import { centreOn, type Rect } from '../../src/map/frame.ts';
import { nameSides } from '../../src/map/name-sides.ts';

const pane = { width: 800, height: 600 };
const area: Rect = { x: 0, y: 0, width: 800, height: 600 };
const beijing = { id: 'beijing', at: [116.4, 39.9] as [number, number], text: 'Beijing' };
const pyongyang = { id: 'pyongyang', at: [125.75, 39.03] as [number, number], text: 'Pyongyang' };

describe('nameSides', () => {
  it('puts names to the right of their dots where there is room', () => {
    const camera = centreOn([121, 39.5], 5, pane, area);
    expect(nameSides([beijing, pyongyang], camera, pane, area)).toEqual([
      ['beijing', 'left'],
      ['pyongyang', 'left'],
    ]);
  });

  it('moves a name off its neighbour when the two are close (a world-wide view)', () => {
    const camera = centreOn([121, 39.5], 1, pane, area);
    const sides = Object.fromEntries(nameSides([beijing, pyongyang], camera, pane, area));
    // Beijing's name to the right would run over Pyongyang's dot: it goes to the left.
    expect(sides).toEqual({ beijing: 'right', pyongyang: 'left' });
  });

  it('keeps a name inside the clear area: at its right edge the name goes left', () => {
    const camera = centreOn([116.4 - 2, 39.9], 6, pane, { x: 0, y: 0, width: 400, height: 600 });
    const sides = nameSides([beijing], camera, pane, { x: 0, y: 0, width: 400, height: 600 });
    expect(sides).toEqual([['beijing', 'right']]);
  });

  it('leaves a name that fits nowhere to maplibre', () => {
    const camera = centreOn([116.4, 39.9], 6, pane, area);
    expect(nameSides([beijing], camera, pane, { x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
  });
});

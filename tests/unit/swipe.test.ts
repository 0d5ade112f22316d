import { describe, expect, it } from 'vitest';
import { swipeDirection } from '../../src/kiosk/swipe.ts';

const at = (x: number, y: number, t: number) => ({ x, y, t });

describe('swipeDirection', () => {
  it('reads a quick sideways swipe to the left as next and to the right as previous', () => {
    expect(swipeDirection(at(600, 400, 0), at(400, 420, 200))).toBe(1);
    expect(swipeDirection(at(400, 400, 0), at(600, 380, 200))).toBe(-1);
  });

  it('ignores taps, short moves, vertical scrolls, diagonals and slow drags', () => {
    expect(swipeDirection(at(500, 500, 0), at(502, 501, 80))).toBe(0);
    expect(swipeDirection(at(500, 500, 0), at(440, 500, 100))).toBe(0);
    expect(swipeDirection(at(500, 800, 0), at(510, 300, 200))).toBe(0);
    expect(swipeDirection(at(500, 500, 0), at(350, 400, 200))).toBe(0);
    expect(swipeDirection(at(600, 400, 0), at(300, 400, 1500))).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { stepDelta } from '../../src/scroll/keys.ts';

/** A stand-in for an element: `closest` answers whether it sits in a control. */
const element = (inControl: boolean) =>
  ({ closest: () => (inControl ? {} : null) }) as unknown as EventTarget;
const press = (key: string, extra: Partial<KeyboardEvent> = {}) =>
  stepDelta({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: element(false),
    ...extra,
  });

describe('stepDelta', () => {
  it('moves forward and back with j/k, the arrows and Page Up/Down', () => {
    expect(['j', 'ArrowDown', 'PageDown'].map((key) => press(key))).toEqual([1, 1, 1]);
    expect(['k', 'ArrowUp', 'PageUp'].map((key) => press(key))).toEqual([-1, -1, -1]);
    expect(press('x')).toBe(0);
    expect(press(' ')).toBe(0);
  });

  it('leaves keys alone in controls and with modifiers', () => {
    expect(press('j', { target: element(true) })).toBe(0);
    expect(press('ArrowDown', { ctrlKey: true })).toBe(0);
    expect(press('k', { metaKey: true })).toBe(0);
  });
});

/** The kiosk's reload ration: src/kiosk/reloads.ts. */
import { describe, expect, it } from 'vitest';
import { mayReload, reloadBudget, RELOADS_PER_HOUR } from '../../src/kiosk/reloads.ts';

const MINUTE = 60_000;

function memoryStorage(initial: string | null = null) {
  let value = initial;
  return {
    getItem: () => value,
    setItem: (_: string, next: string) => void (value = next),
    read: () => value,
  };
}

describe('reloadBudget', () => {
  it('allows a few reloads an hour, then none until the oldest is an hour old', () => {
    let history: number[] = [];
    const now = 10 * 60 * MINUTE;
    for (let i = 0; i < RELOADS_PER_HOUR; i++) {
      const budget = reloadBudget(history, now + i * MINUTE);
      expect(budget.allowed).toBe(true);
      history = budget.history;
    }
    expect(reloadBudget(history, now + 10 * MINUTE).allowed).toBe(false);
    expect(reloadBudget(history, now + 59 * MINUTE).allowed).toBe(false);
    expect(reloadBudget(history, now + 61 * MINUTE).allowed).toBe(true);
  });

  it('forgets times that are not numbers or lie in the future (a clock set back)', () => {
    const now = 100 * MINUTE;
    const budget = reloadBudget([NaN, now + 5 * MINUTE, now - 2 * MINUTE], now);
    expect(budget).toEqual({ allowed: true, history: [now - 2 * MINUTE, now] });
  });
});

describe('mayReload', () => {
  it('counts across page loads in storage, and survives storage that is garbage or fails', () => {
    const storage = memoryStorage('not json');
    const now = 500 * MINUTE;
    for (let i = 0; i < RELOADS_PER_HOUR; i++) expect(mayReload(storage, now + i)).toBe(true);
    expect(mayReload(storage, now + 10)).toBe(false);
    expect(JSON.parse(storage.read()!)).toHaveLength(RELOADS_PER_HOUR);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(mayReload(broken, now)).toBe(true);
  });
});

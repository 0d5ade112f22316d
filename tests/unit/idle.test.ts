import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IdleMachine,
  KIOSK_INPUT_EVENTS,
  type Clock,
  type IdleConfig,
  type IdlePhase,
} from '../../src/kiosk/idle.ts';

const CONFIG: IdleConfig = { idleSeconds: 90, countdownSeconds: 20, attractSeconds: 12 };

/** A machine whose handlers write what they are told into `log`. */
function machine(config: IdleConfig = CONFIG, clock?: Clock) {
  const log: string[] = [];
  const idle = new IdleMachine(
    config,
    {
      phase: (phase: IdlePhase, secondsLeft?: number) =>
        log.push(secondsLeft === undefined ? phase : `${phase} ${secondsLeft}`),
      reset: () => log.push('reset'),
      advance: () => log.push('advance'),
      wake: () => log.push('wake'),
    },
    clock,
  );
  return { idle, log };
}

const seconds = (count: number) => vi.advanceTimersByTime(count * 1000);

describe('IdleMachine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts in reading and does nothing before idleSeconds pass', () => {
    const { idle, log } = machine();
    idle.start();
    expect(idle.phase).toBe('reading');
    expect(idle.secondsLeft).toBeUndefined();
    seconds(89.999);
    expect(log).toEqual(['reading']);
  });

  it('goes reading → countdown (ticking once a second) → attract (reset, advance) → advance ×N', () => {
    const { idle, log } = machine();
    idle.start();
    seconds(90);
    expect(idle.phase).toBe('countdown');
    expect(idle.secondsLeft).toBe(20);
    expect(log).toEqual(['reading', 'countdown 20']);

    seconds(3);
    expect(idle.secondsLeft).toBe(17);
    seconds(16);
    expect(log.slice(1)).toEqual(
      Array.from({ length: 20 }, (_, index) => `countdown ${20 - index}`),
    );
    expect(idle.secondsLeft).toBe(1);

    log.length = 0;
    seconds(1);
    expect(idle.phase).toBe('attract');
    expect(idle.secondsLeft).toBeUndefined();
    expect(log).toEqual(['attract', 'reset', 'advance']);

    log.length = 0;
    seconds(11.999);
    expect(log).toEqual([]);
    seconds(0.001);
    expect(log).toEqual(['advance']);
    seconds(12 * 4);
    expect(log).toEqual(Array(5).fill('advance'));
  });

  it('restarts the idle timer on input while reading', () => {
    const { idle, log } = machine();
    idle.start();
    seconds(60);
    idle.input();
    seconds(60);
    expect(idle.phase).toBe('reading');
    idle.input();
    seconds(89);
    expect(idle.phase).toBe('reading');
    seconds(1);
    expect(idle.phase).toBe('countdown');
    expect(log).toEqual(['reading', 'countdown 20']);
  });

  it('goes back to reading on input during the countdown ("keep reading"), with a full idle wait', () => {
    const { idle, log } = machine();
    idle.start();
    seconds(90 + 5);
    expect(idle.secondsLeft).toBe(15);
    log.length = 0;

    idle.input();
    expect(idle.phase).toBe('reading');
    expect(idle.secondsLeft).toBeUndefined();
    expect(log).toEqual(['reading']);

    seconds(89);
    expect(log).toEqual(['reading']);
    seconds(1);
    expect(log).toEqual(['reading', 'countdown 20']);
    expect(log).not.toContain('reset');
    expect(log).not.toContain('wake');
  });

  it('wakes to reading on input during attract, and idles again from there', () => {
    const { idle, log } = machine();
    idle.start();
    seconds(90 + 20 + 12 * 3);
    log.length = 0;

    idle.input();
    expect(idle.phase).toBe('reading');
    expect(log).toEqual(['reading', 'wake']);

    log.length = 0;
    seconds(12 * 5);
    expect(log).toEqual([]); // the attract loop stopped
    seconds(30);
    expect(idle.phase).toBe('countdown');
    seconds(20);
    expect(log).toEqual([
      ...Array.from({ length: 20 }, (_, index) => `countdown ${20 - index}`),
      'attract',
      'reset',
      'advance',
    ]);
  });

  it('runs no idle timer during attract: advancing alone for days never re-enters the countdown', () => {
    const { idle, log } = machine();
    idle.start();
    seconds(90 + 20);
    log.length = 0;
    const day = 24 * 60 * 60;
    seconds(3 * day);
    expect(idle.phase).toBe('attract');
    expect(new Set(log)).toEqual(new Set(['advance']));
    expect(log).toHaveLength(Math.floor((3 * day) / 12));
    expect(vi.getTimerCount()).toBe(1);
  });

  it('keeps a single timer in every phase', () => {
    const { idle } = machine();
    idle.start();
    for (let input = 0; input < 50; input++) idle.input();
    expect(vi.getTimerCount()).toBe(1);
    seconds(95);
    expect(vi.getTimerCount()).toBe(1);
    seconds(20);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stop() clears every timer and ignores input until start()', () => {
    for (const after of [10, 95, 200]) {
      const { idle, log } = machine();
      idle.start();
      seconds(after);
      idle.stop();
      expect(vi.getTimerCount()).toBe(0);
      const before = [...log];
      idle.input();
      seconds(3600);
      expect(log).toEqual(before);

      idle.start();
      expect(idle.phase).toBe('reading');
      expect(vi.getTimerCount()).toBe(1);
      idle.stop();
    }
  });

  it('start() twice keeps one timer and restarts the idle wait', () => {
    const { idle, log } = machine();
    idle.start();
    seconds(80);
    idle.start();
    expect(vi.getTimerCount()).toBe(1);
    seconds(80);
    expect(log).toEqual(['reading', 'reading']);
    seconds(10);
    expect(idle.phase).toBe('countdown');
  });

  it('works with short test times (idle=1, countdown=1, attract=1)', () => {
    const { idle, log } = machine({ idleSeconds: 1, countdownSeconds: 1, attractSeconds: 1 });
    idle.start();
    seconds(1);
    seconds(1);
    seconds(2);
    expect(log).toEqual([
      'reading',
      'countdown 1',
      'attract',
      'reset',
      'advance',
      'advance',
      'advance',
    ]);
  });

  it('shows whole seconds, rounded up, for a fractional countdown', () => {
    const { idle, log } = machine({ idleSeconds: 5, countdownSeconds: 2.5, attractSeconds: 3 });
    idle.start();
    seconds(5);
    seconds(0.5);
    seconds(1);
    seconds(1);
    expect(log).toEqual([
      'reading',
      'countdown 3',
      'countdown 2',
      'countdown 1',
      'attract',
      'reset',
      'advance',
    ]);
  });

  it('keeps the attract loop going when a handler throws', () => {
    let advances = 0;
    const idle = new IdleMachine(
      { idleSeconds: 5, countdownSeconds: 20, attractSeconds: 3 },
      {
        phase: () => {},
        reset: () => {},
        advance: () => {
          advances++;
          throw new Error('map broke');
        },
        wake: () => {},
      },
    );
    idle.start();
    expect(() => seconds(25)).toThrow('map broke');
    expect(() => seconds(3)).toThrow('map broke');
    expect(() => seconds(3)).toThrow('map broke');
    expect(advances).toBe(3);
    expect(idle.phase).toBe('attract');
  });
});

describe('IdleMachine with an injected clock', () => {
  /** A hand-wound clock: time moves only through `advance`. */
  function fakeClock() {
    let time = 1_000_000;
    const timers = new Map<number, { at: number; callback: () => void }>();
    let nextId = 1;
    const clock: Clock = {
      now: () => time,
      setTimeout: (callback, ms) => {
        timers.set(nextId, { at: time + ms, callback });
        return nextId++;
      },
      clearTimeout: (id) => timers.delete(id as number),
    };
    /** Fires the soonest timer `lateMs` after it was due. */
    const fireNext = (lateMs = 0) => {
      const [id, timer] = [...timers].reduce((soonest, entry) =>
        entry[1].at < soonest[1].at ? entry : soonest,
      );
      timers.delete(id);
      time = timer.at + lateMs;
      timer.callback();
    };
    const advance = (ms: number) => {
      const end = time + ms;
      while ([...timers.values()].some((timer) => timer.at <= end)) fireNext();
      time = end;
    };
    return { clock, advance, fireNext, timers };
  }

  it('runs on the clock it is given, not the global timers', () => {
    const { clock, advance, timers } = fakeClock();
    const { idle, log } = machine(CONFIG, clock);
    idle.start();
    advance(90_000 + 20_000 + 12_000);
    expect(log).toEqual([
      'reading',
      ...Array.from({ length: 20 }, (_, index) => `countdown ${20 - index}`),
      'attract',
      'reset',
      'advance',
      'advance',
    ]);
    idle.stop();
    expect(timers.size).toBe(0);
  });

  it('counts the countdown from the clock, so late timers skip seconds rather than drift', () => {
    const { clock, fireNext } = fakeClock();
    const { idle, log } = machine(
      { idleSeconds: 5, countdownSeconds: 20, attractSeconds: 3 },
      clock,
    );
    idle.start();
    // The idle timer on time, then a countdown second 7.5 s late (a busy main thread).
    fireNext();
    expect(idle.secondsLeft).toBe(20);
    fireNext(7500);
    expect(idle.secondsLeft).toBe(12);
    expect(log).toEqual(['reading', 'countdown 20', 'countdown 12']);
  });
});

describe('KIOSK_INPUT_EVENTS', () => {
  it('lists the events that count as a visitor', () => {
    expect(KIOSK_INPUT_EVENTS).toEqual(['pointerdown', 'keydown', 'wheel', 'touchstart']);
  });
});

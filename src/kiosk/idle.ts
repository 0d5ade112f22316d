/**
 * The kiosk's idle and attract cycle, without DOM: the integrator feeds visitor input in and
 * carries out the effects. 'reading' (a visitor is using it) → after idleSeconds without input,
 * 'countdown' ("… back to the start in 17 s", input = keep reading) → 'attract' (reset to the title, then
 * advance through attract steps every attractSeconds) → input wakes it back to 'reading'.
 */
import type { StoryConfig } from '../config.ts';

export type IdlePhase = 'reading' | 'countdown' | 'attract';

/**
 * The events that count as a visitor's input. Not pointermove: a resting mouse or a jittery touch
 * panel would keep the kiosk awake for good.
 */
export const KIOSK_INPUT_EVENTS = [
  'pointerdown',
  'keydown',
  'wheel',
  'touchstart',
] as const satisfies readonly (keyof WindowEventMap)[];

export interface IdleHandlers {
  /**
   * On entering a phase, and once a second during the countdown. `secondsLeft` is the countdown's
   * remaining whole seconds (counting down to 1), undefined in the other phases.
   */
  phase(phase: IdlePhase, secondsLeft: number | undefined): void;
  /** The countdown ran out: reset the story to the title (called just before the first advance). */
  reset(): void;
  /** Show the next attract step, cycling. */
  advance(): void;
  /** A visitor touched the kiosk during the attract loop: return to the title. */
  wake(): void;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The real clock, looked up at each call so test fake timers installed later still apply. */
export const globalClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export type IdleConfig = Pick<
  StoryConfig['kiosk'],
  'idleSeconds' | 'countdownSeconds' | 'attractSeconds'
>;

export class IdleMachine {
  private current: IdlePhase = 'reading';
  private left: number | undefined;
  private running = false;
  // One timer at a time: the idle check, the countdown's next second, or the next attract step.
  private timer: unknown;
  private lastInput = 0;
  private countdownEnd = 0;

  constructor(
    private readonly config: IdleConfig,
    private readonly handlers: IdleHandlers,
    private readonly clock: Clock = globalClock,
  ) {}

  get phase(): IdlePhase {
    return this.current;
  }

  /** The countdown's remaining whole seconds; undefined outside the countdown. */
  get secondsLeft(): number | undefined {
    return this.left;
  }

  /** Starts (or restarts) in 'reading' with a fresh idle timer. */
  start(): void {
    this.stop();
    this.running = true;
    this.enterReading();
  }

  /** Clears every timer; input is ignored until the next start(). */
  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  /** A visitor's input (any of KIOSK_INPUT_EVENTS). */
  input(): void {
    if (!this.running) return;
    if (this.current === 'reading') {
      // Only noted: the idle timer checks it when it fires, so a stream of wheel events costs
      // nothing more than a clock read each.
      this.lastInput = this.clock.now();
    } else if (this.current === 'countdown') {
      this.enterReading();
    } else {
      this.enterReading();
      this.handlers.wake();
    }
  }

  // Each transition sets its timer before calling the handlers, so a handler that throws cannot
  // stop the cycle on an unattended screen.

  private enterReading(): void {
    this.lastInput = this.clock.now();
    this.schedule(this.config.idleSeconds * 1000, () => this.checkIdle());
    this.setPhase('reading', undefined);
  }

  private checkIdle(): void {
    const idleMs = this.config.idleSeconds * 1000;
    const quietFor = this.clock.now() - this.lastInput;
    if (quietFor >= idleMs) {
      this.countdownEnd = this.clock.now() + this.config.countdownSeconds * 1000;
      this.tick();
    } else {
      this.schedule(idleMs - quietFor, () => this.checkIdle());
    }
  }

  /** One countdown second; the remaining time comes from the clock, so a late timer cannot drift. */
  private tick(): void {
    const msLeft = this.countdownEnd - this.clock.now();
    if (msLeft <= 0) {
      this.enterAttract();
      return;
    }
    const secondsLeft = Math.ceil(msLeft / 1000);
    // Wake when the whole-second figure next drops.
    this.schedule(msLeft - (secondsLeft - 1) * 1000, () => this.tick());
    this.setPhase('countdown', secondsLeft);
  }

  private enterAttract(): void {
    this.scheduleAdvance();
    this.setPhase('attract', undefined);
    this.handlers.reset();
    this.handlers.advance();
  }

  private scheduleAdvance(): void {
    this.schedule(this.config.attractSeconds * 1000, () => {
      this.scheduleAdvance();
      this.handlers.advance();
    });
  }

  private setPhase(phase: IdlePhase, secondsLeft: number | undefined): void {
    this.current = phase;
    this.left = secondsLeft;
    this.handlers.phase(phase, secondsLeft);
  }

  private schedule(ms: number, callback: () => void): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(callback, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

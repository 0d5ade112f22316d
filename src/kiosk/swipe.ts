/** A horizontal swipe on the kiosk's screen turns the page: left for the next step, right for the previous. */

export interface TouchPoint {
  x: number;
  y: number;
  /** Milliseconds. */
  t: number;
}

/** Shorter moves are taps or jitter; slower ones are a visitor reading with a finger. */
const MIN_DISTANCE = 80;
const MAX_DURATION = 1000;

/** 1 for the next step, -1 for the previous, 0 for anything that is not a clear sideways swipe. */
export function swipeDirection(start: TouchPoint, end: TouchPoint): -1 | 0 | 1 {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const sideways = Math.abs(dx) >= MIN_DISTANCE && Math.abs(dx) > 2 * Math.abs(dy);
  if (!sideways || end.t - start.t > MAX_DURATION) return 0;
  return dx < 0 ? 1 : -1;
}

/**
 * How often an unattended kiosk may start itself again. A reload cures a wedged page or a lost
 * GPU; it cannot cure what comes back with the page (a browser that refuses WebGL, a bug met at
 * start-up), and reloading for that every few seconds would throw every visitor back to the title.
 * So reloads are rationed: a few an hour, counted across reloads in the browser's storage.
 */
export const RELOADS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;
const STORAGE_KEY = 'storymap:kiosk-reloads';

/** Whether another reload is allowed now, and the history to keep if it happens. */
export function reloadBudget(
  history: number[],
  now: number,
): { allowed: boolean; history: number[] } {
  const recent = history.filter(
    (time) => Number.isFinite(time) && time > now - HOUR_MS && time <= now,
  );
  const allowed = recent.length < RELOADS_PER_HOUR;
  return { allowed, history: allowed ? [...recent, now] : recent };
}

/** Asks for a reload now; records it when allowed. Storage that fails counts as no history. */
export function mayReload(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  now = Date.now(),
): boolean {
  let history: number[] = [];
  try {
    const stored: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(stored)) history = stored.filter((time) => typeof time === 'number');
  } catch {
    // Unreadable: start counting afresh.
  }
  const budget = reloadBudget(history, now);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(budget.history));
  } catch {
    // Full or forbidden storage: the reload still happens, uncounted.
  }
  return budget.allowed;
}

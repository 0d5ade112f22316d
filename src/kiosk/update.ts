/**
 * An open kiosk and a new version of the story. The offline cache (scripts/service-worker.js)
 * installs a new build in the background only once every file of it has verified; until now it
 * took over at the next browser start only. Between two visitors (the idle reset) the kiosk asks
 * the browser to look for a new build, and starts one already installed and waiting: a museum's
 * update reaches the screen within two resets, never in the middle of a reading.
 */

/** How long the new version may take to take over before the kiosk carries on with the old. */
const TAKE_OVER_MS = 10_000;
/**
 * A pause after the reset before asking: its change of address has the browser fetch the page's
 * icon again, and a fetch that lands while the new version activates parks the activation.
 */
const QUIET_MS = 1_000;

/**
 * Starts a waiting new version (true: the page is reloading into it). The page must stay quiet
 * meanwhile: Chromium parks the activation if the old version is answering a request then.
 */
export async function takeWaitingUpdate(): Promise<boolean> {
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (!registration) return false;
  const waiting = registration.waiting;
  if (!waiting) {
    // Found now, installed (and checked) in the background, taken at a later reset.
    registration.update().catch(() => {});
    return false;
  }
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const tookOver = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), TAKE_OVER_MS);
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
    waiting.postMessage('storymap:take-over');
  });
  if (tookOver) location.reload();
  return tookOver;
}

/**
 * What goes wrong on readers' machines: the GPU takes the map's drawing context away, a data or
 * font request fails. The story keeps its text and says what happened. (Content-Security-Policy
 * violations, errors and requests elsewhere at every step are checked by walk.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { expectStepShown, jumpTo } from './expect-step.ts';
import { story } from './story-data.ts';
import { useChromium, waitForMap } from './story-page.ts';

const chromium = useChromium();

/** Takes the map's WebGL context away, as a GPU reset does; gives it back after `restoreAfter` ms. */
function loseContext(page: Page, restoreAfter: number | null) {
  return page.evaluate(async (restoreAfter) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.map canvas')!;
    const lose = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((resolve) =>
      canvas.addEventListener('webglcontextlost', resolve, { once: true }),
    );
    lose.loseContext();
    await lost;
    if (restoreAfter === null) return;
    const restored = new Promise((resolve) =>
      canvas.addEventListener('webglcontextrestored', resolve, { once: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, restoreAfter));
    lose.restoreContext();
    await restored;
  }, restoreAfter);
}

describe('faults', () => {
  it('survives losing the WebGL context and draws the step again when it is restored', async () => {
    const reader = await chromium.open();
    const { page } = reader;
    await jumpTo(page, story.steps[12]!.id);
    await loseContext(page, 300);
    const next = story.steps[30]!;
    await jumpTo(page, next.id);
    await expectStepShown(page, next);
    await expect(page.locator('.map-status').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-output/screenshots/after-context-restore.png' });
    expect(reader.errors).toEqual([]);
  });

  it('falls back to static maps when the WebGL context does not come back', async () => {
    const reader = await chromium.open();
    const { page } = reader;
    await loseContext(page, null);
    // A step asked for meanwhile must not break anything.
    await page.evaluate(
      (id) => void window.storymap.goTo(id, { animate: false }),
      story.steps[5]!.id,
    );
    await page.waitForFunction(() => document.documentElement.classList.contains('map-failed'));
    const image = page.locator(`#${story.steps[5]!.id} .static-map img`);
    await expect(image.isVisible()).resolves.toBe(true);
    expect(reader.errors).toEqual([]);
  });

  it('keeps the text, says so, is ready, and retries when a data file is missing', async () => {
    let failing = true;
    const { page } = await chromium.open({
      waitForReady: false,
      beforeLoad: ({ context }) =>
        context.route('**/data/places.geojson', (route) =>
          failing ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue(),
        ),
    });
    const notice = page.locator('.map-status.notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('trying again');
    expect(await page.locator('[data-step-id]').count()).toBe(story.steps.length);
    // The map does not wait for the missing file to be ready.
    await waitForMap(page, 30_000);
    failing = false;
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    await waitForMap(page);
    const step = story.steps.find((s) => s.layers.includes('places'))!;
    await jumpTo(page, step.id);
    await expectStepShown(page, step);
  });

  it('is ready without data files that never answer, shows what it has, and completes when they come', async () => {
    // The basemap's land (which maplibre's "load" waits for), the places (which the page fetches
    // itself) and the zones (which the map's worker fetches): a wedged server holds all three.
    const held: Route[] = [];
    let holding = true;
    const reader = await chromium.open({
      waitForReady: false,
      beforeLoad: ({ context }) =>
        context.route(/\/data\/(basemap-land|places|zones)\.geojson$/, (route) =>
          holding ? void held.push(route) : route.continue(),
        ),
    });
    const { page } = reader;
    await waitForMap(page, 30_000);
    expect(held.length).toBeGreaterThanOrEqual(3);
    const notice = page.locator('.map-status.notice');
    await expect(notice.textContent()).resolves.toContain('has not arrived yet');
    // The map is on screen and follows the reader, with what it has.
    await expect(page.locator('.map').isVisible()).resolves.toBe(true);
    const step = story.steps.find(
      (s) => s.layers.includes('zones') && s.highlight.some((h) => h.layer === 'places'),
    )!;
    await jumpTo(page, step.id);
    await expectStepShown(page, step);
    await page.screenshot({ path: 'test-output/screenshots/data-overdue.png' });
    expect(await page.evaluate(() => window.storymap.state().labelled)).toEqual([]);
    // The explore view lists the places too: it says it cannot, and gives the story back.
    await page.locator('.step-nav .explore').click();
    await page.getByText('The list of features could not be loaded').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Back to the story' }).click();
    // The server answers at last: the notice goes and the step's places are named.
    holding = false;
    await Promise.all(held.map((route) => route.continue()));
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    await jumpTo(page, story.steps[0]!.id);
    await jumpTo(page, step.id);
    expect(await page.evaluate(() => window.storymap.state().labelled)).not.toEqual([]);
    expect(reader.errors.filter((e) => !/Map error|signal timed out/.test(e))).toEqual([]);
  });

  it('is ready on a phone when one story file alone never answers (nothing else left to draw)', async () => {
    const reader = await chromium.open({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      waitForReady: false,
      beforeLoad: ({ context }) => context.route(/\/data\/zones\.geojson$/, () => {}),
    });
    await waitForMap(reader.page, 30_000);
    await expect(reader.page.locator('.map-status.notice').textContent()).resolves.toContain(
      'has not arrived yet',
    );
  });

  it('falls back to system fonts when the font files cannot be fetched', async () => {
    const reader = await chromium.open({
      beforeLoad: ({ context }) => context.route('**/*.woff2', (route) => route.abort()),
    });
    const { page } = reader;
    const step = story.steps.find((s) => s.highlight.length > 0)!;
    await jumpTo(page, step.id);
    await expectStepShown(page, step);
    const family = await page.evaluate(
      () => getComputedStyle(document.querySelector('.kicker')!).fontFamily,
    );
    expect(family).toContain('system-ui');
    // Only the refused font requests themselves are reported.
    expect(reader.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    await page.screenshot({ path: 'test-output/screenshots/no-fonts.png' });
  });
});

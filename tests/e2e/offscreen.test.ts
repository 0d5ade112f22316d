/**
 * Edge markers and the locator inset in the built page: at a close-up of the Sino-Vietnamese
 * border whose text names Beijing and Moscow, each named place off the view has a marker at the
 * edge of the clear area, and following one brings its place into view as the text's names do.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { jumpTo } from './expect-step.ts';
import { places } from './story-data.ts';
import { useChromium } from './story-page.ts';

const chromium = useChromium();
/** Northern Vietnam and the border provinces, close up; its text names Beijing and Moscow. */
const STEP = 'advisers-and-arms-1950';

beforeAll(() => mkdirSync('test-output/screenshots', { recursive: true }));

/**
 * The places the step's text names (in its order) that lie outside the clear area, placed by the
 * real map's visible bounds (not by the app's framing maths).
 */
function namedOffView(page: Page, stepId: string): Promise<string[]> {
  const positions = Object.fromEntries(places);
  return page.evaluate(
    ({ stepId, positions }) => {
      const state = window.storymap.state();
      const pane = document.querySelector<HTMLElement>('.map-pane')!.getBoundingClientRect();
      const [[west, south], [east, north]] = state.bounds;
      const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
      const near = (lng: number) => lng + 360 * Math.round((west + east) / 2 / 360 - lng / 360);
      const area = state.clearArea;
      const ids = [
        ...document.querySelectorAll<HTMLElement>(`#${stepId} button.place-link[data-place-id]`),
      ].map((link) => link.dataset.placeId!);
      return [...new Set(ids)].filter((id) => {
        const [lng, lat] = positions[id]!;
        const px = ((near(lng) - west) / (east - west)) * pane.width;
        const py = ((y(north) - y(lat)) / (y(north) - y(south))) * pane.height;
        return px < area.x || py < area.y || px > area.x + area.width || py > area.y + area.height;
      });
    },
    { stepId, positions },
  );
}

/** The markers' boxes and names, relative to the map pane, once they show. */
async function shownMarkers(page: Page) {
  await page.waitForFunction(() => document.querySelector('.edge-markers.shown'));
  return page.evaluate(() => {
    const pane = document.querySelector('.map-pane')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLButtonElement>('.edge-marker')].map((button) => {
      const box = button.getBoundingClientRect();
      return {
        id: button.dataset.placeId!,
        label: button.getAttribute('aria-label'),
        text: button.textContent!.trim(),
        box: { x: box.x - pane.x, y: box.y - pane.y, width: box.width, height: box.height },
        visible: getComputedStyle(button).visibility === 'visible',
      };
    });
  });
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (b: Box, a: Box) =>
  b.x >= a.x - 0.5 &&
  b.y >= a.y - 0.5 &&
  b.x + b.width <= a.x + a.width + 0.5 &&
  b.y + b.height <= a.y + a.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

it('marks the places the text names off the view, and brings one into view', async () => {
  const { page, errors } = await chromium.open({ viewport: { width: 1440, height: 900 } });
  await jumpTo(page, STEP);
  const off = await namedOffView(page, STEP);
  expect(off).toEqual(['beijing', 'moscow']);
  const state = await page.evaluate(() => window.storymap.state());
  expect(state.offscreen).toEqual(off);

  const markers = await shownMarkers(page);
  expect(markers.map((m) => m.id)).toEqual(off);
  for (const marker of markers) {
    expect(marker.visible).toBe(true);
    expect(inside(marker.box, state.clearArea), marker.id).toBe(true);
  }
  expect(overlap(markers[0]!.box, markers[1]!.box)).toBe(false);
  const moscow = page.getByRole('button', {
    name: 'Show Moscow on the map, off the map to the north-west',
  });
  await expect.poll(() => moscow.textContent()).toContain('Moscow');
  // A close-up: the locator shows where it lies, clear of the markers.
  const locator = await page.locator('svg.locator').boundingBox();
  const pane = (await page.locator('.map-pane').boundingBox())!;
  expect(locator).not.toBeNull();
  for (const marker of markers) {
    const box = { ...locator!, x: locator!.x - pane.x, y: locator!.y - pane.y };
    expect(overlap(box, marker.box), marker.id).toBe(false);
  }
  await page.screenshot({ path: 'test-output/screenshots/offscreen-desktop.png' });

  // Following the marker shows Moscow as following its name in the text does; the markers hide
  // until the map has settled there.
  await page.evaluate(() => {
    const markers = document.querySelector('.edge-markers')!;
    const seen = window as unknown as { markersHid: boolean };
    seen.markersHid = false;
    new MutationObserver(() => {
      if (!markers.classList.contains('shown')) seen.markersHid = true;
    }).observe(markers, { attributes: true, attributeFilter: ['class'] });
  });
  await moscow.click();
  await page.waitForFunction(
    () =>
      window.storymap.state().ringed === 'moscow' &&
      !window.storymap.state().offscreen.includes('moscow') &&
      document.querySelector('.edge-markers.shown'),
  );
  expect(await page.evaluate(() => (window as unknown as { markersHid: boolean }).markersHid)).toBe(
    true,
  );
  expect(await namedOffView(page, STEP)).toEqual(['beijing']);
  expect((await page.evaluate(() => window.storymap.state())).offscreen).toEqual(['beijing']);
  await expect.poll(() => page.getByRole('button', { name: 'Back to the story' }).count()).toBe(1);

  // From the keyboard: Enter on a marker shows its place; the way back returns focus to it.
  await page.getByRole('button', { name: /^Show Beijing on the map/ }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('back-to-story'));
  expect((await page.evaluate(() => window.storymap.state())).ringed).toBe('beijing');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => (document.activeElement as HTMLElement | null)?.dataset.placeId === 'beijing',
  );
  expect((await page.evaluate(() => window.storymap.state())).offscreen).toEqual(off);
  expect(errors).toEqual([]);
});

it('gives a finger room on a phone', async () => {
  const { page, errors } = await chromium.open({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await jumpTo(page, STEP);
  const state = await page.evaluate(() => window.storymap.state());
  expect(state.offscreen).toEqual(await namedOffView(page, STEP));
  const markers = await shownMarkers(page);
  expect(markers.map((m) => m.id)).toEqual(state.offscreen);
  for (const marker of markers) {
    expect(marker.box.height).toBeGreaterThanOrEqual(44);
    expect(inside(marker.box, state.clearArea), marker.id).toBe(true);
  }
  await page.screenshot({ path: 'test-output/screenshots/offscreen-phone.png' });
  expect(errors).toEqual([]);
});

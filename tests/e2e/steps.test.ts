/**
 * Moving between steps other than one by one: jumps, fast scrolls, a window that changes its
 * layout, and, when motion is welcome, flights and movements that draw themselves as the reader
 * scrolls. (Every step in turn is walked in walk.test.ts.)
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FLIGHT_MS, MIN_FLIGHT_MS } from '../../src/geo/flight.ts';
import { differences, expectStepShown, jumpTo, nextFrame, readState } from './expect-step.ts';
import { stepById, story } from './story-data.ts';
import { DESKTOP, useChromium, type StoryPage } from './story-page.ts';

const chromium = useChromium();

/** A step one frame after goTo: a flight would have barely begun, a jump has arrived. */
async function expectInstantMove(page: Page): Promise<void> {
  const target = story.steps.find((s) => s.view.kind === 'camera' && s.index > 3)!;
  await page.evaluate((id) => void window.storymap.goTo(id), target.id);
  await nextFrame(page);
  expect(differences(await readState(page), target)).toEqual([]);
}

const centre = (page: Page, id: string) =>
  page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), id);

describe('under reduced motion', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    reader = await chromium.share();
  });

  it('goTo shows the step as soon as it resolves, from anywhere in the story', async () => {
    // Backwards through the story, from each section's last step to its first, then the section before.
    const targets = story.sections.flatMap((s) => [s.stepIds[0]!, s.stepIds.at(-1)!]).reverse();
    const shown: Record<string, string[]> = {};
    for (const id of targets) {
      await jumpTo(reader.page, id);
      shown[id] = differences(await readState(reader.page), stepById(id));
    }
    expect(shown).toEqual(Object.fromEntries(targets.map((id) => [id, []])));
  });

  it('ends on the right view after a fast scroll, and restores earlier views exactly', async () => {
    const [first, far] = [story.steps[3]!, story.steps[story.steps.length - 3]!];
    await jumpTo(reader.page, first.id);
    const before = await readState(reader.page);
    // One jump across most of the article, as a flick or a drag of the scrollbar does.
    await centre(reader.page, far.id);
    await expectStepShown(reader.page, far);
    await centre(reader.page, first.id);
    const after = await expectStepShown(reader.page, first);
    // Exactly, up to floating-point noise in the last digits.
    expect(after.camera.center[0]).toBeCloseTo(before.camera.center[0], 9);
    expect(after.camera.center[1]).toBeCloseTo(before.camera.center[1], 9);
    expect(after.camera.zoom).toBeCloseTo(before.camera.zoom, 9);
    expect(after.visibleLayers).toEqual(before.visibleLayers);
  });

  it('ends on the last step after one jump from the top to the bottom', async () => {
    await reader.page.evaluate(() => window.scrollTo(0, 0));
    await reader.page.waitForFunction(() => window.storymap.state().stepId === null);
    await reader.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectStepShown(reader.page, story.steps.at(-1)!);
  });

  it('never lets the wheel zoom the map', async () => {
    // A step with a camera of its own: its view does not depend on what covers the map.
    const step = story.steps.find((s) => s.view.kind === 'camera' && s.index > 3)!;
    await jumpTo(reader.page, step.id);
    const before = await readState(reader.page);
    const box = (await reader.page.locator('.map-pane').boundingBox())!;
    await reader.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await reader.page.mouse.wheel(0, -60);
    await reader.page.mouse.wheel(0, 60);
    await nextFrame(reader.page);
    expect((await readState(reader.page)).camera).toEqual(before.camera);
  });

  it('jumps instead of flying', async () => {
    await jumpTo(reader.page, story.steps[0]!.id);
    await expectInstantMove(reader.page);
  });

  it('keeps the step when the window changes between desktop and phone layouts', async () => {
    const { page } = reader;
    const step = story.steps.find((s) => s.index > 15 && s.view.kind === 'bounds')!;
    await jumpTo(page, step.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() =>
      document.querySelector('.layout')?.classList.contains('phone'),
    );
    await expectStepShown(page, step);
    await page.setViewportSize(DESKTOP);
    await page.waitForFunction(
      () => !document.querySelector('.layout')?.classList.contains('phone'),
    );
    await expectStepShown(page, step);
    expect((await readState(page)).stepId).toBe(step.id);
    expect(reader.errors).toEqual([]);
  });
});

/** Scrolls the window so that the reading line (mid-screen) is `progress` of the way through a step. */
async function scrollInto(page: Page, stepId: string, progress: number): Promise<void> {
  await page.evaluate(
    ([id, p]) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      window.scrollBy(0, box.top + p * box.height - window.innerHeight / 2);
    },
    [stepId, progress] as const,
  );
  await page.waitForFunction(
    ([id, p]) => {
      const state = window.storymap.state();
      return state.stepId === id && Math.abs(state.progress - p) < 0.03;
    },
    [stepId, progress] as const,
  );
}

describe('when motion is welcome', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    reader = await chromium.share({ reducedMotion: 'no-preference' });
  });

  it('troop movements draw themselves from nothing at the start of their step to whole past its middle', async () => {
    const { page } = reader;
    /** The first step whose own movements draw themselves. */
    const drawing = story.steps.find((step) => step.moving.length > 0)!;
    expect(drawing, 'a step with movements that begin in its period').toBeDefined();
    await jumpTo(page, drawing.id);
    await scrollInto(page, drawing.id, 0.02);
    await page.waitForFunction(() => window.storymap.state().drawn === 0);
    await scrollInto(page, drawing.id, 0.35);
    const halfway = (await readState(page)).drawn;
    expect(halfway).toBeGreaterThan(0.2);
    expect(halfway).toBeLessThan(0.8);
    await scrollInto(page, drawing.id, 0.8);
    await page.waitForFunction(() => window.storymap.state().drawn === 1);
    // Back up: the picture follows the scroll position, not the path taken to it.
    await scrollInto(page, drawing.id, 0.02);
    await page.waitForFunction(() => window.storymap.state().drawn === 0);
  });

  it('flies between steps: a visible move, settled within about a second', async () => {
    // A page of its own: from the title to the first step, then on to the next view.
    const { page } = await chromium.open({ reducedMotion: 'no-preference' });
    const from = story.steps[0]!;
    const to = story.steps.find((s) => JSON.stringify(s.view) !== JSON.stringify(from.view))!;
    await jumpTo(page, from.id);
    // The camera frame by frame until goTo resolves: when it first showed the final view.
    const flight = await page.evaluate(async (id) => {
      const start = performance.now();
      const frames: { t: number; camera: string }[] = [];
      let done = false;
      const going = window.storymap.goTo(id).then(() => (done = true));
      while (!done) {
        frames.push({
          t: performance.now() - start,
          camera: JSON.stringify(window.storymap.state().camera),
        });
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await going;
      const final = JSON.stringify(window.storymap.state().camera);
      return {
        arrived: frames.find((frame) => frame.camera === final)?.t ?? performance.now() - start,
        views: new Set(frames.map((frame) => frame.camera)).size,
      };
    }, to.id);
    // A move that reads as one, over within about a second unless the way is long.
    expect(flight.arrived).toBeGreaterThanOrEqual(MIN_FLIGHT_MS - 100);
    expect(flight.arrived).toBeLessThanOrEqual(MAX_FLIGHT_MS + 500);
    // Many views on the way, not one jump.
    expect(flight.views).toBeGreaterThan(3);
    await expectStepShown(page, to);
  });

  // Last: it turns motion off for this page.
  it('lets anyone turn motion off with a visible switch, by pointer or keyboard', async () => {
    const toggle = reader.page.getByRole('switch', { name: 'Map motion' });
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    // A setting, quieter than the buttons that move the story, and still a full-sized target.
    const looks = await toggle.evaluate((element) => {
      const next = [...document.querySelectorAll('.step-nav button')].find((button) =>
        button.textContent?.includes('Next'),
      )!;
      const { width, height } = element.getBoundingClientRect();
      return {
        width,
        height,
        border: getComputedStyle(element).borderTopWidth,
        nextBorder: getComputedStyle(next).borderTopWidth,
        size: parseFloat(getComputedStyle(element).fontSize),
        nextSize: parseFloat(getComputedStyle(next).fontSize),
      };
    });
    expect(looks.border).toBe('0px');
    expect(looks.nextBorder).not.toBe('0px');
    expect(looks.size).toBeLessThan(looks.nextSize);
    expect(Math.min(looks.width, looks.height)).toBeGreaterThanOrEqual(44);
    // Space turns it back on and off again, as any switch.
    await toggle.focus();
    await reader.page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await reader.page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await toggle.click();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await expectInstantMove(reader.page);
    expect(reader.errors).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import { differences, expectStepShown, nextFrame, readState } from './expect-step.ts';
import { openStory, type StoryPage } from './story-page.ts';

const { story } = loadStoryData(process.cwd());
const SCREENSHOTS = 'test-output/screenshots';

describe('every step shows its declared view and layers', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    reader = await openStory();
  });
  afterAll(() => reader?.close());

  it('reached with goTo', async () => {
    for (const step of story.steps) {
      await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
      expect(differences(await readState(reader.page), step), step.id).toEqual([]);
    }
  });

  it('reached by scrolling down with the mouse wheel, in order', async () => {
    await reader.page.evaluate(() => window.scrollTo(0, 0));
    await reader.page.waitForFunction(() => window.storymap.state().stepId === null);
    await reader.page.mouse.move(300, 400);
    const visited: string[] = [];
    for (let guard = 0; guard < 2000 && visited.length < story.steps.length; guard++) {
      await reader.page.mouse.wheel(0, 240);
      await nextFrame(reader.page);
      await nextFrame(reader.page);
      const { stepId } = await readState(reader.page);
      if (stepId && stepId !== visited.at(-1)) {
        const step = story.steps.find((s) => s.id === stepId)!;
        await expectStepShown(reader.page, step);
        visited.push(stepId);
      }
    }
    expect(visited).toEqual(story.steps.map((step) => step.id));
  });

  it('ends on the right view after a fast scroll, and restores earlier views exactly', async () => {
    const [first, far] = [story.steps[3]!, story.steps[story.steps.length - 3]!];
    await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), first.id);
    const before = await readState(reader.page);
    // One jump across most of the article, as a flick or a drag of the scrollbar does.
    await reader.page.evaluate(
      (id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }),
      far.id,
    );
    await expectStepShown(reader.page, far);
    await reader.page.evaluate(
      (id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }),
      first.id,
    );
    const after = await expectStepShown(reader.page, first);
    // Exactly, up to floating-point noise in the last digits.
    expect(after.camera.center[0]).toBeCloseTo(before.camera.center[0], 9);
    expect(after.camera.center[1]).toBeCloseTo(before.camera.center[1], 9);
    expect(after.camera.zoom).toBeCloseTo(before.camera.zoom, 9);
    expect(after.visibleLayers).toEqual(before.visibleLayers);
  });

  it('never lets the wheel zoom the map', async () => {
    const step = story.steps[5]!;
    await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
    const before = await readState(reader.page);
    const box = (await reader.page.locator('.map').boundingBox())!;
    await reader.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await reader.page.mouse.wheel(0, -60);
    await reader.page.mouse.wheel(0, 60);
    await nextFrame(reader.page);
    expect((await readState(reader.page)).camera).toEqual(before.camera);
  });

  it('writes a screenshot of each section', async () => {
    for (const [i, section] of story.sections.entries()) {
      const step = story.steps.find((s) => s.id === section.stepIds[0])!;
      await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
      await reader.page.screenshot({ path: `${SCREENSHOTS}/desktop-${i + 1}-${section.id}.png` });
    }
    expect(reader.errors).toEqual([]);
  });
});

describe('flights', () => {
  it('fly deliberately between steps when motion is welcome', async () => {
    const reader = await openStory({ reducedMotion: 'no-preference' });
    try {
      const from = story.steps[0]!;
      const to = story.steps.find((s) => JSON.stringify(s.view) !== JSON.stringify(from.view))!;
      await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), from.id);
      const elapsed = await reader.page.evaluate(async (id) => {
        const start = performance.now();
        await window.storymap.goTo(id);
        return performance.now() - start;
      }, to.id);
      expect(elapsed).toBeGreaterThanOrEqual(1400);
      await expectStepShown(reader.page, to);
    } finally {
      await reader.close();
    }
  });
});

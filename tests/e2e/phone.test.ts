import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStepShown } from './expect-step.ts';
import { story } from './story-data.ts';
import { useChromium, type StoryPage } from './story-page.ts';

const chromium = useChromium();

describe('on a phone', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    mkdirSync('test-output/screenshots', { recursive: true });
    reader = await chromium.share({ viewport: { width: 390, height: 844 } });
  });

  it('fills the screen with the map and keeps the text to at most half of it', async () => {
    const boxes = await reader.page.evaluate(() => {
      const rect = (selector: string) =>
        document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
      return {
        map: rect('.map'),
        text: rect('main.story'),
        viewport: { width: innerWidth, height: innerHeight },
      };
    });
    expect(boxes.map).toMatchObject({
      x: 0,
      y: 0,
      width: boxes.viewport.width,
      height: boxes.viewport.height,
    });
    expect(boxes.text.height).toBeLessThanOrEqual(boxes.viewport.height / 2 + 1);
  });

  it('moves the map as the text scrolls, with subjects in the open half', async () => {
    // A regional view: a portrait phone cannot show more than about 165 degrees of longitude, so
    // the few world-spanning views are clipped at the sides there.
    const step = story.steps.find(
      (s) =>
        s.index > 5 && s.view.kind === 'bounds' && s.view.bounds[1][0] - s.view.bounds[0][0] < 40,
    )!;
    await reader.page.evaluate(
      (id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }),
      step.id,
    );
    await expectStepShown(reader.page, step);
    // goTo the step already shown resolves once the map has drawn it: then the picture is complete.
    await reader.page.evaluate((id) => window.storymap.goTo(id), step.id);
    await reader.page.screenshot({ path: 'test-output/screenshots/phone-regional-step.png' });
    expect(reader.errors).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { differences, readState } from './expect-step.ts';
import { story as article } from './story-data.ts';
import { goTo, useChromium, type StoryPage } from './story-page.ts';

const chromium = useChromium();

describe('opening the story', () => {
  let story: StoryPage;
  beforeAll(async () => {
    story = await chromium.share();
  });

  it('opens on the title page with the article credited', async () => {
    const masthead = story.page.locator('header.masthead');
    await expect(masthead.locator('h1').textContent()).resolves.toContain(
      'Changes in Mao Zedong’s Attitude toward the Indochina War, 1949–1973',
    );
    const credits = ((await masthead.textContent()) ?? '').replace(/\s+/g, ' ');
    for (const credit of [
      'Yang Kuisong',
      'Qiang Zhai',
      'Working Paper No. 34',
      'Woodrow Wilson International Center for Scholars',
      'February 2002',
    ]) {
      expect(credits).toContain(credit);
    }
    const sections = await story.page.locator('main h2').allTextContents();
    expect(sections.slice(0, 5)).toEqual([
      'Introduction',
      'From Supporting Wars Of Liberation in Indochina to Advocating Peace in Southeast Asia',
      'From Preferring Peaceful Coexistence to Advocating Cold War Coexistence',
      'From Opposing DRV-U.S. Peace Talks to Aligning with the U.S. against Moscow',
      'Conclusion',
    ]);
  });

  it('logs no error and asks no other origin for anything', () => {
    expect(story.errors).toEqual([]);
    expect(story.foreignRequests).toEqual([]);
    // The static maps are for readers without the live map: nobody else downloads them.
    expect(story.requests.filter((url) => url.includes('/data/static/'))).toEqual([]);
  });

  it('exposes window.storymap as the contract says', async () => {
    const api = await story.page.evaluate(() => {
      const { storymap } = window;
      return {
        version: storymap.version,
        steps: storymap.steps(),
        state: storymap.state(),
        elements: [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map(
          (el) => el.dataset.stepId,
        ),
      };
    });
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(api.steps.length).toBeGreaterThanOrEqual(50);
    expect(api.steps.length).toBeLessThanOrEqual(90);
    expect(api.steps.map((s) => s.index)).toEqual(api.steps.map((_, i) => i));
    expect(api.elements).toEqual(api.steps.map((s) => s.id));
    expect(new Set(api.steps.map((s) => s.section)).size).toBe(5);
    expect(api.state).toMatchObject({
      mode: 'scroll',
      ready: true,
      stepId: null,
      visibleLayers: [],
    });
  });

  it('is ready at its first picture, and warms up behind a still that gives way to the reader', async () => {
    const { page } = await chromium.open();
    const looks = () =>
      page.evaluate(() => {
        const map = document.querySelector<HTMLElement>('.map')!;
        const pane = map.parentElement!;
        return {
          still: document.querySelector('.map-still') !== null,
          whole: map.clientWidth === pane.clientWidth && map.clientHeight === pane.clientHeight,
          shown: getComputedStyle(map).opacity === '1',
        };
      });
    // Once its first picture is shown, the map draws every layer once (src/map/warm-up.ts) on a
    // tiny map, behind a still of it, for some seconds. A reader who goes on at once does not
    // wait for it: it stops, and the map draws the step.
    const step = article.steps[12]!;
    await goTo(page, step.id);
    expect(await looks()).toEqual({ still: false, whole: true, shown: true });
    const { camera, bounds, visibleLayers } = await readState(page);
    expect(differences(await readState(page), step)).toEqual([]);
    // Once the reader stays on the step, the warm-up starts again and ends on the same picture.
    await page.waitForSelector('.map-still', { state: 'attached' });
    await page.waitForSelector('.map-still', { state: 'detached', timeout: 30_000 });
    expect(await looks()).toEqual({ still: false, whole: true, shown: true });
    expect(await readState(page)).toMatchObject({ stepId: step.id, camera, bounds, visibleLayers });
  });
});

import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStepShown } from './expect-step.ts';
import { story } from './story-data.ts';
import { goTo, useChromium, type StoryPage } from './story-page.ts';

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
        // What shows the map: while the map warms up (src/map/warm-up.ts), a still of it.
        map: rect(document.querySelector('.map-still') ? '.map-still' : '.map'),
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

describe('switching between phone and desktop widths', () => {
  it('keeps the reader at their step through 50 rapid switches', async () => {
    const { page, errors } = await chromium.open();
    const target = story.steps[20]!.id;
    await goTo(page, target);
    await page.evaluate(() => {
      const seen = window as unknown as { stepsSeen: (string | null)[] };
      seen.stepsSeen = [];
      window.storymap.on('step', ({ stepId }) => seen.stepsSeen.push(stepId));
    });
    for (let i = 0; i < 50; i++)
      await page.setViewportSize(
        i % 2 === 0 ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      );
    // The last layout (desktop) has settled with the step's text back under the reading line.
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return Math.abs((box.top + box.bottom) / 2 - innerHeight / 2) < 2;
    }, target);
    await expectStepShown(page, story.steps[20]!);
    expect(
      await page.evaluate(() => (window as unknown as { stepsSeen: string[] }).stepsSeen),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the chrome on a touch phone', () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`leaves the map a window of 45 % of the screen at ${viewport.width} × ${viewport.height}`, async () => {
      const { page, errors } = await chromium.open({ viewport, hasTouch: true, isMobile: true });
      await goTo(page, 'chinese-support-troops-1965');
      const seen = await page.evaluate(() => {
        const rect = (selector: string) =>
          document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
        const sheet = document.querySelector('main.story')!;
        return {
          clear: window.storymap.state().clearArea!,
          timeline: rect('.timeline-frame'),
          caption: rect('.map-caption'),
          controls: rect('nav.step-nav'),
          sheet: rect('main.story'),
          background:
            getComputedStyle(sheet).backgroundImage === 'none'
              ? getComputedStyle(sheet).backgroundColor
              : getComputedStyle(sheet).backgroundImage,
          buttons: [...document.querySelectorAll('nav.step-nav button')].map((button) => {
            const { width, height, left, right } = button.getBoundingClientRect();
            return { width, height, left, right };
          }),
          hint: document.querySelector<HTMLElement>('.hint')!.innerText,
        };
      });
      expect(seen.clear.height).toBeGreaterThanOrEqual(0.45 * viewport.height);
      // One row of timeline; the map's window runs from it down to the sheet's header, its caption
      // at the top and the clear area below.
      expect(seen.timeline.height).toBeLessThanOrEqual(56);
      expect(seen.caption.top).toBeGreaterThanOrEqual(seen.timeline.bottom);
      expect(seen.clear.y).toBe(Math.round(seen.caption.bottom));
      expect(seen.clear.y + seen.clear.height).toBe(Math.round(seen.controls.top));
      expect(Math.round(seen.controls.bottom)).toBe(Math.round(seen.sheet.top));
      // An opaque sheet: map labels do not show through the text.
      expect(seen.background).not.toMatch(/rgba|transparent/);
      for (const button of seen.buttons) {
        expect(button.width).toBeGreaterThanOrEqual(44);
        expect(button.height).toBeGreaterThanOrEqual(44);
        expect(button.left).toBeGreaterThanOrEqual(0);
        expect(button.right).toBeLessThanOrEqual(viewport.width);
      }
      for (const name of ['Previous', 'Next', 'Explore', 'Share'])
        await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(
          true,
        );
      // A setting: a switch, not a button (it is still a <button>, so in `buttons` above).
      await expect(
        page.getByRole('switch', { name: 'Map motion', exact: true }).isVisible(),
      ).resolves.toBe(true);
      // Touch, not keys.
      expect(seen.hint).toMatch(/finger/);
      expect(seen.hint).not.toMatch(/press/);
      expect(errors).toEqual([]);
    });
  }

  it('keeps the events behind a button; open, they lie over the map', async () => {
    const { page } = await chromium.open({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const events = page.getByRole('button', { name: 'Events' });
    const paris = page.getByRole('button', { name: /Paris agreement/ });
    expect(await paris.isVisible()).toBe(false);
    const closed = await page.evaluate(() => window.storymap.state().clearArea!.height);
    await events.click();
    expect(await events.getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(
      (before) => window.storymap.state().clearArea!.height < before,
      closed,
    );
    await paris.click();
    await page.waitForFunction(
      () => window.storymap.state().stepId === 'paris-peace-agreement-1973',
    );
    expect(await events.getAttribute('aria-expanded')).toBe('false');
    expect(await paris.isVisible()).toBe(false);
    // The current stage stays in view.
    const stage = page.locator('.timeline-stages button[aria-current]');
    await expect(stage.textContent()).resolves.toBe('1970–73');
    expect(await stage.isVisible()).toBe(true);
  });
});

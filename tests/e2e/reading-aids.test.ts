/**
 * The reading aids: place names linked to the map, the timeline of Mao's four stages, and the
 * explore view, used as a reader would (pointer, keyboard, touch-sized in the kiosk).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPLORE_LAYERS } from '../../src/map/layers.ts';
import { differences, expectStepShown, jumpTo, readState } from './expect-step.ts';
import { places, stepById, story } from './story-data.ts';
import { useChromium, type StoryPage } from './story-page.ts';

const chromium = useChromium();
const KIOSK = { path: '/?mode=kiosk', hasTouch: true, viewport: { width: 1920, height: 1080 } };

describe('linked place names', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    reader = await chromium.share();
  });

  it('link the first mention of places in each step to their features', async () => {
    const links = await reader.page.$$eval('[data-step-id]', (steps) =>
      steps.map((step) =>
        [...step.querySelectorAll<HTMLElement>('[data-place-id]')].map((l) => l.dataset.placeId!),
      ),
    );
    const all = links.flat();
    expect(all.length).toBeGreaterThan(80);
    for (const id of all) expect(places.has(id), id).toBe(true);
    // Once per place per step.
    for (const ids of links) expect(new Set(ids).size).toBe(ids.length);
  });

  it('ring the place on hover and focus, show it on click, and come back to the story', async () => {
    const step = stepById('bandung-1955');
    await jumpTo(reader.page, step.id);
    const link = reader.page.locator(`#${step.id} [data-place-id="bandung"]`);
    await link.hover();
    await reader.page.waitForFunction(() => window.storymap.state().ringed === 'bandung');
    await link.click();
    const back = reader.page.getByRole('button', { name: 'Back to the story' });
    await back.waitFor();
    const [lng, lat] = places.get('bandung')!;
    const shown = await readState(reader.page);
    expect(shown.bounds[0][0]).toBeLessThan(lng);
    expect(shown.bounds[1][0]).toBeGreaterThan(lng);
    expect(shown.bounds[0][1]).toBeLessThan(lat);
    expect(shown.bounds[1][1]).toBeGreaterThan(lat);
    await back.click();
    await expectStepShown(reader.page, step);
    expect(await back.count()).toBe(0);
    expect((await readState(reader.page)).ringed).toBeNull();
    expect(reader.errors).toEqual([]);
  });

  it('work from the keyboard: Enter shows the place, the way back takes focus and returns it', async () => {
    const { page, errors } = await chromium.open();
    const step = stepById('bandung-1955');
    await jumpTo(page, step.id);
    expect((await readState(page)).ringed).toBeNull();
    await page.locator(`#${step.id} [data-place-id="bandung"]`).focus();
    await page.waitForFunction(() => window.storymap.state().ringed === 'bandung');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('back-to-story'));
    await page.keyboard.press('Enter');
    await expectStepShown(page, step);
    await page.waitForFunction(
      () => (document.activeElement as HTMLElement | null)?.dataset.placeId === 'bandung',
    );
    expect(errors).toEqual([]);
  });
});

describe('the timeline', () => {
  it('shows the four stages and the key events, and goes to their steps', async () => {
    const reader = await chromium.open();
    const timeline = reader.page.getByRole('navigation', { name: 'Timeline' });
    const stages = timeline.locator('.timeline-stages button');
    expect(await stages.allTextContents()).toEqual(['1949–53', '1954–57', '1958–69', '1970–73']);
    for (const [i, stage] of story.timeline!.stages.entries()) {
      await stages.nth(i).click();
      await reader.page.waitForFunction((id) => window.storymap.state().stepId === id, stage.step);
      await expect(stages.nth(i).getAttribute('aria-label')).resolves.toContain(stage.summary);
      expect(await stages.nth(i).getAttribute('aria-current')).toBe('true');
    }
    const events = timeline.locator('.timeline-events button');
    expect(await events.count()).toBe(8);
    for (const [i, event] of story.timeline!.events.entries()) {
      await events.nth(i).click();
      await expectStepShown(reader.page, stepById(event.step));
      expect(await events.nth(i).getAttribute('aria-current')).toBe('step');
    }
    // The current step's date, in words.
    await expect(timeline.locator('.timeline-caption').textContent()).resolves.toMatch(
      /^27 January 1973: stage 4/,
    );
    expect(reader.errors).toEqual([]);
  });

  it('scrolls the current event into its row, and nothing around it', async () => {
    const { page } = await chromium.open({ viewport: { width: 1440, height: 900 } });
    const last = story.timeline!.events.at(-1)!;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), last.step);
    await page.locator('.timeline-events button').first().click();
    await page.waitForFunction(
      (id) => window.storymap.state().stepId === id,
      story.timeline!.events[0]!.step,
    );
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), last.step);
    const seen = await page.evaluate(() => {
      const row = document.querySelector('.timeline-events')!.getBoundingClientRect();
      const chip = document
        .querySelector('.timeline-events button[aria-current]')!
        .getBoundingClientRect();
      const pane = document.querySelector('.map-pane')!;
      return {
        row: row.toJSON() as DOMRect,
        chip: chip.toJSON() as DOMRect,
        // Nothing around the row was scrolled to show it.
        paneTop: pane.getBoundingClientRect().top,
        paneScroll: pane.scrollTop + pane.scrollLeft,
      };
    });
    expect(seen.chip.left).toBeGreaterThanOrEqual(seen.row.left - 1);
    expect(seen.chip.right).toBeLessThanOrEqual(seen.row.right + 1);
    expect([seen.paneTop, seen.paneScroll]).toEqual([0, 0]);
  });

  it('is not in a course-page embed', async () => {
    const { page } = await chromium.open({ path: '/?mode=embed' });
    expect(await page.locator('nav[aria-label="Timeline"]').count()).toBe(0);
  });
});

describe('the explore view', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    reader = await chromium.share();
  });
  it('opens from the menu: layers by checkbox, features by year, pan and zoom, back to the story', async () => {
    const { page } = reader;
    const step = stepById('chinese-support-troops-1965');
    await jumpTo(reader.page, step.id);
    await page.getByRole('button', { name: 'Explore', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Explore the map' });
    await panel.locator('.explore-list summary').waitFor();
    const layers = () => readState(page).then((s) => s.visibleLayers.sort());
    await page.waitForFunction(() => window.storymap.state().visibleLayers.length === 7);

    // One checkbox per layer.
    const places = panel.getByRole('checkbox', { name: 'Places' });
    await places.uncheck();
    await page.waitForFunction(() => !window.storymap.state().visibleLayers.includes('places'));
    expect(await layers()).not.toContain('places');
    await places.check();

    // The year filters the features by their dates.
    const year = panel.getByRole('slider', { name: 'Year' });
    const count = async () =>
      Number(
        (await panel.locator('.explore-list summary').textContent())!.match(/(\d+) features/)![1],
      );
    await year.fill('1966');
    const in1966 = await panel.locator('.explore-list li').allTextContents();
    expect(in1966.some((name) => /Rolling Thunder/.test(name))).toBe(true);
    await year.fill('1950');
    const in1950 = await panel.locator('.explore-list li').allTextContents();
    expect(in1950.some((name) => /Rolling Thunder/.test(name))).toBe(false);
    expect(await count()).toBe(in1950.length);

    // A feature from the list: its name, dates, description and source, and the map goes to it.
    await year.fill('1954');
    await panel.locator('.explore-list summary').click();
    await panel.getByRole('button', { name: 'Dien Bien Phu', exact: true }).click();
    const details = panel.locator('.explore-feature');
    await expect(details.locator('h3').textContent()).resolves.toBe('Dien Bien Phu');
    await expect(details.textContent()).resolves.toMatch(/Source: .+/);

    // Pan and zoom: buttons, keys on the map.
    const before = await readState(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(
      (z) => window.storymap.state().camera.zoom > z + 0.5,
      before.camera.zoom,
    );
    await page.locator('canvas').focus();
    const centre = (await readState(page)).camera.center;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((x) => window.storymap.state().camera.center[0] > x, centre[0]);

    // Scrolling the text meanwhile leaves the reader's map alone.
    await jumpTo(page, story.steps[3]!.id);
    expect(await layers()).toHaveLength(7);

    await panel.getByRole('button', { name: 'Back to the story' }).click();
    await page.waitForFunction(() => !document.querySelector('.explore-panel'));
    expect(differences(await readState(page), story.steps[3]!)).toEqual([]);
    expect(await page.locator('canvas').getAttribute('tabindex')).toBe('-1');
    expect(reader.errors).toEqual([]);
  });

  it('is invited at the end of the article, after the last step and before the notes', async () => {
    const { page } = reader;
    const invite = page.getByRole('button', { name: 'Explore the map yourself' });
    const placed = await invite.evaluate((button) => {
      const steps = document.querySelectorAll('[data-step-id]');
      const follows = (a: Node, b: Node) =>
        (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return {
        afterLastStep: follows(steps[steps.length - 1]!, button),
        beforeNotes: follows(button, document.querySelector('.notes')!),
      };
    });
    expect(placed).toEqual({ afterLastStep: true, beforeNotes: true });
    await invite.click();
    await page.locator('.explore-panel').waitFor();
    // Every layer the explore view offers is on.
    await page.waitForFunction(
      (count) => window.storymap.state().visibleLayers.length === count,
      EXPLORE_LAYERS.length,
    );
    await page.getByRole('button', { name: 'Back to the story' }).click();
    await page.locator('.explore-panel').waitFor({ state: 'detached' });
    // Back to the story: the map shows the step the reader is at.
    const { stepId } = await readState(page);
    await expectStepShown(page, stepById(stepId!));
    expect(reader.errors).toEqual([]);
  });
});

describe('in the kiosk, every control is touch-sized', () => {
  let kiosk: StoryPage;
  beforeAll(async () => {
    kiosk = await chromium.share(KIOSK);
  });

  it('in the timeline', async () => {
    const sizes = await kiosk.page.$$eval('.timeline button', (buttons) =>
      buttons
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => Math.min(r.width, r.height)),
    );
    expect(sizes.length).toBe(12);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
  });

  it('in the explore view', async () => {
    await kiosk.page.getByRole('button', { name: 'Explore', exact: true }).click();
    await kiosk.page.locator('.explore-list summary').click();
    // A checkbox is touched through its label, which is the target.
    const small = await kiosk.page.$$eval(
      '.explore-panel button, .explore-panel summary, .explore-layer, .explore-panel input[type=range], .maplibregl-ctrl button',
      (targets) =>
        targets
          .map((t) => ({
            name: t.textContent?.trim() || t.getAttribute('aria-label'),
            box: t.getBoundingClientRect(),
          }))
          .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
          .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
  });
});

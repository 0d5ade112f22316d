/**
 * The museum kiosk on a 1080p touchscreen: idle → countdown → reset → attract, a touch wakes it,
 * it is locked against stray gestures, every control is finger-sized, and it recovers by itself.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAt, jumpTo } from './expect-step.ts';
import { keyMeetsCaption } from './grammar.ts';
import { stepById, story } from './story-data.ts';
import { useChromium, waitForMap } from './story-page.ts';

const chromium = useChromium();
const SCREEN = { width: 1920, height: 1080 };
// The attract steps in static/config.json.
const ATTRACT = ['advisers-and-arms-1950', 'dien-bien-phu-campaign'];

const waitForPhase = (page: Page, wanted: string) =>
  page.waitForFunction((p) => document.documentElement.dataset.kioskPhase === p, wanted, {
    timeout: 30_000,
  });
const stepId = (page: Page) => page.evaluate(() => window.storymap.state().stepId);

async function tapCentre(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * The attract poster as the page shows it, read in one go with the step the map shows: the title,
 * the caption and the call (font sizes 0 when not visible), the text column, the map's clear area.
 */
function readPoster(page: Page) {
  return page.evaluate(() => {
    const seen = (selector: string) => {
      const element = document.querySelector<HTMLElement>(selector);
      return element?.checkVisibility({ visibilityProperty: true }) ? element : null;
    };
    const size = (selector: string) => {
      const element = seen(selector);
      return element ? parseFloat(getComputedStyle(element).fontSize) : 0;
    };
    const { stepId, clearArea } = window.storymap.state();
    return {
      stepId,
      clearArea,
      title: seen('.poster-heading')?.textContent?.trim(),
      byline: seen('.poster-byline')?.textContent?.replace(/\s+/g, ' ').trim(),
      titleSize: size('.poster-heading'),
      caption: seen('.poster-caption')?.textContent?.trim(),
      captionSize: size('.poster-caption'),
      call: seen('.poster-cta')?.textContent?.trim(),
      // The page's own title and byline, which the poster repeats.
      masthead: document.querySelector('.masthead h1')?.textContent?.trim(),
      mastheadByline: document
        .querySelector('.masthead .byline')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim(),
      textShown: !!seen('main.story'),
      controlsShown: !!seen('nav.step-nav'),
      timelineShown: !!seen('.timeline-frame'),
    };
  });
}

/** The poster at a screen size: large words, the step's caption, the map across the screen. */
async function expectPoster(page: Page, screen: { width: number; height: number }) {
  const poster = await readPoster(page);
  expect(poster.stepId).not.toBeNull();
  expect(poster.title).toBe(poster.masthead);
  expect(poster.byline).toBe(poster.mastheadByline);
  expect(poster.titleSize).toBeGreaterThanOrEqual(40);
  // Until every step has its own caption, the opening of its map sentence stands in for it.
  expect(poster.caption).toBe(stepById(poster.stepId!).caption);
  expect(poster.caption!.length).toBeGreaterThan(10);
  expect(poster.captionSize).toBeGreaterThanOrEqual(32);
  expect(poster.call).toBe('Touch to explore');
  expect(poster).toMatchObject({ textShown: false, controlsShown: false, timelineShown: false });
  // The map is framed across the whole screen, between the title and the caption.
  expect(poster.clearArea.width).toBeGreaterThanOrEqual(0.95 * screen.width);
  expect(poster.clearArea.height).toBeGreaterThanOrEqual(0.5 * screen.height);
  return poster;
}

/**
 * Touches the middle of the poster; resolves with what the page showed when the story announced
 * the title: the kiosk's phase, the text column, the poster, and whether the map's canvas is the
 * one marked `kept` before the reset.
 */
async function wake(page: Page, screen: { width: number; height: number }) {
  const woken = page.evaluate(
    () =>
      new Promise<{ phase?: string; kept?: boolean; textShown: boolean; poster: boolean }>(
        (resolve) => {
          const stop = window.storymap.on('step', (state) => {
            if (state.stepId !== null) return;
            stop();
            const canvas = document.querySelector('canvas') as HTMLCanvasElement & {
              kept?: boolean;
            };
            resolve({
              phase: document.documentElement.dataset.kioskPhase,
              kept: canvas.kept,
              textShown: document
                .querySelector('main.story')!
                .checkVisibility({ visibilityProperty: true }),
              poster: document.querySelector('.poster') !== null,
            });
          });
        },
      ),
  );
  await page.touchscreen.tap(screen.width / 2, screen.height / 2);
  return woken;
}

/** Controls a finger could hit, and their size. */
function visibleTargets(page: Page) {
  return page.$$eval('button, a[href], input, select, [role="button"]', (elements) =>
    elements
      .filter((element) => (element as HTMLElement).checkVisibility())
      .map((element) => {
        const rect = element.getBoundingClientRect();
        const name = element.textContent?.trim() || element.getAttribute('aria-label') || '';
        return { name: `${element.tagName} ${name}`, width: rect.width, height: rect.height };
      })
      .filter((target) => target.width > 0 && target.height > 0),
  );
}

describe('kiosk', () => {
  // A longer timeout: about 35 s of this test is the kiosk left alone, on purpose.
  it('counts down when idle, keeps reading on a touch, resets, attracts and wakes to the title', async () => {
    const kiosk = await chromium.open({
      // Long enough for a busy machine to answer in time.
      path: '/?mode=kiosk&idle=8&countdown=4&attract=1',
      viewport: SCREEN,
      hasTouch: true,
    });
    const { page } = kiosk;
    // A visitor arrives. On a slow machine the idle cycle may have begun while the map loaded:
    // the touch ends it (its click is swallowed, not passed to the Next button below).
    await page.touchscreen.tap(SCREEN.width / 2, SCREEN.height / 2);
    await waitForPhase(page, 'reading');
    expect(await stepId(page)).toBeNull();
    // A visitor reads a step and opens a note.
    await tapCentre(page, '.step-nav button:has-text("Next")');
    await page.waitForFunction(() => window.storymap.state().stepId !== null);
    const read = await stepId(page);
    // The map's canvas, marked to prove the reset keeps the same map.
    await page.evaluate(() => {
      (document.querySelector('canvas') as HTMLCanvasElement & { kept?: boolean }).kept = true;
    });

    await waitForPhase(page, 'countdown');
    const countdown = page.getByRole('alertdialog');
    await expect(countdown.textContent()).resolves.toMatch(/goes back to the start in \d+/);
    await tapCentre(page, '.kiosk-countdown button');
    await waitForPhase(page, 'reading');
    expect(await stepId(page)).toBe(read);

    await page.locator('.note-mark').first().scrollIntoViewIfNeeded();
    await tapCentre(page, `#${read} .note-mark`);
    await page.waitForFunction(() => document.querySelector(':popover-open') !== null);

    // Left alone: countdown, then the reset and the attract loop through the chosen steps.
    await waitForPhase(page, 'attract');
    await page.waitForFunction(() => document.querySelector(':popover-open') === null);
    await page.waitForFunction((id) => window.storymap.state().stepId === id, ATTRACT[0]);
    await page.waitForFunction((id) => window.storymap.state().stepId === id, ATTRACT[1]);
    // No idle timer during the loop: it keeps advancing and never counts down.
    const seen = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const phases: string[] = [];
          const stop = window.storymap.on('step', () => {
            phases.push(document.documentElement.dataset.kioskPhase!);
            if (phases.length === 3) {
              stop();
              resolve(phases);
            }
          });
        }),
    );
    expect(seen).toEqual(['attract', 'attract', 'attract']);
    // A poster, read from across the room.
    await expectPoster(page, SCREEN);
    // Pictured once the map has drawn a step (a headless screenshot taken as the step changes
    // may come out blank).
    await page.evaluate(() => window.storymap.goTo(window.storymap.state().stepId!));
    await page.screenshot({ path: 'test-output/screenshots/kiosk-attract.png' });

    // A touch anywhere wakes it at the title, with the same map, the text back in its column.
    // What the page shows is recorded at the step event itself: on a slow machine the next idle
    // cycle may follow soon.
    await expect(wake(page, SCREEN)).resolves.toEqual({
      phase: 'reading',
      kept: true,
      textShown: true,
      poster: false,
    });
    // The map is framed in its pane again, beside the text.
    await page.waitForFunction(
      (width) => window.storymap.state().clearArea.width < 0.8 * width,
      SCREEN.width,
    );
    // The text goes back to its top.
    await page.waitForFunction(() => window.scrollY === 0);
    // It stays at the title, unless the next idle cycle has already begun.
    const [after, phaseAfter] = await page.evaluate(() => [
      window.storymap.state().stepId,
      document.documentElement.dataset.kioskPhase,
    ]);
    expect(after === null || phaseAfter === 'attract', `${after} in ${phaseAfter}`).toBe(true);
    expect(kiosk.errors).toEqual([]);
  }, 240_000);

  it('shows the attract poster on an upright screen too, and wakes to the reading page', async () => {
    const upright = { width: 1080, height: 1920 };
    const kiosk = await chromium.open({
      path: '/?mode=kiosk&idle=5&countdown=1&attract=3',
      viewport: upright,
      hasTouch: true,
    });
    const { page } = kiosk;
    await page.evaluate(() => {
      (document.querySelector('canvas') as HTMLCanvasElement & { kept?: boolean }).kept = true;
    });
    await waitForPhase(page, 'attract');
    // At the next attract step.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const stop = window.storymap.on('step', () => {
            stop();
            resolve();
          });
        }),
    );
    const poster = await expectPoster(page, upright);
    // The title above the map, the caption and the call below it.
    expect(poster.clearArea.y).toBeGreaterThan(0);
    expect(poster.clearArea.y + poster.clearArea.height).toBeLessThan(upright.height);
    await page.evaluate(() => window.storymap.goTo(window.storymap.state().stepId!));
    await page.screenshot({ path: 'test-output/screenshots/kiosk-attract-upright.png' });

    const woken = await wake(page, upright);
    expect(woken).toEqual({ phase: 'reading', kept: true, textShown: true, poster: false });
    // The reading page at its title, its map in the pane beside the text (unless the next idle
    // cycle has already begun on a slow machine).
    await page.waitForFunction(
      (width) =>
        window.storymap.state().clearArea.width < 0.8 * width ||
        document.documentElement.dataset.kioskPhase === 'attract',
      upright.width,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(kiosk.errors).toEqual([]);
  });

  it('is locked down: no selection, no long-press menu, no page zoom, no link out', async () => {
    const kiosk = await chromium.open({ path: '/?mode=kiosk', viewport: SCREEN, hasTouch: true });
    const { page } = kiosk;
    const paragraph = page.locator('.card p').first();
    await paragraph.dblclick();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');
    expect(await paragraph.evaluate((p) => getComputedStyle(p).userSelect)).toBe('none');
    const menuBlocked = await page.evaluate(() => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      return !document.querySelector('.card p')!.dispatchEvent(event);
    });
    expect(menuBlocked).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).touchAction)).toBe(
      'pan-y',
    );
    // A two-finger pinch does not zoom the page (touch-action, without disabling zoom in the
    // viewport tag, which would shut out readers who need it elsewhere).
    const cdp = await kiosk.context.newCDPSession(page);
    await cdp.send('Input.synthesizePinchGesture', { x: 960, y: 540, scaleFactor: 2.5 });
    expect(await page.evaluate(() => window.visualViewport!.scale)).toBe(1);
    const outbound = await page.$$eval('a[href]', (links) =>
      links.map((link) => link.getAttribute('href')!).filter((href) => !href.startsWith('#')),
    );
    expect(outbound).toEqual([]);
    // Large type: body text of at least 24 px on a 1080p screen.
    const size = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
  });

  it('gives every visible control a 44 × 44 px target, moves by buttons, swipes and sections (the address following), and keeps the caption clear of the key', async () => {
    const kiosk = await chromium.open({ path: '/?mode=kiosk', viewport: SCREEN, hasTouch: true });
    const { page } = kiosk;
    const small: string[] = [];
    const check = async (where: string) => {
      for (const target of await visibleTargets(page))
        if (target.width < 44 || target.height < 44)
          small.push(`${where}: ${target.name} is ${target.width}×${target.height}`);
    };
    await check('title');

    const sections = story.sections[3]!;
    await tapCentre(page, 'button.sections');
    await page.locator('#section-menu').waitFor();
    await check('section menu');
    await tapCentre(page, `#section-menu button:has-text("${sections.title.slice(0, 20)}")`);
    // The address follows the section menu too.
    await expectAt(page, sections.stepIds[0]!);
    await check('a step');
    expect(small).toEqual([]);

    // A sideways swipe on the map turns the page: left for the next step, right for the previous.
    const swipe = async (from: number, to: number) => {
      // Once the map has drawn the step (a busy page would stretch the gesture past a swipe's time).
      await page.evaluate(() => window.storymap.goTo(window.storymap.state().stepId!));
      await page.mouse.move(from, 500);
      await page.mouse.down();
      await page.mouse.move(to, 510, { steps: 4 });
      await page.mouse.up();
    };
    await swipe(1500, 1200);
    await page.waitForFunction((id) => window.storymap.state().stepId === id, sections.stepIds[1]);
    await swipe(1200, 1500);
    await page.waitForFunction((id) => window.storymap.state().stepId === id, sections.stepIds[0]);

    // The key stands open beside a long caption, and neither covers the other.
    await page.evaluate(() => window.storymap.goTo('dien-bien-phu-campaign', { animate: false }));
    expect(await page.locator('.legend').getAttribute('open')).not.toBeNull();
    expect(await keyMeetsCaption(page)).toBe(false);
    expect(kiosk.errors).toEqual([]);
  });

  it('without WebGL stays on the static maps, keeps its idle cycle and never reloads', async () => {
    // As Chrome does after repeated GPU crashes: no page gets a WebGL context.
    const kiosk = await chromium.open({
      path: '/?mode=kiosk&idle=5&countdown=1&attract=2',
      viewport: SCREEN,
      hasTouch: true,
      waitForReady: false,
      beforeLoad: ({ context }) =>
        context.addInitScript(() => {
          const getContext = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (
            this: HTMLCanvasElement,
            type: string,
            ...rest: unknown[]
          ) {
            if (/webgl/.test(type)) return null;
            return (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
          } as typeof getContext;
        }),
    });
    const { page } = kiosk;
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    let loads = 0;
    page.on('load', () => loads++);
    await page.waitForFunction(() => document.documentElement.classList.contains('map-failed'));
    const failedAt = Date.now();
    // The idle cycle runs without the map: countdown, reset, then the attract loop moves the text.
    await waitForPhase(page, 'countdown');
    await waitForPhase(page, 'attract');
    const first = await stepId(page);
    await page.waitForFunction((id) => window.storymap.state().stepId !== id, first);
    const shown = await stepId(page);
    await page.waitForFunction((id) => {
      const box = document.getElementById(id!)!.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }, shown);
    await page.screenshot({ path: 'test-output/screenshots/kiosk-without-webgl.png' });
    // A fresh page would fail the same way: no reload was asked for, none counted.
    expect(warnings.filter((text) => /start again/.test(text))).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('storymap:kiosk-reloads'))).toBeNull();
    // The attract loop goes on for longer than a failed map waits before it starts again (10 s),
    // and the page never reloads.
    while (Date.now() - failedAt < 11_000) {
      const id = await stepId(page);
      await page.waitForFunction((id) => window.storymap.state().stepId !== id, id);
    }
    expect(loads).toBe(0);
    // A touch wakes it to the title, as with the map.
    await tapCentre(page, 'body');
    await waitForPhase(page, 'reading');
    expect(kiosk.errors.filter((error) => !/WebGL|webgl/.test(error))).toEqual([]);
  });

  it('recovers a lost WebGL context, starts again at the title when the map is gone for good, at most three times an hour', async () => {
    const kiosk = await chromium.open({ path: '/?mode=kiosk', viewport: SCREEN, hasTouch: true });
    const { page } = kiosk;
    const lose = (restoreAfter: number | null) =>
      page.evaluate(async (restoreAfter) => {
        const canvas = document.querySelector('canvas')!;
        const extension = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
        extension.loseContext();
        if (restoreAfter === null) return;
        await new Promise((resolve) => setTimeout(resolve, restoreAfter));
        extension.restoreContext();
      }, restoreAfter);
    const step = story.steps[10]!;
    await jumpTo(page, step.id);
    await lose(300);
    await jumpTo(page, story.steps[11]!.id);
    await page.waitForFunction(() => document.querySelector('.map-status') === null);

    // Gone for good: the kiosk reloads itself and opens at the title with a working map.
    const reloaded = page.waitForEvent('load', { timeout: 40_000 });
    await lose(null);
    await reloaded;
    await waitForMap(page);
    expect(await stepId(page)).toBeNull();
    expect(page.url()).toMatch(/\?mode=kiosk$/);
    // What the visitor saw meanwhile was the story's own words, never an error's.
    expect(kiosk.errors).toEqual([]);

    // Three starts this hour already (this one counted): the fourth failure is not reloaded for.
    await page.evaluate(() => {
      const key = 'storymap:kiosk-reloads';
      const [counted] = JSON.parse(localStorage.getItem(key)!) as number[];
      localStorage.setItem(key, JSON.stringify([counted, Date.now() - 60_000, Date.now()]));
    });
    let loads = 0;
    page.on('load', () => loads++);
    const refused = page.waitForEvent('console', {
      predicate: (message) => /started again 3 times this hour/.test(message.text()),
    });
    await lose(null);
    await refused;
    await page.waitForFunction(() => document.documentElement.classList.contains('map-failed'));
    expect(loads).toBe(0);
  });
});

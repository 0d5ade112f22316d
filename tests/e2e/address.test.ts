/**
 * The address follows the story however the reader moves (scrolling, buttons, keys, the timeline,
 * the API, the kiosk's section menu, a host page's message), so a copied link opens where they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import { findChromium } from './chromium.ts';

const { story } = loadStoryData(process.cwd());
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
});
afterAll(() => browser.close());

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(new URL(path, baseUrl).href);
  await page.waitForFunction(() => window.storymap?.state().ready, null, { timeout: 60_000 });
  return page;
}

/** Waits until the story and the page's own address are both at the step. */
async function expectAt(page: Page, stepId: string): Promise<void> {
  await page.waitForFunction(
    (id) => window.storymap.state().stepId === id && location.hash === `#${id}`,
    stepId,
  );
  expect(new URL(page.url()).hash).toBe(`#${stepId}`);
}

const stepAt = (index: number) => story.steps[index]!.id;

describe('the address', () => {
  it('follows scrolling, Next and Previous, keys, the timeline and goTo', async () => {
    const page = await open('/');
    // Scrolling the text.
    await page.evaluate(
      (id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }),
      stepAt(3),
    );
    await expectAt(page, stepAt(3));
    // The buttons.
    await page.getByRole('button', { name: /Next/ }).click();
    await expectAt(page, stepAt(4));
    await page.getByRole('button', { name: /Previous/ }).click();
    await expectAt(page, stepAt(3));
    // The keys, from the text (in a button they keep their usual meaning).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    await expectAt(page, stepAt(4));
    // The timeline's last event.
    const event = story.timeline!.events.at(-1)!;
    await page.locator('.timeline-events button').last().click();
    await expectAt(page, event.step);
    // The API.
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), stepAt(10));
    await expectAt(page, stepAt(10));
    // And a reload opens where the address says.
    await page.reload();
    await page.waitForFunction(() => window.storymap?.state().ready, null, { timeout: 60_000 });
    await expectAt(page, stepAt(10));
    await page.context().close();
  });

  it('follows the kiosk’s section menu', async () => {
    const page = await open('/?mode=kiosk', { width: 1920, height: 1080 });
    const section = story.sections[2]!;
    await page.locator('button.sections').click();
    await page.locator(`#section-menu button:has-text("${section.title.slice(0, 20)}")`).click();
    await expectAt(page, section.stepIds[0]!);
    await page.context().close();
  });

  it('follows a host page’s goto message in an embed', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.setContent(
      `<iframe src="${new URL('/?mode=embed', baseUrl).href}" style="width:900px;height:600px"></iframe>`,
    );
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame!.waitForFunction(() => window.storymap?.state().ready, null, { timeout: 60_000 });
    const target = stepAt(20);
    await page.evaluate(
      (stepId) =>
        document
          .querySelector('iframe')!
          .contentWindow!.postMessage({ type: 'storymap:goto', stepId }, '*'),
      target,
    );
    await frame!.waitForFunction(
      (id) => window.storymap.state().stepId === id && location.hash === `#${id}`,
      target,
    );
    expect(new URL(frame!.url()).hash).toBe(`#${target}`);
    await context.close();
  });
});

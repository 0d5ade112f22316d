import { afterEach, describe, expect, it } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import { expectStepShown, readState } from './expect-step.ts';
import { openStory, type StoryPage } from './story-page.ts';

const { story } = loadStoryData(process.cwd());
const last = story.steps.at(-1)!;
let reader: StoryPage | undefined;
afterEach(async () => {
  await reader?.close();
  reader = undefined;
});

describe('faults', () => {
  it('walks every step with zero Content-Security-Policy violations', async () => {
    reader = await openStory({ waitForReady: false });
    await reader.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective}: ${event.blockedURI}`),
      );
    });
    await reader.page.reload();
    await reader.page.waitForFunction(() => window.storymap?.state().ready);
    for (const step of story.steps) {
      await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
    }
    const csp = await reader.page.evaluate(() => ({
      policy: document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content'),
      violations: (window as unknown as { cspViolations: string[] }).cspViolations,
    }));
    expect(csp.policy).toContain("script-src 'self'");
    expect(csp.policy).not.toContain('unsafe-eval');
    expect(csp.violations).toEqual([]);
    expect(reader.errors).toEqual([]);
    expect(reader.foreignRequests).toEqual([]);
  });

  /** Takes the map's WebGL context away, as a GPU reset does; gives it back after `restoreAfter` ms. */
  function loseContext(restoreAfter: number | null) {
    return reader!.page.evaluate(async (restoreAfter) => {
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

  it('survives losing the WebGL context and draws the step again when it is restored', async () => {
    reader = await openStory();
    const { page } = reader;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), story.steps[12]!.id);
    await loseContext(300);
    const next = story.steps[30]!;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), next.id);
    await expectStepShown(page, next);
    await expect(page.locator('.map-status').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-output/screenshots/after-context-restore.png' });
    expect(reader.errors).toEqual([]);
  });

  it('falls back to static maps when the WebGL context does not come back', async () => {
    reader = await openStory();
    const { page } = reader;
    await loseContext(null);
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

  it('keeps the text, says so, and retries when a data request fails', async () => {
    reader = await openStory({ waitForReady: false });
    const { page, context } = reader;
    let failing = true;
    await context.route('**/data/places.geojson', (route) =>
      failing ? route.abort() : route.continue(),
    );
    await page.reload();
    const notice = page.locator('.map-status.notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('trying again');
    expect(await page.locator('[data-step-id]').count()).toBe(story.steps.length);
    failing = false;
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForFunction(() => window.storymap.state().ready);
    const step = story.steps.find((s) => s.layers.includes('places'))!;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
    await expectStepShown(page, step);
  });

  it('ends on the last step after one jump from the top to the bottom', async () => {
    reader = await openStory();
    await reader.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectStepShown(reader.page, last);
  });

  it('keeps the step when the window changes between desktop and phone layouts', async () => {
    reader = await openStory();
    const { page } = reader;
    const step = story.steps.find((s) => s.index > 15 && s.view.kind === 'bounds')!;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() =>
      document.querySelector('.layout')?.classList.contains('phone'),
    );
    await expectStepShown(page, step);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(
      () => !document.querySelector('.layout')?.classList.contains('phone'),
    );
    await expectStepShown(page, step);
    expect((await readState(page)).stepId).toBe(step.id);
  });

  it('falls back to system fonts when the font files cannot be fetched', async () => {
    reader = await openStory({ waitForReady: false });
    const { page, context } = reader;
    await context.route('**/*.woff2', (route) => route.abort());
    await page.reload();
    await page.waitForFunction(() => window.storymap?.state().ready);
    const step = story.steps.find((s) => s.highlight.length > 0)!;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
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

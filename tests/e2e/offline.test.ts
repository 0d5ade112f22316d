import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { expectStepShown, jumpTo } from './expect-step.ts';
import { story } from './story-data.ts';
import { DESKTOP, useChromium, waitForMap } from './story-page.ts';

const chromium = useChromium();

describe('offline', () => {
  it('opens from its cache on the second visit with the network off, in every mode', async () => {
    const baseUrl = inject('baseUrl');
    const context = await chromium.context({ viewport: DESKTOP, reducedMotion: 'reduce' });
    const first = await context.newPage();
    await first.goto(baseUrl);
    // The first visit stores everything: wait until the worker has finished installing.
    await first.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active?.state !== 'activated') {
        await new Promise((resolve) =>
          registration.active!.addEventListener('statechange', resolve),
        );
      }
    });
    await first.close();

    await context.setOffline(true);
    for (const path of ['', '?mode=kiosk', '?mode=embed']) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL(path, baseUrl).href);
      await waitForMap(page);
      const step = story.steps[20]!;
      await jumpTo(page, step.id);
      await expectStepShown(page, step);
      await expect(page.locator('.map-status').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

/**
 * The address follows the story however the reader moves (scrolling, buttons, keys, the timeline,
 * the API), so a copied link opens where they are. (The walk checks it at every step scrolled to;
 * kiosk.test.ts its section menu, embed.test.ts a host page's goto.)
 */
import { describe, expect, it } from 'vitest';
import { expectAt, jumpTo } from './expect-step.ts';
import { story } from './story-data.ts';
import { useChromium, waitForMap } from './story-page.ts';

const chromium = useChromium();

const stepAt = (index: number) => story.steps[index]!.id;

describe('the address', () => {
  it('follows scrolling, Next and Previous, keys, the timeline and goTo', async () => {
    const reader = await chromium.open();
    const { page } = reader;
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
    await jumpTo(page, stepAt(10));
    await expectAt(page, stepAt(10));
    // And a reload opens where the address says.
    await page.reload();
    await waitForMap(page);
    await expectAt(page, stepAt(10));
    expect(reader.errors).toEqual([]);
  });

  it('reads a malformed address as an unknown step: a warning, the title, no error, no reload', async () => {
    for (const path of ['/#%', '/?mode=kiosk#%E0%A4%A']) {
      const warnings: string[] = [];
      const reader = await chromium.open({
        path,
        beforeLoad: async ({ page }) =>
          page.on('console', (message) => {
            if (message.type() === 'warning') warnings.push(message.text());
          }),
      });
      const { page } = reader;
      let loads = 0;
      page.on('load', () => loads++);
      expect(await page.evaluate(() => window.storymap.state().stepId)).toBeNull();
      expect(warnings.some((text) => /There is no step "%/.test(text))).toBe(true);
      // The page still works: a step can be reached, and nothing reloaded it.
      await jumpTo(page, stepAt(2));
      await expectAt(page, stepAt(2));
      expect(loads).toBe(0);
      expect(reader.errors).toEqual([]);
      await reader.close();
    }
  });
});

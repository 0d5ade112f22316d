/**
 * Whether the map shown now follows its visual grammar (docs/cartography.md), measured on the
 * drawn map: no place dot without its name, at most one patterned zone, the caption on the map
 * equal to the step's, every symbol on screen in the key, the step's callouts shown inside the
 * clear area. Used by the sample in npm test and by the matrix (every step at every layout).
 */
import type { Page } from 'playwright-core';
import type { StoryState } from '../../src/controller.svelte.ts';
import { stepById } from './story-data.ts';

export const state = (page: Page) =>
  page.evaluate(() => window.storymap.state()) as Promise<StoryState>;

/** Whether the key (open, or its button) and the caption, both at the top of the map, overlap. */
export async function keyMeetsCaption(page: Page): Promise<boolean> {
  const [caption, key] = await Promise.all(
    ['.map-caption', '.legend'].map((selector) => page.locator(selector).boundingBox()),
  );
  if (!caption || !key) return false;
  return (
    caption.x < key.x + key.width &&
    key.x < caption.x + caption.width &&
    caption.y < key.y + key.height &&
    key.y < caption.y + caption.height
  );
}

/** What breaks the grammar at the step shown now (empty when nothing does). */
export async function grammarProblems(page: Page, id: string): Promise<string[]> {
  const step = stepById(id);
  const { drawing, caption, clearArea } = await state(page);
  const problems: string[] = [];
  if (!drawing) return ['the map reports no drawing'];
  if (drawing.unnamed.length) problems.push(`dots without a name: ${drawing.unnamed.join(', ')}`);
  if (drawing.patterns.length > 1) problems.push(`patterns: ${drawing.patterns.join(', ')}`);
  const shownCaption = await page.locator('.map-caption').textContent();
  if (caption !== step.caption || shownCaption?.trim() !== step.caption)
    problems.push(`caption "${shownCaption}" (state: "${caption}"), not "${step.caption}"`);
  if (!(await page.locator('.map-caption').isVisible())) problems.push('the caption is hidden');
  if (await keyMeetsCaption(page)) problems.push('the key and the caption overlap');
  const key = await page.locator('.legend li').allTextContents();
  const missing = drawing.key.filter((label) => !key.map((k) => k.trim()).includes(label));
  if (missing.length) problems.push(`on the map but not in the key: ${missing.join('; ')}`);
  // Callouts: each shown says one of the step's, inside the clear area.
  const callouts = await page.locator('.callout').evaluateAll((boxes) =>
    boxes.map((box) => {
      const pane = box.closest('.map-pane')!.getBoundingClientRect();
      const r = box.getBoundingClientRect();
      return {
        text: box.textContent!.trim(),
        x: r.x - pane.x,
        y: r.y - pane.y,
        w: r.width,
        h: r.height,
      };
    }),
  );
  if (callouts.length !== step.callouts.length)
    problems.push(`${callouts.length} callouts shown of ${step.callouts.length}`);
  for (const { text, x, y, w, h } of callouts) {
    if (!step.callouts.some((c) => c.text === text))
      problems.push(`callout "${text}" not the step's`);
    const inside =
      x >= clearArea.x - 1 &&
      y >= clearArea.y - 1 &&
      x + w <= clearArea.x + clearArea.width + 1 &&
      y + h <= clearArea.y + clearArea.height + 1;
    if (!inside) problems.push(`callout "${text}" outside the clear area`);
  }
  return problems;
}

/** Callouts appear once the map has settled on the step: wait for the first, if it has any. */
export const waitForCallouts = (page: Page, id: string) =>
  page.waitForFunction(
    (count) => document.querySelectorAll('.callout').length >= count,
    stepById(id).callouts.length ? 1 : 0,
  );

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { differences, jumpTo, readState } from './expect-step.ts';
import { story } from './story-data.ts';
import { useChromium } from './story-page.ts';

const chromium = useChromium();
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

function violations(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
}

const visibleStaticMaps = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('.static-map')].filter((f) => f.offsetHeight > 0)
        .length,
  );

describe('accessibility checks (axe-core)', () => {
  for (const mode of ['scroll', 'kiosk', 'embed'] as const) {
    it(`finds nothing at the title and at several steps in ${mode} mode`, async () => {
      const { page } = await chromium.open({ path: `/?mode=${mode}`, bypassCSP: true });
      await page.evaluate(axeSource);
      const stops = [null, story.steps[0]!, story.steps[20]!, story.steps.at(-1)!];
      for (const step of stops) {
        if (step) await jumpTo(page, step.id);
        expect(await violations(page), `at ${step?.id ?? 'the title'}`).toEqual([]);
      }
      // The mode's own overlay: the share dialog, the kiosk's section menu.
      const overlay = { scroll: 'Share', kiosk: 'Sections', embed: null }[mode];
      if (overlay) {
        await page.getByRole('button', { name: overlay, exact: true }).click();
        expect(await violations(page), `with ${overlay} open`).toEqual([]);
      }
      // The explore view, over the map.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Explore', exact: true }).click();
      await page.locator('.explore-list summary').waitFor();
      expect(await violations(page), 'in the explore view').toEqual([]);
    });
  }
});

describe('keyboard', () => {
  it('reads the story with j, k, the arrows and Page keys, focus following the step', async () => {
    const { page } = await chromium.open();
    const active = async () => (await readState(page)).stepId;
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.stepId);
    await page.keyboard.press('j');
    await page.waitForFunction(() => window.storymap.state().stepId !== null);
    expect(await active()).toBe(story.steps[0]!.id);
    expect(await focused()).toBe(story.steps[0]!.id);
    for (const [key, index] of [
      ['ArrowDown', 1],
      ['PageDown', 2],
      ['j', 3],
      ['k', 2],
      ['ArrowUp', 1],
      ['PageUp', 0],
    ] as const) {
      await page.keyboard.press(key);
      await page.waitForFunction(
        (id) => window.storymap.state().stepId === id,
        story.steps[index]!.id,
      );
      expect(differences(await readState(page), story.steps[index]!)).toEqual([]);
      expect(await focused()).toBe(story.steps[index]!.id);
    }
  });

  it('starts with a skip link to the article and never traps focus in the map', async () => {
    const { page } = await chromium.open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to the article',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article');
    // From the skip link's target, the keys read on and focus moves with them.
    await page.keyboard.press('j');
    await page.waitForFunction((id) => document.activeElement?.id === id, story.steps[0]!.id);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-step-id]')?.id)).toBe(
      story.steps[0]!.id,
    );
    // Tabbing through the map pane reaches its buttons and leaves again.
    const visited: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      visited.push(
        await page.evaluate(
          () => document.activeElement?.closest('aside, main')?.tagName ?? 'BODY',
        ),
      );
    }
    expect(visited).toContain('MAIN');
    expect(
      await page.evaluate(() => document.querySelector('.map canvas')?.getAttribute('tabindex')),
    ).not.toBe('0');
  });
});

describe('reflow', () => {
  for (const [label, viewport] of [
    ['320 px wide', { width: 320, height: 640 }],
    ['200% zoom of a 1280 x 800 screen', { width: 640, height: 400 }],
  ] as const) {
    it(`needs no horizontal scrolling at ${label}`, async () => {
      const { page } = await chromium.open({ viewport });
      await jumpTo(page, story.steps[10]!.id);
      const overflow = await page.evaluate(() =>
        [document.documentElement, document.querySelector('main')!].map(
          (el) => el.scrollWidth - el.clientWidth,
        ),
      );
      expect(overflow).toEqual([0, 0]);
      const buttons = await page.evaluate(() =>
        [...document.querySelectorAll('.step-nav button')].map((b) => {
          const { left, right } = b.getBoundingClientRect();
          return { left: Math.floor(left), right: Math.ceil(right) };
        }),
      );
      for (const { left, right } of buttons) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(viewport.width);
      }
      await page.screenshot({ path: `test-output/screenshots/reflow-${viewport.width}.png` });
    });
  }
});

describe('without the live map', () => {
  it('reads whole with JavaScript off, each step with its static map', async () => {
    const reader = await chromium.open({ javaScriptEnabled: false, waitForReady: false });
    const page = await reader.page.evaluate(() => ({
      title: document.querySelector('h1')?.textContent,
      steps: document.querySelectorAll('[data-step-id]').length,
      marks: document.querySelectorAll('a.note-mark').length,
      notes: document.querySelectorAll('.notes li').length,
      mapPane: (document.querySelector('.map-pane') as HTMLElement).offsetHeight,
    }));
    expect(page).toEqual({
      title: 'Changes in Mao Zedong’s Attitude toward the Indochina War, 1949–1973',
      steps: story.steps.length,
      marks: 77,
      notes: 77,
      mapPane: 0,
    });
    expect(await visibleStaticMaps(reader.page)).toBe(story.steps.length);
    const image = reader.page.locator(`#${story.steps[13]!.id} .static-map img`);
    await image.scrollIntoViewIfNeeded();
    await expect(
      image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBe(720);
    await expect(image.getAttribute('alt')).resolves.toBe(story.steps[13]!.mapText);
  });

  it('prints the article with its notes and one static map per section', async () => {
    const { page } = await chromium.open();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      maps: [...document.querySelectorAll<HTMLElement>('.static-map')]
        .filter((f) => getComputedStyle(f).display !== 'none')
        .map(
          (f) => f.closest('.section')?.id ?? f.closest('section')?.getAttribute('aria-labelledby'),
        ),
      mapPane: getComputedStyle(document.querySelector('.map-pane')!).display,
      notes: getComputedStyle(document.querySelector('.notes')!).display,
    }));
    expect(printed.maps).toHaveLength(story.sections.length);
    expect(printed.mapPane).toBe('none');
    expect(printed.notes).not.toBe('none');
    const pdf = await page.pdf();
    expect(pdf.byteLength).toBeGreaterThan(100_000);
  });

  describe('with WebGL off (a browser of its own)', () => {
    const noWebgl = useChromium(['--disable-3d-apis']);

    it('shows static maps and keeps the text', async () => {
      const reader = await noWebgl.open({ waitForReady: false });
      const { page } = reader;
      await page.waitForSelector('.map-status.error');
      await expect(page.locator('.map-status.error').textContent()).resolves.toContain(
        'text is complete without it',
      );
      await page.keyboard.press('j');
      await page.waitForFunction((id) => window.storymap.state().stepId === id, story.steps[0]!.id);
      expect(await visibleStaticMaps(page)).toBe(story.steps.length);
      await page.screenshot({ path: 'test-output/screenshots/no-webgl.png' });
      expect(reader.errors).toEqual([]);
    });
  });
});

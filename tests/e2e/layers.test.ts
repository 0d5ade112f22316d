/**
 * The story layers as a reader sees them: movements that draw themselves as the reader scrolls
 * through their step (and are drawn whole at once under reduced motion), and a legend that lists
 * what the map shows at each step in the map's own symbols.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import { legendFor } from '../../src/map/legend.ts';
import { openStory, type StoryPage } from './story-page.ts';

const { story, files } = loadStoryData(process.cwd());
/** The first step whose own movements draw themselves. */
const drawingStep = story.steps.find((step) => step.moving.length > 0)!;

/** Scrolls the window so that the reading line (mid-screen) is `progress` of the way through a step. */
async function scrollInto(page: Page, stepId: string, progress: number): Promise<void> {
  await page.evaluate(
    ([id, p]) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      window.scrollBy(0, box.top + p * box.height - window.innerHeight / 2);
    },
    [stepId, progress] as const,
  );
  await page.waitForFunction(
    ([id, p]) => {
      const state = window.storymap.state();
      return state.stepId === id && Math.abs(state.progress - p) < 0.03;
    },
    [stepId, progress] as const,
  );
}

describe('troop movements draw themselves as the reader scrolls', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    reader = await openStory({ reducedMotion: 'no-preference' });
  });
  afterAll(() => reader?.close());

  it('from nothing at the start of the step to whole past its middle', async () => {
    expect(drawingStep, 'a step with movements that begin in its period').toBeDefined();
    const { page } = reader;
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), drawingStep.id);
    await scrollInto(page, drawingStep.id, 0.02);
    await page.waitForFunction(() => window.storymap.state().drawn === 0);
    await scrollInto(page, drawingStep.id, 0.35);
    const halfway = await page.evaluate(() => window.storymap.state().drawn);
    expect(halfway).toBeGreaterThan(0.2);
    expect(halfway).toBeLessThan(0.8);
    await scrollInto(page, drawingStep.id, 0.8);
    await page.waitForFunction(() => window.storymap.state().drawn === 1);
    // Back up: the picture follows the scroll position, not the path taken to it.
    await scrollInto(page, drawingStep.id, 0.02);
    await page.waitForFunction(() => window.storymap.state().drawn === 0);
    expect(reader.errors).toEqual([]);
  });

  it('a step without movements of its own reports none drawing', async () => {
    const still = story.steps.find((step) => !step.layers.includes('troop-movements'))!;
    await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), still.id);
    expect(await reader.page.evaluate(() => window.storymap.state().drawn)).toBeNull();
  });
});

describe('under reduced motion', () => {
  it('movements are drawn whole from the start of their step', async () => {
    const reader = await openStory({ reducedMotion: 'reduce' });
    try {
      await reader.page.evaluate(
        (id) => window.storymap.goTo(id, { animate: false }),
        drawingStep.id,
      );
      await scrollInto(reader.page, drawingStep.id, 0.02);
      expect(await reader.page.evaluate(() => window.storymap.state().drawn)).toBe(1);
    } finally {
      await reader.close();
    }
  });
});

const places = new Map(
  (
    JSON.parse(files['places.geojson']!) as {
      features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
    }
  ).features.map((f) => [f.properties.id, f.geometry.coordinates]),
);

describe('labels', () => {
  it('name every place a step highlights, none hidden by another label', async () => {
    const reader = await openStory();
    const unnamed: Record<string, string[]> = {};
    try {
      for (const step of story.steps) {
        await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
        const { bounds, labelled } = await reader.page.evaluate(() => window.storymap.state());
        const [[west, south], [east, north]] = bounds;
        // Well inside the view: a name at the very edge may not fit.
        const [dx, dy] = [(east - west) * 0.08, (north - south) * 0.08];
        const inside = ([lng, lat]: [number, number]) =>
          lng > west + dx && lng < east - dx && lat > south + dy && lat < north - dy;
        const expected = step.highlight
          .filter(({ layer, id }) => layer === 'places' && inside(places.get(id)!))
          .map(({ id }) => id);
        const missing = expected.filter((id) => !labelled.includes(id));
        if (missing.length) unnamed[step.id] = missing;
      }
      expect(unnamed).toEqual({});
    } finally {
      await reader.close();
    }
  });
});

/** Everything a step could put in its legend: its layers' features in its period, in view or not. */
function possibleLegend(step: (typeof story.steps)[number]): string[] {
  const drawn = step.layers.flatMap((layer) =>
    (
      JSON.parse(files[`${layer}.geojson`]!) as {
        features: { properties: Record<string, unknown> & { from: number; to: number } }[];
      }
    ).features
      .filter(({ properties: p }) => p.from <= step.period[1] && p.to >= step.period[0])
      .map(({ properties }) => ({ layer, properties })),
  );
  const own = new Set(step.highlight.map(({ layer, id }) => `${layer}/${id}`));
  return legendFor(drawn, own).map((entry) => entry.label);
}

describe('the legend', () => {
  let reader: StoryPage;
  const warnings: string[] = [];
  beforeAll(async () => {
    reader = await openStory();
    reader.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
  });
  afterAll(() => reader?.close());

  const legendLabels = (page: Page) =>
    page.$$eval('.legend li', (items) => items.map((item) => item.textContent!.trim()));

  it('is absent on the title page and lists, at every step, only what its map shows', async () => {
    expect(await reader.page.$('.legend')).toBeNull();
    for (const step of story.steps) {
      await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
      const labels = await legendLabels(reader.page);
      // Only what the step draws (less what lies outside the view), and its own places.
      expect(possibleLegend(step), step.id).toEqual(expect.arrayContaining(labels));
      if (step.highlight.some(({ layer }) => layer === 'places'))
        expect(labels, step.id).toContain('Place in this step');
      // Every zone pattern and arrow the map asked for was drawn, none missing.
      expect(
        warnings.filter((w) => /image/i.test(w)),
        step.id,
      ).toEqual([]);
    }
    expect(reader.errors).toEqual([]);
  });

  it('shows zones, movements and routes in their own symbols', async () => {
    const step = story.steps.find((s) => s.id === 'chinese-support-troops-1965')!;
    await reader.page.evaluate((id) => window.storymap.goTo(id, { animate: false }), step.id);
    const labels = await legendLabels(reader.page);
    for (const expected of [
      'PRC (China): troop movement',
      'PRC (China): supply route',
      'PRC (China): area of operations',
      'United States: bombing campaign',
    ])
      expect(labels).toContain(expected);
    expect(await reader.page.$$eval('.legend svg pattern', (p) => p.length)).toBeGreaterThan(0);
    await reader.page.screenshot({ path: `test-output/screenshots/legend-${step.id}.png` });
  });
});

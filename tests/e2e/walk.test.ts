/**
 * One walk through the whole story, scrolled with the mouse wheel as a reader does. At each step
 * the walk records what the map shows (view, layers, drawn movements, labels), the legend, and
 * what went wrong on the way (errors, warnings, CSP violations, requests elsewhere); the tests
 * below judge that record, each for one promise the story makes at every step.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyFor } from '../../src/map/legend.ts';
import type { Step } from '../../src/story/types.ts';
import { differences, jumpTo, readState, waitForStep, type ShownState } from './expect-step.ts';
import { files, places, stepById, story } from './story-data.ts';
import { useChromium, type StoryPage } from './story-page.ts';

const SCREENSHOTS = 'test-output/screenshots';
const SYMBOLS_STEP = 'chinese-support-troops-1965';

interface Visit {
  step: Step;
  /** What still differed when the step had been reached by scrolling (nothing: it was shown). */
  scrolled: string[];
  /** The state as the step became active, near its start. */
  arrival: ShownState;
  /** The state once `goTo` on the step has resolved: the map has settled and drawn it. */
  settled: ShownState;
  /** The page's address then. */
  address: string;
  legend: string[];
  legendPatterns: number;
}

const chromium = useChromium();
let reader: StoryPage;
let legendOnTitle: boolean;
const visits: Visit[] = [];
/** Console warnings, each with the step the reader was at. */
const warnings: string[] = [];

/** Records every Content-Security-Policy violation from the first script on. */
function recordCspViolations() {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) =>
    seen.push(`${event.violatedDirective}: ${event.blockedURI}`),
  );
}

/**
 * Turns the wheel once, by as much as brings the next step's top just past the reading line (the
 * middle of the window); resolves with the step that becomes active.
 */
async function wheelToNextStep(page: Page, from: string | null): Promise<string> {
  const delta = await page.evaluate((id) => {
    const steps = [...document.querySelectorAll('[data-step-id]')];
    const next = steps[id === null ? 0 : steps.findIndex((step) => step.id === id) + 1];
    return next ? next.getBoundingClientRect().top + 16 - innerHeight / 2 : 0;
  }, from);
  await page.mouse.wheel(0, delta);
  await page.waitForFunction((id) => window.storymap.state().stepId !== id, from);
  return (await page.evaluate(() => window.storymap.state().stepId))!;
}

async function visit(page: Page, step: Step): Promise<Visit> {
  const { state: arrival, problems: scrolled } = await waitForStep(page, step);
  await jumpTo(page, step.id);
  const settled = await readState(page);
  const seen = await page.evaluate(() => ({
    address: location.hash,
    legend: [...document.querySelectorAll('.legend li')].map((li) => li.textContent!.trim()),
    legendPatterns: document.querySelectorAll('.legend svg pattern').length,
  }));
  const section = story.sections.findIndex((s) => s.stepIds[0] === step.id);
  if (section >= 0)
    await page.screenshot({
      path: `${SCREENSHOTS}/desktop-${section + 1}-${story.sections[section]!.id}.png`,
    });
  if (step.id === SYMBOLS_STEP)
    await page.screenshot({ path: `${SCREENSHOTS}/legend-${step.id}.png` });
  return { step, scrolled, arrival, settled, ...seen };
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  reader = await chromium.share({
    beforeLoad: ({ page }) => page.addInitScript(recordCspViolations),
  });
  const { page } = reader;
  let at = 'the title';
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(`${at}: ${message.text()}`);
  });
  legendOnTitle = (await page.$('.legend')) !== null;
  await page.mouse.move(300, 400);
  let current: string | null = null;
  while (current !== story.steps.at(-1)!.id) {
    current = await wheelToNextStep(page, current);
    at = current;
    visits.push(await visit(page, stepById(current)));
  }
}, 900_000);

/** Steps for which `problems` finds something, with what it found. */
function failing(problems: (visit: Visit) => string[]): Record<string, string[]> {
  return Object.fromEntries(
    visits.map((v) => [v.step.id, problems(v)] as const).filter(([, found]) => found.length),
  );
}

describe('walking through every step with the mouse wheel', () => {
  it('activates every step in order, and the map shows its view and layers', () => {
    expect(visits.map((v) => v.step.id)).toEqual(story.steps.map((step) => step.id));
    expect(failing((v) => v.scrolled)).toEqual({});
  });

  it('keeps the address at the step, so a copied link opens there', () => {
    expect(failing((v) => (v.address === `#${v.step.id}` ? [] : [v.address]))).toEqual({});
  });

  it('goTo on a step resolves with the map showing it', () => {
    expect(failing((v) => differences(v.settled, v.step))).toEqual({});
  });

  it('draws a step’s own movements whole from its start under reduced motion, none elsewhere', () => {
    expect(
      failing(({ step, arrival }) => {
        const wanted = step.moving.length ? 1 : null;
        return arrival.drawn === wanted && arrival.progress < 0.5
          ? []
          : [`drawn ${arrival.drawn} at ${arrival.progress.toFixed(2)}, not ${wanted}`];
      }),
    ).toEqual({});
    expect(visits.some((v) => v.step.moving.length)).toBe(true);
  });

  it('names every place a step highlights, none hidden by another label', () => {
    expect(
      failing(({ step, settled: { bounds, labelled } }) => {
        const [[west, south], [east, north]] = bounds;
        // Well inside the view: a name at the very edge may not fit.
        const [dx, dy] = [(east - west) * 0.08, (north - south) * 0.08];
        const inside = ([lng, lat]: [number, number]) =>
          lng > west + dx && lng < east - dx && lat > south + dy && lat < north - dy;
        return step.highlight
          .filter(({ layer, id }) => layer === 'places' && inside(places.get(id)!))
          .map(({ id }) => id)
          .filter((id) => !labelled.includes(id));
      }),
    ).toEqual({});
  });

  it('has no legend on the title page, and at every step lists only what its map shows', () => {
    expect(legendOnTitle).toBe(false);
    expect(
      failing(({ step, legend }) => {
        // Only what the step draws (less what lies outside the view), and its own places.
        const possible = possibleLegend(step);
        const wrong = legend.filter((label) => !possible.includes(label));
        if (step.highlight.some(({ layer }) => layer === 'places') && !legend.includes(PLACE))
          wrong.push(`no "${PLACE}"`);
        return wrong;
      }),
    ).toEqual({});
    // Every zone pattern and arrow the map asked for was drawn, none missing.
    expect(warnings.filter((w) => /image/i.test(w))).toEqual([]);
  });

  it('keys the step’s own zones and movements in their symbols, and the rest as quiet context', () => {
    const { legend, legendPatterns } = visits.find((v) => v.step.id === SYMBOLS_STEP)!;
    // The Chinese support troops' areas and movements are the step's; the bombing zone, SEATO and
    // the standing supply routes are the setting, one grey entry each.
    expect(legend).toEqual(
      expect.arrayContaining([
        'PRC (China): troop movement',
        'PRC (China): area of operations',
        'Other movements, routes and journeys',
        'Other zones of the time',
      ]),
    );
    expect(legend).not.toContain('United States: bombing campaign');
    // One patterned zone a frame: the highlighted one.
    expect(legendPatterns).toBe(1);
  });

  it('logs no error, violates no Content-Security-Policy and asks no other origin', async () => {
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

  it('writes a screenshot of each section', () => {
    const missing = story.sections
      .map((section, i) => `${SCREENSHOTS}/desktop-${i + 1}-${section.id}.png`)
      .filter((path) => !existsSync(path));
    expect(missing).toEqual([]);
  });
});

const PLACE = 'Place in this step';

/** Everything a step could put in its key: what it draws in its period, in view or not. */
function possibleLegend(step: Step): string[] {
  const features = Object.fromEntries(
    step.layers.map((layer) => [
      layer,
      (
        JSON.parse(files[`${layer}.geojson`]!) as {
          features: { properties: Record<string, unknown> & { from: number; to: number } }[];
        }
      ).features,
    ]),
  );
  return keyFor(step, features).map((entry) => entry.label);
}

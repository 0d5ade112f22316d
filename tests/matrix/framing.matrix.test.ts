/**
 * `npm run test:matrix`: every step at every layout the story supports. Each step's subject must be
 * in the clear area of the map, unobscured and named (tests/e2e/framing.ts), and the map must keep
 * its visual grammar (tests/e2e/grammar.ts); the pass rates per
 * layout go to test-output/framing-matrix.json, and a screenshot of each section's steps to
 * test-output/screenshots/<layout>/, to look at. `npm test` runs a sample (tests/e2e/framing.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { jumpTo } from '../e2e/expect-step.ts';
import {
  framingProblems,
  LAYOUTS,
  openingFor,
  subjectOf,
  type LayoutName,
} from '../e2e/framing.ts';
import { grammarProblems, waitForCallouts } from '../e2e/grammar.ts';
import { story } from '../e2e/story-data.ts';
import { useChromium } from '../e2e/story-page.ts';

const chromium = useChromium();
const report: Record<string, unknown> = {};
/** Only some layouts, for a quicker look: MATRIX_LAYOUTS=phone,embed-small npm run test:matrix */
const only = process.env.MATRIX_LAYOUTS?.split(',');
const layouts = (Object.keys(LAYOUTS) as LayoutName[]).filter(
  (name) => !only || only.includes(name),
);

afterAll(() => {
  mkdirSync('test-output', { recursive: true });
  writeFileSync('test-output/framing-matrix.json', JSON.stringify(report, null, 2) + '\n');
});

describe.each(layouts)('at the %s layout', (name) => {
  it('shows every step’s subject in the clear area, unobscured and named', async () => {
    const opening = openingFor(name);
    // The kiosk must not fall idle and reset while the steps are checked.
    const path = opening.path.includes('kiosk') ? `${opening.path}&idle=3600` : opening.path;
    const { page, errors } = await chromium.open({ ...opening, path });
    const folder = `test-output/screenshots/${name}`;
    mkdirSync(folder, { recursive: true });
    const failures: Record<string, string[]> = {};
    const grammarFailures: Record<string, string[]> = {};
    let features = 0;
    let featuresShown = 0;
    for (const step of story.steps) {
      await jumpTo(page, step.id);
      await waitForCallouts(page, step.id);
      const grammar = await grammarProblems(page, step.id);
      if (grammar.length) grammarFailures[step.id] = grammar;
      const problems = await framingProblems(page, step);
      const subject = subjectOf(step).length;
      features += subject;
      featuresShown += subject - new Set(problems.map((p) => p.split(':')[0])).size;
      if (problems.length) failures[step.id] = problems;
      await page.screenshot({
        path: `${folder}/${String(step.index).padStart(2, '0')}-${step.id}.png`,
      });
    }
    const steps = story.steps.length;
    const stepsShown = steps - Object.keys(failures).length;
    report[name] = {
      steps: `${stepsShown}/${steps} (${((100 * stepsShown) / steps).toFixed(1)} %)`,
      features: `${featuresShown}/${features} (${((100 * featuresShown) / features).toFixed(1)} %)`,
      failures,
      grammar: `${steps - Object.keys(grammarFailures).length}/${steps}`,
      grammarFailures,
    };
    console.log(
      `${name}: steps ${stepsShown}/${steps}, subject features ${featuresShown}/${features}`,
    );
    expect(errors).toEqual([]);
    expect(failures).toEqual({});
    expect(grammarFailures).toEqual({});
  }, 900_000);
});

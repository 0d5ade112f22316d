/** Compares what the page's `window.storymap.state()` reports with what a step declares. */
import type { Page } from 'playwright-core';
import type { StoryState } from '../../src/controller.svelte.ts';
import type { Step } from '../../src/story/types.ts';

/**
 * Reasons the state differs from the step (empty when the map shows the step). A fitted subject
 * must fill at least `minFill` of the view in one direction (less on phones, where half the map
 * is kept clear for the text).
 */
export function differences(state: StoryState, step: Step, minFill = 0.5): string[] {
  const out: string[] = [];
  if (state.stepId !== step.id) out.push(`active step is ${state.stepId}, not ${step.id}`);
  const layers = [...state.visibleLayers].sort().join(', ');
  if (layers !== [...step.layers].sort().join(', '))
    out.push(`layers are [${layers}], not [${step.layers.join(', ')}]`);
  const { camera, bounds } = state;
  if (step.view.kind === 'camera') {
    const view = step.view;
    const off =
      Math.abs(camera.center[0] - view.center[0]) > 1e-4 ||
      Math.abs(camera.center[1] - view.center[1]) > 1e-4 ||
      Math.abs(camera.zoom - view.zoom) > 1e-3 ||
      Math.abs(camera.bearing - view.bearing) > 0.01 ||
      Math.abs(camera.pitch - view.pitch) > 0.01;
    if (off) out.push(`camera is ${JSON.stringify(camera)}, not ${JSON.stringify(view)}`);
  } else {
    const [[west, south], [east, north]] = step.view.bounds;
    const [[vw, vs], [ve, vn]] = bounds;
    const slack = 1e-6;
    if (vw > west + slack || vs > south + slack || ve < east - slack || vn < north - slack) {
      out.push(
        `visible bounds ${JSON.stringify(bounds)} do not contain ${JSON.stringify(step.view.bounds)}`,
      );
    }
    // Fitted, not merely contained: in one direction the subject fills half the view or more.
    const fill = Math.max((east - west) / (ve - vw), (north - south) / (vn - vs));
    if (fill < minFill) out.push(`the subject fills only ${Math.round(fill * 100)}% of the view`);
    if (camera.bearing !== 0 || camera.pitch !== 0)
      out.push('a fitted view is not north-up and flat');
  }
  return out;
}

export async function readState(page: Page): Promise<StoryState> {
  return page.evaluate(() => window.storymap.state());
}

/** Waits, frame by frame, until the map shows the step; fails with the differences if it never does. */
export async function expectStepShown(
  page: Page,
  step: Step,
  { frames = 600, minFill = 0.5 } = {},
): Promise<StoryState> {
  let state = await readState(page);
  for (let i = 0; i < frames && differences(state, step, minFill).length; i++) {
    await nextFrame(page);
    state = await readState(page);
  }
  const problems = differences(state, step, minFill);
  if (problems.length) throw new Error(`Step "${step.id}": ${problems.join('; ')}`);
  return state;
}

export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
  );
}

/** Compares what the page's `window.storymap.state()` reports with what a step declares. */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StoryState } from '../../src/controller.svelte.ts';
import { centreOn } from '../../src/map/frame.ts';
import type { Bounds, Step } from '../../src/story/types.ts';

/** The story's state, with the size of the map pane (in CSS px) that its clear area lies in. */
export type ShownState = StoryState & { pane: { width: number; height: number } };

/** Web Mercator's y for a latitude: on screen, distances in y are proportional to it. */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * How much of the clear area (the part of the map nothing covers) the subject fills, in its fuller
 * direction: the camera frames the subject in the clear area, not in the whole pane.
 */
function clearFill({ bounds, clearArea, pane }: ShownState, subject: Bounds): number {
  const [[vw, vs], [ve, vn]] = bounds;
  const [[west, south], [east, north]] = subject;
  const across = ((east - west) / (ve - vw)) * (pane.width / clearArea.width);
  const down =
    ((mercatorY(north) - mercatorY(south)) / (mercatorY(vn) - mercatorY(vs))) *
    (pane.height / clearArea.height);
  return Math.max(across, down);
}

/** Whether visible bounds hold other bounds (moved by whole turns of the globe to meet them). */
function contains([[vw, vs], [ve, vn]]: Bounds, [[west, south], [east, north]]: Bounds): boolean {
  const turn = 360 * Math.round((vw + ve) / 2 / 360 - (west + east) / 2 / 360);
  const slack = 1e-6;
  return (
    vw <= west + turn + slack &&
    ve >= east + turn - slack &&
    vs <= south + slack &&
    vn >= north - slack
  );
}

/** A step's bounds, widened to hold its subject. */
function withSubject(step: Step): Bounds {
  if (step.view.kind !== 'bounds') throw new Error(`Step "${step.id}" has no bounds`);
  const [[west, south], [east, north]] = step.view.bounds;
  if (!step.subject) return step.view.bounds;
  const [[sw, ss], [se, sn]] = step.subject.bounds;
  return [
    [Math.min(west, sw), Math.min(south, ss)],
    [Math.max(east, se), Math.max(north, sn)],
  ];
}

/**
 * Reasons the state differs from the step (empty when the map shows the step). A fitted subject
 * must fill at least `minFill` of the clear area in one direction.
 */
export function differences(state: ShownState, step: Step, minFill = 0.5): string[] {
  const out: string[] = [];
  if (state.stepId !== step.id) out.push(`active step is ${state.stepId}, not ${step.id}`);
  const layers = [...state.visibleLayers].sort().join(', ');
  if (layers !== [...step.layers].sort().join(', '))
    out.push(`layers are [${layers}], not [${step.layers.join(', ')}]`);
  const { camera, bounds } = state;
  if (step.view.kind === 'camera') {
    // An authored camera is a hint: kept, centred in the clear area, where the subject fits under
    // it; otherwise the subject is fitted, never closer (tests/e2e/framing.ts checks the subject).
    const view = step.view;
    const hint = centreOn(view.center, view.zoom, state.pane, state.clearArea);
    const kept =
      Math.abs(camera.center[0] - hint.center[0]) < 1e-4 &&
      Math.abs(camera.center[1] - hint.center[1]) < 1e-4 &&
      Math.abs(camera.zoom - view.zoom) < 1e-3 &&
      Math.abs(camera.bearing - view.bearing) < 0.01 &&
      Math.abs(camera.pitch - view.pitch) < 0.01;
    const fitted =
      camera.zoom <= view.zoom + 1e-3 &&
      camera.bearing === 0 &&
      camera.pitch === 0 &&
      (!step.subject || contains(bounds, step.subject.bounds));
    if (!kept && !fitted)
      out.push(`camera is ${JSON.stringify(camera)}, neither ${JSON.stringify(hint)} nor a fit`);
  } else {
    const [[west, south], [east, north]] = step.view.bounds;
    const [[vw, vs], [ve, vn]] = bounds;
    const slack = 1e-6;
    if (vw > west + slack || vs > south + slack || ve < east - slack || vn < north - slack) {
      out.push(
        `visible bounds ${JSON.stringify(bounds)} do not contain ${JSON.stringify(step.view.bounds)}`,
      );
    }
    // Fitted, not merely contained: in one direction the subject fills half the clear area or more.
    // The camera frames the bounds together with the subject (which may reach beyond them).
    const fill = clearFill(state, withSubject(step));
    if (fill < minFill)
      out.push(`the subject fills only ${Math.round(fill * 100)}% of the clear area`);
    if (camera.bearing !== 0 || camera.pitch !== 0)
      out.push('a fitted view is not north-up and flat');
  }
  return out;
}

export async function readState(page: Page): Promise<ShownState> {
  return page.evaluate(() => {
    // The pane, which the map fills (but for the moments it warms up, src/map/warm-up.ts).
    const map = document.querySelector<HTMLElement>('.map-pane');
    const pane = {
      width: map?.clientWidth ?? innerWidth,
      height: map?.clientHeight ?? innerHeight,
    };
    return { ...window.storymap.state(), pane };
  });
}

/** Moves to a step without flying; resolves once the map has settled on it. */
export function jumpTo(page: Page, stepId: string): Promise<void> {
  return page.evaluate((id) => window.storymap.goTo(id, { animate: false }), stepId);
}

/**
 * Waits, frame by frame, until the map shows the step or `frames` frames have passed; returns the
 * last state and what still differs (nothing when the map shows the step).
 */
export async function waitForStep(
  page: Page,
  step: Step,
  { frames = 600, minFill = 0.5 } = {},
): Promise<{ state: ShownState; problems: string[] }> {
  let state = await readState(page);
  for (let i = 0; i < frames && differences(state, step, minFill).length; i++) {
    await nextFrame(page);
    state = await readState(page);
  }
  return { state, problems: differences(state, step, minFill) };
}

/** Waits until the map shows the step; fails with the differences if it never does. */
export async function expectStepShown(
  page: Page,
  step: Step,
  options: { frames?: number; minFill?: number } = {},
): Promise<ShownState> {
  const { state, problems } = await waitForStep(page, step, options);
  if (problems.length) throw new Error(`Step "${step.id}": ${problems.join('; ')}`);
  return state;
}

export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
  );
}

/** Waits until the story and the page's (or frame's) own address are both at the step. */
export async function expectAt(page: Page | Frame, stepId: string): Promise<void> {
  await page.waitForFunction(
    (id) => window.storymap.state().stepId === id && location.hash === `#${id}`,
    stepId,
  );
  expect(new URL(page.url()).hash).toBe(`#${stepId}`);
}

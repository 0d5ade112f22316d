/**
 * Turns scrolling into one number and a fraction: the index of the step that crosses the reading
 * line (-1 above the first step, at the title), and how far through it the reader is. Steps are
 * stacked without gaps, so the reading line always lies in exactly one step.
 */
import scrollama from 'scrollama';
import { indexAtLine, progressAtLine } from './reading-line.ts';

const RESIZE_SETTLE_MS = 150;

export interface ScrollPosition {
  index: number;
  progress: number;
}

export interface ScrollerOptions {
  steps: HTMLElement[];
  /** The scrolling element when it is not the window (the phone layout's text sheet). */
  container?: HTMLElement;
  /** The reading line as a fraction of the window's height. */
  offset: number;
  onChange: (position: ScrollPosition) => void;
}

export function createScroller({
  steps,
  container,
  offset,
  onChange,
}: ScrollerOptions): () => void {
  const scroller = scrollama();
  let current: ScrollPosition = { index: -1, progress: 0 };
  let holding: ReturnType<typeof setTimeout> | undefined;
  const update = (next: ScrollPosition) => {
    if (holding) return;
    if (next.index === current.index && Math.abs(next.progress - current.progress) < 0.01) return;
    current = next;
    onChange(current);
  };
  scroller
    .setup({
      step: steps,
      offset: offset as scrollama.DecimalType,
      progress: true,
      ...(container ? { container } : {}),
    })
    .onStepEnter(({ index }) => update({ index, progress: 0 }))
    // Back above the first step is back at the title, where no step is active.
    .onStepExit(({ index, direction }) => {
      if (index === 0 && direction === 'up') update({ index: -1, progress: 0 });
    })
    .onStepProgress(({ index, progress }) => {
      if (index === current.index) update({ index, progress });
    });
  // Scrollama reports crossings; a jump (scrollbar drag, Home key, a link) can skip them. When
  // scrolling stops, the steps' positions settle which one the reading line is really in.
  const settle = () => {
    const line = window.innerHeight * offset;
    const spans = steps.map((step) => step.getBoundingClientRect());
    const index = indexAtLine(spans, line);
    update({ index, progress: index < 0 ? 0 : progressAtLine(spans[index]!, line) });
  };
  const scrolling = container ?? window;
  // A resize moves every step, and for a moment the reading line lies in whatever step slid under
  // it. Hold the current step, bring it back under the reading line once the layout has settled,
  // then listen again.
  const resize = () => {
    clearTimeout(holding);
    holding = setTimeout(() => {
      holding = undefined;
      steps[current.index]?.scrollIntoView({ block: 'center', behavior: 'instant' });
      scroller.resize();
      settle();
    }, RESIZE_SETTLE_MS);
  };
  scrolling.addEventListener('scrollend', settle);
  window.addEventListener('resize', resize);
  settle();
  return () => {
    clearTimeout(holding);
    scrolling.removeEventListener('scrollend', settle);
    window.removeEventListener('resize', resize);
    scroller.destroy();
  };
}

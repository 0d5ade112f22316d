/**
 * Turns scrolling into one number and a fraction: the index of the step that crosses the reading
 * line, and how far through it the reader is. Steps are stacked without gaps, so the reading line
 * always lies in exactly one step and fast scrolling still ends on the right one.
 */
import scrollama from 'scrollama';

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
  const update = (next: ScrollPosition) => {
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
    .onStepProgress(({ index, progress }) => {
      if (index === current.index) update({ index, progress });
    });
  const resize = () => scroller.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    scroller.destroy();
  };
}

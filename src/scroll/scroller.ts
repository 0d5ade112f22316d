/**
 * Turns scrolling into one number and a fraction: the index of the step that crosses the reading
 * line (-1 above the first step, at the title), and how far through it the reader is. Steps are
 * stacked without gaps, so the reading line always lies in exactly one step.
 */
import scrollama from 'scrollama';
import { indexAtLine, progressAtLine, scrollToCentre } from './reading-line.ts';

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
  /**
   * The step the reader is at when this scroller replaces another (a new layout): held, as after
   * a resize, until the layout has settled, rather than read from a page still moving.
   */
  holdAt?: number;
}

export function createScroller({
  steps,
  container,
  offset,
  onChange,
  holdAt = -1,
}: ScrollerOptions): () => void {
  const scroller = scrollama();
  let current: ScrollPosition = { index: holdAt, progress: 0 };
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
      ...(container ? { container } : {}),
      // In a cross-origin iframe the browser measures against the host's viewport and ignores
      // margins unless the observers' root is our own document.
      ...(window.self !== window.top ? { root: document } : {}),
    } as scrollama.ScrollamaOptions)
    // Scrollama's crossings arrive a little after the scroll that caused them, and may describe a
    // position the page has already left (a reveal followed at once by a reset to the title): they
    // only say when to look, and the steps' positions say where the reader is.
    .onStepEnter(() => settle())
    .onStepExit(() => settle());
  // Progress is measured here rather than by scrollama, whose progress observers ignore the root
  // (wrong inside an iframe) and cost one observer with many thresholds per step. Once a frame
  // while scrolling, the steps' positions say which step the reading line is in and how far
  // through it: the step too, since the scroll may come from a jump to another step.
  let frame = 0;
  const measure = () => {
    frame = 0;
    settle();
  };
  const onScroll = () => {
    frame ||= requestAnimationFrame(measure);
  };
  // Scrollama reports crossings; a jump (scrollbar drag, Home key, a link) can skip them. When
  // scrolling stops, the steps' positions settle which one the reading line is really in.
  const line = () => window.innerHeight * offset;
  const settle = () => {
    const spans = steps.map(rect);
    const index = indexAtLine(spans, line());
    update({ index, progress: index < 0 ? 0 : progressAtLine(spans[index]!, line()) });
  };
  const scrolling = container ?? window;
  // A resize moves every step, and for a moment the reading line lies in whatever step slid under
  // it. Hold the current step, bring it back under the reading line once the layout has settled,
  // then listen again.
  const resize = () => {
    clearTimeout(holding);
    holding = setTimeout(() => {
      holding = undefined;
      const step = steps[current.index];
      if (step) revealInScroller(step, container);
      scroller.resize();
      settle();
    }, RESIZE_SETTLE_MS);
  };
  scrolling.addEventListener('scrollend', settle);
  scrolling.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', resize);
  if (holdAt >= 0) resize();
  else settle();
  return () => {
    clearTimeout(holding);
    cancelAnimationFrame(frame);
    scrolling.removeEventListener('scrollend', settle);
    scrolling.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', resize);
    scroller.destroy();
  };
}

const rect = (element: Element) => element.getBoundingClientRect();

/**
 * Brings an element to the middle of the element that scrolls it (the window, or the phone
 * layout's sheet), and nothing else: unlike scrollIntoView, it never scrolls a page that embeds
 * the story in an iframe.
 */
export function revealInScroller(element: HTMLElement, container?: HTMLElement): void {
  const viewport = container ? rect(container) : { top: 0, bottom: window.innerHeight };
  const delta = scrollToCentre(rect(element), viewport);
  (container ?? window).scrollBy({ top: delta, behavior: 'instant' });
}

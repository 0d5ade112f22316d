/**
 * Which step the reading line falls in, from the steps' positions alone: the ground truth that
 * scroll events approximate. Used to settle the active step whenever scrolling stops.
 */

export interface Span {
  top: number;
  bottom: number;
}

/**
 * The index of the span containing `line` (spans in document order, not overlapping), -1 above
 * the first, and the last index below the last or in a gap, so the previous step stays active.
 */
export function indexAtLine(spans: Span[], line: number): number {
  if (spans.length === 0 || line < spans[0]!.top) return -1;
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (spans[mid]!.top <= line) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How far the reading line has passed through a span, from 0 at its top to 1 at its bottom. */
export function progressAtLine(span: Span, line: number): number {
  const height = span.bottom - span.top;
  if (height <= 0) return 0;
  return Math.min(1, Math.max(0, (line - span.top) / height));
}

/** How far to scroll so that a span's middle lands on the middle of a viewport. */
export function scrollToCentre(span: Span, viewport: Span): number {
  return (span.top + span.bottom) / 2 - (viewport.top + viewport.bottom) / 2;
}

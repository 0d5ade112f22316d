import { describe, expect, it } from 'vitest';
import { indexAtLine, progressAtLine } from '../../src/scroll/reading-line.ts';

const spans = [
  { top: 100, bottom: 300 },
  { top: 300, bottom: 350 },
  { top: 400, bottom: 900 },
];

describe('indexAtLine', () => {
  it('finds the span the line is in, -1 above all, the last below all', () => {
    expect(indexAtLine(spans, 50)).toBe(-1);
    expect(indexAtLine(spans, 100)).toBe(0);
    expect(indexAtLine(spans, 299)).toBe(0);
    expect(indexAtLine(spans, 300)).toBe(1);
    expect(indexAtLine(spans, 375)).toBe(1); // in a gap: the step above stays active
    expect(indexAtLine(spans, 5000)).toBe(2);
    expect(indexAtLine([], 10)).toBe(-1);
  });
});

describe('progressAtLine', () => {
  it('runs from 0 at the top to 1 at the bottom', () => {
    expect(progressAtLine(spans[2]!, 400)).toBe(0);
    expect(progressAtLine(spans[2]!, 650)).toBe(0.5);
    expect(progressAtLine(spans[2]!, 1000)).toBe(1);
  });
});

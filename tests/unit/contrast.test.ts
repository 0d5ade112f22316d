/** The map's symbols stand out from the basemap by at least 3:1 (WCAG 1.4.11), its text by 4.5:1. */
import { describe, expect, it } from 'vitest';
import { ACTORS } from '../../src/map/actors.ts';
import { ACCENT, INK, LAND, SEA, STATE_TEXT } from '../../src/map/colours.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('map colours', () => {
  it.each([
    ['places and labels', INK],
    ['the step’s own features and the demarcation line', ACCENT],
    ...Object.values(ACTORS).map(({ label, colour }): [string, string] => [
      `movements, routes and zones of ${label}`,
      colour,
    ]),
  ])('%s reach 3:1 against land and sea', (_, colour) => {
    expect(contrast(colour, LAND)).toBeGreaterThanOrEqual(3);
    expect(contrast(colour, SEA)).toBeGreaterThanOrEqual(3);
  });

  it('state names read at 4.5:1 on land', () => {
    expect(contrast(STATE_TEXT, LAND)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

import { describe, expect, it } from 'vitest';
import { extentOf, unionOfExtents } from '../../src/geo/extent.ts';

describe('extentOf', () => {
  it('is the plain bounding box away from the antimeridian', () => {
    expect(
      extentOf({
        type: 'LineString',
        coordinates: [
          [105.85, 21.03],
          [106.7, 10.78],
        ],
      }),
    ).toEqual([105.85, 10.78, 106.7, 21.03]);
  });

  it('crosses the antimeridian the short way (Hawaii to Guam)', () => {
    const [west, south, east, north] = extentOf({
      type: 'LineString',
      coordinates: [
        [-157.858, 21.3],
        [144.75, 13.45],
      ],
    });
    expect(west).toBe(144.75);
    expect(east).toBeCloseTo(202.142, 6);
    expect([south, north]).toEqual([13.45, 21.3]);
  });
});

describe('unionOfExtents', () => {
  it('holds every extent', () => {
    expect(
      unionOfExtents([
        [100, 10, 110, 20],
        [105, 0, 120, 15],
      ]),
    ).toEqual([100, 0, 120, 20]);
  });

  it('goes round the side of the globe with the widest gap left out', () => {
    // Beijing, Guam, Hawaii and Washington: across the Pacific, not across Eurasia.
    const union = unionOfExtents([
      [116.4, 39.9, 116.4, 39.9],
      [144.75, 13.45, 202.142, 21.3],
      [-157.858, 21.3, -77.04, 38.9],
    ]);
    expect(union[0]).toBe(116.4);
    expect(union[2]).toBeCloseTo(282.96, 6);
    expect([union[1], union[3]]).toEqual([13.45, 39.9]);
  });

  it('is the whole world when the extents leave no gap', () => {
    expect(
      unionOfExtents([
        [-180, 0, 0, 10],
        [-10, 0, 185, 10],
      ]),
    ).toEqual([-180, 0, 180, 10]);
  });

  it('refuses nothing to hold', () => {
    expect(() => unionOfExtents([])).toThrow(/at least one/);
  });
});

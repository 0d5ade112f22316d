import type { Feature, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { forWeb } from '../../src/geo/web-geometry.ts';

const feature = <G extends Feature['geometry']>(geometry: G): Feature<G> => ({
  type: 'Feature',
  properties: { id: 'x' },
  geometry,
});

// Exact outputs, rounding and simplification included, are golden files (tests/golden/web-geometry/).
describe('forWeb', () => {
  it('turns a link into a great-circle arc between its ends', () => {
    // Beijing to Geneva: the great circle bows north of the straight line on the map.
    const link: LineString = {
      type: 'LineString',
      coordinates: [
        [116.407, 39.904],
        [6.143, 46.204],
      ],
    };
    const arc = forWeb(feature(link), true).geometry as LineString;
    expect(arc.coordinates.length).toBeGreaterThan(16);
    expect(arc.coordinates[0]).toEqual([116.407, 39.904]);
    expect(arc.coordinates.at(-1)).toEqual([6.143, 46.204]);
    const highest = Math.max(...arc.coordinates.map((p) => p[1]!));
    expect(highest).toBeGreaterThan(55);
  });

  it('splits an arc that crosses the antimeridian', () => {
    // Washington to Beijing crosses 180° over the Arctic and Alaska.
    const link: LineString = {
      type: 'LineString',
      coordinates: [
        [-77.037, 38.907],
        [116.407, 39.904],
      ],
    };
    const arc = forWeb<Feature>(feature(link), true).geometry as MultiLineString;
    expect(arc.type).toBe('MultiLineString');
    for (const part of arc.coordinates)
      for (const [lng] of part) expect(Math.abs(lng!)).toBeLessThanOrEqual(180);
  });
});

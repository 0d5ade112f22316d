import type { Feature, LineString, MultiLineString, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { forWeb } from '../../src/geo/web-geometry.ts';

const feature = <G extends Feature['geometry']>(geometry: G): Feature<G> => ({
  type: 'Feature',
  properties: { id: 'x' },
  geometry,
});

describe('forWeb', () => {
  it('rounds coordinates to 3 decimals', () => {
    const out = forWeb(
      feature<Point>({ type: 'Point', coordinates: [105.85432, 21.02849] }),
      false,
    );
    expect(out.geometry.coordinates).toEqual([105.854, 21.028]);
    expect(out.properties).toEqual({ id: 'x' });
  });

  it('drops vertices that lie on the line, keeps the corners', () => {
    const line: LineString = {
      type: 'LineString',
      coordinates: [
        [100, 10],
        [100.5, 10],
        [101, 10],
        [101, 11],
      ],
    };
    expect(forWeb(feature(line), false).geometry.coordinates).toEqual([
      [100, 10],
      [101, 10],
      [101, 11],
    ]);
  });

  it('keeps rings closed and counterclockwise', () => {
    const ring = [
      [100, 10],
      [101, 10],
      [101, 11],
      [100, 11],
      [100, 10],
    ];
    const out = forWeb(feature<Polygon>({ type: 'Polygon', coordinates: [ring] }), false);
    expect(out.geometry.coordinates[0]).toEqual(ring);
  });

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

import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildBasemap, unwrap } from '../../scripts/basemap.ts';

const topology = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;
const basemap = buildBasemap(topology);

/** Whether any border segment passes within `tolerance` degrees of a point. */
function borderNear([lng, lat]: [number, number], tolerance = 0.2): boolean {
  const lines = basemap.borders.features[0]!.geometry.coordinates;
  return lines.some((line) =>
    line.some(([x, y]) => Math.abs(x! - lng) < tolerance && Math.abs(y! - lat) < tolerance),
  );
}

describe('buildBasemap', () => {
  it('keeps Cold War borders and dissolves those drawn after 1975', () => {
    expect(borderNear([106.75, 22.05])).toBe(true); // China and Vietnam at Friendship Pass
    expect(borderNear([102.1, 22.4])).toBe(true); // China, Laos and Vietnam
    expect(borderNear([36.8, 50.4])).toBe(false); // Russia and Ukraine: inside the Soviet Union
    expect(borderNear([17.9, 48.6], 0.05)).toBe(false); // Czech and Slovak lands
  });

  it('rounds coordinates to three decimals and keeps every ring closed', () => {
    for (const feature of basemap.land.features) {
      const geometry = feature.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
      const polygons =
        geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(
          ring.every(
            ([x, y]) => Math.round(x! * 1000) / 1000 === x && Math.round(y! * 1000) / 1000 === y,
          ),
        ).toBe(true);
      }
    }
  });

  it('never hops across the antimeridian between neighbouring positions', () => {
    const rings = basemap.land.features.flatMap((feature) => {
      const geometry = feature.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
      return geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : geometry.coordinates;
    });
    const hops = rings.filter((ring) =>
      ring.some((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180),
    );
    // Only Antarctica, whose ring circles the globe below the map's southern edge, may hop.
    expect(hops.every((ring) => ring.every((p) => p[1]! < -60))).toBe(true);
  });
});

describe('unwrap', () => {
  it('continues past 180 instead of jumping to -180', () => {
    expect(
      unwrap([
        [179, 65],
        [-179.5, 66],
        [-170, 67],
        [179, 65],
      ]),
    ).toEqual([
      [179, 65],
      [180.5, 66],
      [190, 67],
      [179, 65],
    ]);
  });
});

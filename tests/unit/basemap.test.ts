import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildBasemap, DETAIL_BOUNDS } from '../../scripts/basemap.ts';

const require = createRequire(import.meta.url);
const basemap = buildBasemap(
  require('world-atlas/countries-50m.json') as Topology,
  require('world-atlas/countries-110m.json') as Topology,
);

const lines = (collection: typeof basemap.coast) =>
  collection.features.flatMap((f) => f.geometry.coordinates);
const rings = basemap.land.features.flatMap((f) =>
  f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates,
);
/** How many border positions fall in a box. */
const bordersIn = ([w, s, e, n]: number[]) =>
  lines(basemap.borders)
    .flat()
    .filter(([x, y]) => x! >= w! && x! <= e! && y! >= s! && y! <= n!).length;

describe('buildBasemap', () => {
  it('keeps Cold War borders and dissolves those drawn after 1975', () => {
    expect(bordersIn([106.5, 21.8, 107, 22.3])).toBeGreaterThan(0); // China and Vietnam at Friendship Pass
    expect(bordersIn([-2, 42, 3, 43.5])).toBeGreaterThan(0); // France and Spain, from the 1:110m data
    expect(bordersIn([33, 46, 40, 52])).toBe(0); // Russia and Ukraine: inside the Soviet Union
    expect(bordersIn([47, 46.5, 55, 52])).toBe(0); // Russia and Kazakhstan: inside the Soviet Union
  });

  it('uses the detailed data only inside DETAIL_BOUNDS, without seams drawn as coastline', () => {
    const [w, s, e, n] = DETAIL_BOUNDS;
    for (const feature of basemap.land.features) {
      const xs =
        feature.geometry.type === 'MultiPolygon'
          ? feature.geometry.coordinates.flat(2)
          : feature.geometry.coordinates.flat();
      const inside = xs.every(([x, y]) => x! >= w && x! <= e && y! >= s && y! <= n);
      const outside = xs.every(([x, y]) => x! <= w || x! >= e || y! <= s || y! >= n);
      expect(inside || outside).toBe(true);
    }
    const onEdge = ([x, y]: Position) => x === w || x === e || y === s || y === n;
    // A real coast may touch an edge; a seam would run along it.
    const alongEdges = lines(basemap.coast).filter((line) =>
      line.some((p, i) => {
        const q = line[i - 1];
        if (!q || !onEdge(p) || !onEdge(q)) return false;
        return (
          (p[0] === q[0] && Math.abs(p[1]! - q[1]!) > 0.5) ||
          (p[1] === q[1] && Math.abs(p[0]! - q[0]!) > 0.5)
        );
      }),
    );
    expect(alongEdges).toEqual([]);
  });

  it('rounds coordinates to two decimals and keeps every ring closed', () => {
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(
        ring.every(
          ([x, y]) => Math.round(x! * 100) / 100 === x && Math.round(y! * 100) / 100 === y,
        ),
      ).toBe(true);
    }
  });

  it('never hops across the antimeridian between neighbouring positions', () => {
    const hop = (ps: Position[]) =>
      ps.some((p, i) => i > 0 && Math.abs(p[0]! - ps[i - 1]![0]!) > 180);
    expect(lines(basemap.coast).filter(hop)).toEqual([]);
    expect(lines(basemap.borders).filter(hop)).toEqual([]);
    // Only Antarctica, whose ring circles the globe below the map's southern edge, may hop.
    expect(rings.filter(hop).every((ring) => ring.every((p) => p[1]! < -60))).toBe(true);
  });
});

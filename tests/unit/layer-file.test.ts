import { describe, expect, it } from 'vitest';
import { checkGeometry, prepareLayer } from '../../src/geo/layer-file.ts';

const feature = (
  properties: Record<string, unknown>,
  geometry: unknown = { type: 'Point', coordinates: [105.85, 21.03] },
) => ({
  type: 'Feature',
  properties: {
    id: 'hanoi',
    name: 'Hanoi',
    kind: 'capital',
    start: '1945',
    end: '1975',
    source: 'GeoNames',
    ...properties,
  },
  geometry,
});
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('prepareLayer', () => {
  it('adds numeric periods and bounding boxes', () => {
    const layer = prepareLayer('geo/places.geojson', file(feature({})), { geometry: 'point' });
    expect(layer.features.hanoi).toEqual({
      bbox: [105.85, 21.03, 105.85, 21.03],
      period: [19450101, 19751231],
      explore: false,
      name: 'Hanoi',
      names: [],
    });
    expect(layer.collection.features[0]!.properties).toMatchObject({
      id: 'hanoi',
      from: 19450101,
      to: 19751231,
    });
  });

  // Each broken-file case has its fixture in tests/fixtures/broken/ (see broken-input.test.ts).
});

describe('checkGeometry', () => {
  it('accepts valid geometries and rejects unsupported ones', () => {
    expect(
      checkGeometry({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }),
    ).toEqual([]);
    expect(checkGeometry({ type: 'LineString', coordinates: [[0, 0]] })).toEqual([
      'needs at least 2 position(s); add the missing coordinates',
    ]);
    expect(checkGeometry({ type: 'GeometryCollection', geometries: [] })).toEqual([
      'geometry type "GeometryCollection" is not supported; use Point, LineString or Polygon (or their Multi forms)',
    ]);
    expect(checkGeometry(null)).toEqual(['has no geometry; add a "geometry" with its coordinates']);
  });
});

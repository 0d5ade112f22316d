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
    const layer = prepareLayer('geo/places.geojson', file(feature({})));
    expect(layer.features.hanoi).toEqual({
      bbox: [105.85, 21.03, 105.85, 21.03],
      period: [19450101, 19751231],
    });
    expect(layer.collection.features[0]!.properties).toMatchObject({
      id: 'hanoi',
      from: 19450101,
      to: 19751231,
    });
  });

  it.each([
    ['invalid JSON', '{', /geo\/x\.geojson: not valid JSON/],
    ['not a FeatureCollection', '{"type":"Feature"}', /expected a GeoJSON FeatureCollection/],
    [
      'a missing property',
      file(feature({ source: undefined })),
      /feature "hanoi": property "source" is missing/,
    ],
    ['a duplicate id', file(feature({}), feature({})), /feature "hanoi": duplicate id/],
    [
      'bad dates',
      file(feature({ start: '1975', end: '1954' })),
      /feature "hanoi": bad dates: start 1975 is after end 1954/,
    ],
    [
      'swapped coordinates',
      file(feature({}, { type: 'Point', coordinates: [21.03, 105.85] })),
      /outside the world: \[21\.03, 105\.85\] \(longitude first/,
    ],
    [
      'an unclosed ring',
      file(
        feature(
          {},
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        ),
      ),
      /ring is not closed/,
    ],
    ['a bad slug', file(feature({ id: 'Ha Noi' })), /"id" must be a lowercase slug/],
  ])('fails on %s with the file and feature', (_, text, message) => {
    expect(() => prepareLayer('geo/x.geojson', text)).toThrow(message);
  });
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
      'needs at least 2 position(s)',
    ]);
    expect(checkGeometry({ type: 'GeometryCollection', geometries: [] })).toEqual([
      'geometry type "GeometryCollection" is not supported',
    ]);
    expect(checkGeometry(null)).toEqual(['has no geometry']);
  });
});

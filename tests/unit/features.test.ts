import { describe, expect, it } from 'vitest';
import { readLayerJson } from '../../src/geo/features.ts';

const feature = (properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [105.85, 21.03] },
  properties,
});
const hanoi = { id: 'hanoi', name: 'Hanoi', from: 19450902, to: 19751231 };

describe('readLayerJson', () => {
  it('returns the features of a published layer', () => {
    const json = { type: 'FeatureCollection', features: [feature(hanoi)] };
    expect(readLayerJson('places', json).map((f) => f.properties.id)).toEqual(['hanoi']);
  });

  it('names the file and what is wrong when the data is not a layer', () => {
    expect(() => readLayerJson('places', '<html>')).toThrow(
      'data/places.geojson: not a GeoJSON FeatureCollection',
    );
    expect(() =>
      readLayerJson('places', { type: 'FeatureCollection', features: [{ type: 'Feature' }] }),
    ).toThrow('data/places.geojson: item 0 is not a feature with a geometry');
    expect(() =>
      readLayerJson('places', {
        type: 'FeatureCollection',
        features: [feature({ ...hanoi, id: 7 })],
      }),
    ).toThrow('item 0 has no string "id" and "name"');
    expect(() =>
      readLayerJson('places', {
        type: 'FeatureCollection',
        features: [feature({ ...hanoi, from: '1945' })],
      }),
    ).toThrow('feature "hanoi" has no numeric "from" and "to"');
  });
});

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ACTORS } from '../../src/map/actors.ts';
import { legendFor, viewExtent } from '../../src/map/legend.ts';
import type { Bounds } from '../../src/story/types.ts';

const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry,
  properties: { from: 19500101, to: 19751231, ...properties },
});
const at = (lng: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lng, lat] });
const line = (...coordinates: [number, number][]): Geometry => ({
  type: 'LineString',
  coordinates,
});
const collection = (...features: Feature[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

const layers = {
  places: collection(
    feature(at(105.85, 21.03), { id: 'hanoi' }),
    feature(at(106.7, 10.8), { id: 'saigon' }),
  ),
  'troop-movements': collection(
    feature(line([106.8, 22], [106.7, 21.8]), { id: 'in', actor: 'prc' }),
    feature(line([2, 48], [3, 49]), { id: 'far', actor: 'usa' }),
    feature(line([106.8, 22], [106.7, 21.8]), {
      id: 'later',
      actor: 'ussr',
      from: 19800101,
      to: 19801231,
    }),
  ),
  zones: collection(
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [102, 17],
            [108, 17],
            [108, 23],
            [102, 23],
            [102, 17],
          ],
        ],
      },
      { id: 'north', actor: 'drv', kind: 'state' },
    ),
  ),
  demarcation: collection(feature(line([106, 17], [107, 17]), { id: 'pmdl' })),
};
const VIETNAM: Bounds = [
  [100, 8],
  [110, 24],
];

describe('legendFor', () => {
  it('lists what the step draws in its view, once each, in the map’s colours', () => {
    const legend = legendFor(
      {
        layers: ['zones', 'troop-movements', 'places', 'demarcation'],
        period: [19650101, 19651231],
        highlight: [{ layer: 'places', id: 'hanoi' }],
      },
      VIETNAM,
      layers,
    );
    expect(legend).toEqual([
      {
        label: 'DRV / Viet Minh / PAVN: state',
        symbol: { kind: 'zone', colour: ACTORS.drv.colour, pattern: 'state' },
      },
      {
        label: 'PRC (China): troop movement',
        symbol: { kind: 'movement', colour: ACTORS.prc.colour },
      },
      { label: 'Place in this step', symbol: { kind: 'place', highlighted: true } },
      { label: 'Place', symbol: { kind: 'place', highlighted: false } },
      { label: 'Demarcation line (1954)', symbol: { kind: 'demarcation' } },
    ]);
  });

  it('lists nothing for a layer the step does not show', () => {
    expect(
      legendFor({ layers: [], period: [19650101, 19651231], highlight: [] }, VIETNAM, layers),
    ).toEqual([]);
  });
});

describe('viewExtent', () => {
  it('gives a camera view’s extent in a typical pane', () => {
    const [[w, s], [e, n]] = viewExtent({
      kind: 'camera',
      center: [105, 16],
      zoom: 5,
      bearing: 0,
      pitch: 0,
    });
    // 1000 px at zoom 5 is 1000 / (512 * 32) of the world: about 22 degrees.
    expect(e - w).toBeCloseTo(21.97, 1);
    expect(s).toBeLessThan(16);
    expect(n).toBeGreaterThan(16);
    // Mercator: a pixel spans fewer degrees further north, so more lie south of the centre.
    expect(16 - s).toBeGreaterThan(n - 16);
  });
});

/**
 * Contract test: the style we build is valid for the maplibre version we ship, so a paint or
 * filter mistake fails here rather than as a blank map in the browser.
 */
import { validateStyleMin, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORY_LAYERS } from '../../src/map/layers.ts';

let buildStyle: typeof import('../../src/map/style.ts').buildStyle;
beforeAll(async () => {
  // The style resolves font URLs against the page; give it one.
  (globalThis as { document?: unknown }).document = { baseURI: 'http://localhost/' };
  ({ buildStyle } = await import('../../src/map/style.ts'));
});

describe('buildStyle', () => {
  it('passes maplibre’s own style validation', () => {
    const style = buildStyle((file) => `http://localhost/data/${file}`);
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
  });

  it('draws every story layer from its own source, hidden until a step shows it', () => {
    const style = buildStyle((file) => `http://localhost/data/${file}`);
    for (const layer of STORY_LAYERS) {
      const drawn = style.layers.filter((l) => 'source' in l && l.source === layer.id);
      expect(drawn).toHaveLength(layer.draw.length);
      expect(drawn.every((l) => l.layout?.visibility === 'none')).toBe(true);
    }
  });

  it('accepts the date and highlight filters the map sets at each step', () => {
    const filter = featureFilter(
      [
        'all',
        ['<=', ['get', 'from'], 19541231],
        ['>=', ['get', 'to'], 19540101],
        ['!', ['in', ['get', 'id'], ['literal', ['hanoi']]]],
      ],
      'layers[0].filter',
    );
    const feature = (id: string, from: number, to: number) =>
      ({ type: 1, properties: { id, from, to } }) as never;
    expect(filter.filter({ zoom: 5 }, feature('saigon', 19450101, 19751231))).toBe(true);
    expect(filter.filter({ zoom: 5 }, feature('hanoi', 19450101, 19751231))).toBe(false);
    expect(filter.filter({ zoom: 5 }, feature('saigon', 19550101, 19751231))).toBe(false);
  });
});

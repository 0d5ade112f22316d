/**
 * Contract test: the style we build is valid for the maplibre version we ship, so a paint or
 * filter mistake fails here rather than as a blank map in the browser.
 */
import {
  createPropertyExpression,
  featureFilter,
  latest,
  validateStyleMin,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORY_LAYERS } from '../../src/map/layers.ts';

let buildStyle: typeof import('../../src/map/style.ts').buildStyle;
let scaleValue: typeof import('../../src/map/style.ts').scaleValue;
beforeAll(async () => {
  // The style resolves font URLs against the page; give it one.
  (globalThis as { document?: unknown }).document = { baseURI: 'http://localhost/' };
  ({ buildStyle, scaleValue } = await import('../../src/map/style.ts'));
});

describe('the kiosk’s larger symbols', () => {
  it('scales numbers and the outputs of expressions, never their stops or conditions', () => {
    expect(scaleValue(12, 1.5)).toBe(18);
    expect(scaleValue(['interpolate', ['linear'], ['zoom'], 3, 1, 7, 2], 2)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      3,
      2,
      7,
      4,
    ]);
    expect(scaleValue(['case', ['get', 'x'], 4, ['get', 'y'], 2, 1], 2)).toEqual([
      'case',
      ['get', 'x'],
      8,
      ['get', 'y'],
      4,
      2,
    ]);
    expect(scaleValue(['match', ['get', 'k'], 'a', 3, 1], 2)).toEqual([
      'match',
      ['get', 'k'],
      'a',
      6,
      2,
    ]);
    expect(scaleValue(['get', 'size'], 2)).toEqual(['get', 'size']);
  });

  it('draws every label and symbol larger, the land and the coast as they are, and stays valid', () => {
    const url = (file: string) => `http://localhost/data/${file}`;
    const desk = buildStyle(url);
    const kiosk = buildStyle(url, 1.6);
    expect(validateStyleMin(kiosk).map((error) => error.message)).toEqual([]);
    const layer = (style: typeof desk, id: string) => style.layers.find((l) => l.id === id)!;
    const size = (style: typeof desk, id: string) =>
      (layer(style, id).layout as { 'text-size': number })['text-size'];
    for (const id of ['states-0', 'river-labels'])
      expect(size(kiosk, id)).toBeCloseTo(size(desk, id) * 1.6);
    expect(layer(kiosk, 'coast')).toEqual(layer(desk, 'coast'));
  });
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

describe('linePaintWhere', () => {
  const spec = latest.paint_line as unknown as Record<string, StylePropertySpecification>;
  /** A paint property's value for one feature, as maplibre evaluates it. */
  function valueOf(paint: object, key: string, properties: object, state = {}) {
    const value = (paint as Record<string, unknown>)[key];
    const parsed = createPropertyExpression(value, 'paint', spec[key]!);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const result = parsed.value.evaluate({ zoom: 5 }, { type: 2, properties } as never, state);
    return JSON.parse(JSON.stringify(result));
  }
  const planned = { status: 'planned', actor: 'drv' };
  const carried = { actor: 'drv' };

  it('draws each feature as its own symbol would, from one layer', async () => {
    const { linePaint, linePaintWhere } = await import('../../src/map/paint.ts');
    const { SYMBOLS } = await import('../../src/map/symbology.ts');
    const test = ['==', ['get', 'status'], 'planned'] as never;
    const merged = linePaintWhere(test, SYMBOLS.plannedMovement, SYMBOLS.troopMovement);
    const states = [{}, { own: true }, { own: true, highlight: true }];
    for (const state of states) {
      for (const key of ['line-color', 'line-width', 'line-opacity']) {
        const alone = linePaint(SYMBOLS.troopMovement);
        expect(valueOf(merged, key, carried, state)).toEqual(valueOf(alone, key, carried, state));
        const ghost = linePaint(SYMBOLS.plannedMovement);
        expect(valueOf(merged, key, planned, state)).toEqual(valueOf(ghost, key, planned, state));
      }
      expect(valueOf(merged, 'line-dasharray', planned, state)).toEqual([
        ...SYMBOLS.plannedMovement.dash!,
      ]);
      // Solid: a dash with no gap.
      expect(valueOf(merged, 'line-dasharray', carried, state)).toEqual([1, 0]);
    }
  });

  it('refuses a symbol that changes with zoom, which a case cannot hold', async () => {
    const { linePaintWhere } = await import('../../src/map/paint.ts');
    const { SYMBOLS } = await import('../../src/map/symbology.ts');
    const zoomed = {
      ...SYMBOLS.troopMovement,
      context: undefined,
      width: [
        [3, 1],
        [7, 4],
      ],
    };
    expect(() =>
      linePaintWhere(['==', 1, 1] as never, SYMBOLS.plannedMovement, zoomed as never),
    ).toThrow(/line-width changes with zoom/);
  });
});

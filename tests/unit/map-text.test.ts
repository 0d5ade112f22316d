/** The map sentence and the drawing agree: src/story/map-text.ts. */
import { describe, expect, it } from 'vitest';
import { mapTextProblems, type MapTextStep, type NamedFeature } from '../../src/story/map-text.ts';

const FEATURES: NamedFeature[] = [
  {
    id: 'pass',
    layer: 'places',
    period: [19450101, 19751231],
    names: ['Friendship Pass', 'Zhennanguan', 'Munanguan'],
  },
  { id: 'laos-1953', layer: 'places', period: [19530101, 19531231], names: ['Laos'] },
  {
    id: 'kingdom',
    layer: 'states',
    period: [19531022, 19751202],
    names: ['Kingdom of Laos', 'Laos'],
  },
  {
    id: 'trail',
    layer: 'supply-routes',
    period: [19650101, 19751231],
    names: ['Ho Chi Minh Trail (main corridor)'],
  },
  { id: 'ho', layer: 'diplomacy', period: [19600101, 19601231], names: ['Ho Chi Minh'] },
  {
    id: 'push',
    layer: 'troop-movements',
    period: [19540403, 19540417],
    names: ['Push on Luang Prabang'],
    status: 'planned',
  },
];

function step(mapText: string, over: Partial<MapTextStep> = {}): MapTextStep {
  return {
    id: 's',
    where: 'x.md:3',
    mapText,
    period: [19650101, 19651231],
    layers: ['places', 'states', 'supply-routes', 'troop-movements'],
    caption: '',
    highlight: [],
    own: [],
    ...over,
  };
}

describe('mapTextProblems', () => {
  it('accepts a subject named by alias or period name, case aside', () => {
    const highlight = [{ layer: 'places', id: 'pass' }];
    expect(
      mapTextProblems([step('The munanguan pass highlighted.', { highlight })], FEATURES),
    ).toEqual([]);
  });

  it('accepts a name without its bracketed qualifier', () => {
    const highlight = [{ layer: 'supply-routes', id: 'trail' }];
    expect(mapTextProblems([step('The Ho Chi Minh Trail.', { highlight })], FEATURES)).toEqual([]);
  });

  it('names the step and the feature a sentence leaves out, highlighted or its own', () => {
    const highlight = [{ layer: 'places', id: 'pass' }];
    const own = [...highlight, { layer: 'troop-movements', id: 'push' }];
    const problems = mapTextProblems(
      [step('Nothing here.', { highlight, own, period: [19540401, 19540430] })],
      FEATURES,
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^x\.md:3: step "s": neither the map sentence nor the caption names "pass" \(Friendship Pass\), which the step highlights/,
      ),
      expect.stringMatching(
        /names "push" \(Push on Luang Prabang\), which the step draws as its own; name it/,
      ),
    ]);
  });

  it('takes a subject named in the caption, and holds its own journeys as context', () => {
    const own = [
      { layer: 'supply-routes', id: 'trail' },
      { layer: 'diplomacy', id: 'ho' },
    ];
    expect(
      mapTextProblems([step('Routes.', { own, caption: 'The Ho Chi Minh Trail, 1965' })], FEATURES),
    ).toEqual([]);
  });

  it('wants a planned subject called planned', () => {
    const own = [{ layer: 'troop-movements', id: 'push' }];
    const period: [number, number] = [19540401, 19540430];
    expect(
      mapTextProblems([step('The push on Luang Prabang.', { own, period })], FEATURES),
    ).toEqual([expect.stringMatching(/names "push" but not that it is planned/)]);
    expect(
      mapTextProblems(
        [step('The push on Luang Prabang, never carried out.', { own, period })],
        FEATURES,
      ),
    ).toEqual([]);
  });

  it('reports a named place the map does not draw, and why', () => {
    expect(
      mapTextProblems([step('Friendship Pass and the trail.', { layers: ['states'] })], FEATURES),
    ).toEqual([
      expect.stringMatching(
        /names "friendship pass" \(places feature "pass"\), which the map does not draw at this step \(its layer "places" is not in "layers"\)/,
      ),
    ]);
  });

  it('reports a caption naming what the map does not draw', () => {
    expect(
      mapTextProblems([step('The pass.', { caption: 'Friendship Pass', layers: [] })], FEATURES),
    ).toEqual([
      expect.stringMatching(
        /the caption names "friendship pass" \(places feature "pass"\), which the map does not draw at this step .*take it out of "caption:"/,
      ),
    ]);
  });

  it('reads the longest name first and holds state labels and journeys as context', () => {
    // "Kingdom of Laos" is a state label; "Ho Chi Minh Trail" is not the journey "Ho Chi Minh".
    const text = 'The Kingdom of Laos, the Ho Chi Minh Trail and Ho Chi Minh in 1965.';
    expect(mapTextProblems([step(text)], FEATURES)).toEqual([]);
  });
});

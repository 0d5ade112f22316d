import { describe, expect, it } from 'vitest';
import {
  namedPlaces,
  ownFeatures,
  patternProblems,
  type PublishedFeature,
} from '../../src/story/drawn.ts';

const feature = (
  id: string,
  from: number,
  to: number,
  extra: Partial<PublishedFeature['properties']> = {},
): PublishedFeature => ({ properties: { id, kind: 'advance', name: id, from, to, ...extra } });

describe('ownFeatures', () => {
  const features = {
    'troop-movements': [
      feature('before', 19531101, 19540301),
      feature('during', 19540301, 19540501),
      feature('after', 19550101, 19550301),
      feature('presence', 19501201, 19730221),
      feature('ending', 19500101, 19540601),
    ],
    zones: [
      feature('seato', 19540908, 19771231),
      feature('regroup', 19540721, 19550518),
      feature('colony', 18870101, 19540721),
    ],
    diplomacy: [feature('trip', 19540420, 19540421)],
  };

  it('takes the highlights, the events under way and the zones begun in the period', () => {
    const own = ownFeatures(
      {
        layers: ['places', 'troop-movements', 'zones'],
        period: [19540101, 19541231],
        highlight: [{ layer: 'places', id: 'hanoi' }],
      },
      features,
    );
    // "before" was under way in 1954; "after" had not begun; the presence of years neither began
    // nor ended in 1954, "ending" did; both zones began in 1954.
    expect(own).toEqual([
      { layer: 'places', id: 'hanoi' },
      { layer: 'troop-movements', id: 'before' },
      { layer: 'troop-movements', id: 'during' },
      { layer: 'troop-movements', id: 'ending' },
      { layer: 'zones', id: 'seato' },
      { layer: 'zones', id: 'regroup' },
    ]);
  });

  it('lists a highlighted event once, and leaves out layers the step does not draw', () => {
    const own = ownFeatures(
      {
        layers: ['troop-movements'],
        period: [19540201, 19540430],
        highlight: [{ layer: 'troop-movements', id: 'during' }],
      },
      features,
    );
    expect(own).toEqual([
      { layer: 'troop-movements', id: 'during' },
      { layer: 'troop-movements', id: 'before' },
    ]);
  });
});

describe('namedPlaces', () => {
  const places = [
    feature('beijing', 19450101, 19751231, { kind: 'capital', name: 'Beijing' }),
    feature('hanoi', 19450101, 19751231, { kind: 'capital', name: 'Hanoi' }),
    feature('lang-son', 19450101, 19751231, { kind: 'city', name: 'Lang Son' }),
    feature('hue', 19450101, 19751231, { kind: 'city', name: 'Hue', aliases: ['Huế'] }),
    feature('pass', 19450101, 19751231, {
      kind: 'border-crossing',
      name: 'Friendship Pass',
      names: [[19530101, 19641231, 'Munanguan']],
    }),
    feature('old-capital', 19000101, 19401231, { kind: 'capital', name: 'Old' }),
    feature('far', 19450101, 19751231, { kind: 'city', name: 'Far' }),
  ];

  it('names the capitals of the day and the places the text and the sentence name', () => {
    const named = namedPlaces(
      {
        period: [19540101, 19541231],
        highlight: [{ layer: 'places', id: 'hanoi' }],
        paragraphs: [['At ', { place: 'lang-son', text: 'Lang Son' }, ' the French fell back.']],
        mapText: 'Northern Vietnam: Huế and the Munanguan pass shown.',
      },
      places,
    );
    // Hanoi is the step's own (drawn in its own way); Far is named nowhere; Old is gone by 1954.
    expect(named).toEqual(['beijing', 'lang-son', 'hue', 'pass']);
  });
});

describe('patternProblems', () => {
  const zones = [
    { properties: { id: 'ne', kind: 'operations', actor: 'prc' } },
    { properties: { id: 'nw', kind: 'operations', actor: 'prc' } },
    { properties: { id: 'bombing', kind: 'bombing', actor: 'usa' } },
  ];
  const where = new Map([['two', 'src/story/sections/4.md:12']]);

  it('allows several zones of one kind and actor, and names a step that stacks two patterns', () => {
    const steps = [
      {
        id: 'one',
        highlight: [
          { layer: 'zones', id: 'ne' },
          { layer: 'zones', id: 'nw' },
        ],
      },
      {
        id: 'two',
        highlight: [
          { layer: 'zones', id: 'ne' },
          { layer: 'zones', id: 'bombing' },
        ],
      },
    ];
    expect(patternProblems(steps, zones, where)).toEqual([
      'src/story/sections/4.md:12: step "two" highlights zones with 2 patterns (operations of prc, bombing of usa); highlight zones of one kind and actor, the others are drawn as tints',
    ]);
  });
});

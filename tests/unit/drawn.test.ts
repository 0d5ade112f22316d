import { describe, expect, it } from 'vitest';
import { namedPlaces, ownFeatures, type PublishedFeature } from '../../src/story/drawn.ts';

const feature = (
  id: string,
  from: number,
  to: number,
  extra: Partial<PublishedFeature['properties']> = {},
): PublishedFeature => ({ properties: { id, kind: 'advance', name: id, from, to, ...extra } });

describe('ownFeatures', () => {
  const features = {
    'troop-movements': [
      feature('before', 19530101, 19551231),
      feature('during', 19540301, 19540501),
      feature('after', 19550101, 19550301),
    ],
    zones: [feature('seato', 19540908, 19771231), feature('regroup', 19540721, 19550518)],
    diplomacy: [feature('trip', 19540420, 19540421)],
  };

  it('takes the highlights and what begins in the period on the step’s layers', () => {
    const own = ownFeatures(
      {
        layers: ['places', 'troop-movements', 'zones'],
        period: [19540101, 19541231],
        highlight: [{ layer: 'places', id: 'hanoi' }],
      },
      features,
    );
    expect(own).toEqual([
      { layer: 'places', id: 'hanoi' },
      { layer: 'troop-movements', id: 'during' },
      { layer: 'zones', id: 'seato' },
      { layer: 'zones', id: 'regroup' },
    ]);
  });

  it('lists a highlighted event once, and leaves out layers the step does not draw', () => {
    const own = ownFeatures(
      {
        layers: ['troop-movements'],
        period: [19540101, 19541231],
        highlight: [{ layer: 'troop-movements', id: 'during' }],
      },
      features,
    );
    expect(own).toEqual([{ layer: 'troop-movements', id: 'during' }]);
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

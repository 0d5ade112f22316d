import { describe, expect, it } from 'vitest';
import { linkPlaces } from '../../src/story/place-links.ts';

const places = [
  { id: 'hanoi', names: ['Hanoi', 'Hà Nội'] },
  { id: 'hainan', names: ['Hainan Island', 'Hainan'] },
  { id: 'guangxi', names: ['Guangxi', 'Kwangsi'] },
  { id: 'tibet', names: ['Tibet', 'the plateau'] },
];

describe('linkPlaces', () => {
  it('links the first mention of each place in a step, by name or alias', () => {
    expect(
      linkPlaces(
        [
          ['Hanoi asked Kwangsi for aid; Hanoi waited.', { note: 4 }, ' Then Guangxi sent it.'],
          ['From Hainan Island, and Hainan again.'],
        ],
        places,
      ),
    ).toEqual([
      [
        { place: 'hanoi', text: 'Hanoi' },
        ' asked ',
        { place: 'guangxi', text: 'Kwangsi' },
        ' for aid; Hanoi waited.',
        { note: 4 },
        ' Then Guangxi sent it.',
      ],
      ['From ', { place: 'hainan', text: 'Hainan Island' }, ', and Hainan again.'],
    ]);
  });

  it('matches whole words only, and ignores aliases that are not names', () => {
    expect(linkPlaces([['Hanoians in Tibetan lands crossed the plateau.']], places)).toEqual([
      ['Hanoians in Tibetan lands crossed the plateau.'],
    ]);
  });
});

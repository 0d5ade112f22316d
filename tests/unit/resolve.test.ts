import { describe, expect, it } from 'vitest';
import { parseNotes, parseSection } from '../../src/story/parse.ts';
import { resolveStory, type LayerCatalog } from '../../src/story/resolve.ts';
import { padToMinimum } from '../../src/story/resolve-view.ts';

const catalog: LayerCatalog = {
  places: {
    hanoi: { bbox: [105.85, 21.03, 105.85, 21.03], period: [19450101, 19751231] },
    saigon: { bbox: [106.7, 10.78, 106.7, 10.78], period: [19450101, 19751231] },
  },
  dmz: { dmz: { bbox: [106, 16.9, 107.1, 17.1], period: [19540721, 19760702] } },
};

function story(steps: string, notes = '---\ncount: 1\n---\n\n[^1]: A note.\n') {
  const section = parseSection('s.md', `---\nid: s\ntitle: S\n---\n\n${steps}`);
  return resolveStory([section], parseNotes('notes.md', notes), catalog);
}

const good = `## step: one
date: 1950
map: Hanoi and Saigon.
caption: Hanoi and Saigon, 1950
layers: places
highlight: hanoi
fit: hanoi, saigon

Text.[^1]
`;

describe('resolveStory', () => {
  it('resolves views, periods, layers and highlights', () => {
    const result = story(good);
    const step = result.steps[0]!;
    expect(step.period).toEqual([19500101, 19501231]);
    expect(step.mapText).toBe('Hanoi and Saigon.');
    expect(step.view).toEqual({
      kind: 'bounds',
      bounds: [
        [104.775, 10.78],
        [107.775, 21.03],
      ],
    });
    expect(step.highlight).toEqual([{ layer: 'places', id: 'hanoi' }]);
    expect(result.sections).toEqual([{ id: 's', title: 'S', stepIds: ['one'] }]);
    expect(result.notes).toEqual([{ number: 1, text: 'A note.' }]);
  });

  it('reads the caption and the callouts, each at its anchor', () => {
    const step = story(
      good.replace(
        'layers: places',
        'callouts: hanoi = 12 million ; 105.85, 21.03 = Red River delta\nlayers: places',
      ),
    ).steps[0]!;
    expect(step.caption).toBe('Hanoi and Saigon, 1950');
    expect(step.callouts).toEqual([
      { anchor: 'hanoi', at: [105.85, 21.03], text: '12 million' },
      { anchor: '105.85, 21.03', at: [105.85, 21.03], text: 'Red River delta' },
    ]);
  });

  it('keeps notes whose text is lost, as null', () => {
    const result = story(good, '---\ncount: 1\n---\n');
    expect(result.notes).toEqual([{ number: 1, text: null }]);
  });

  it.each([
    [
      'a missing layer',
      good.replace('layers: places', 'layers: places, routes'),
      /s\.md:6: step "one": names a layer "routes"/,
    ],
    [
      'a missing feature',
      good.replace('highlight: hanoi', 'highlight: hue'),
      /highlights "hue", which is in none/,
    ],
    [
      'a feature absent at the date',
      good
        .replace('layers: places', 'layers: places, dmz')
        .replace('highlight: hanoi', 'highlight: dmz'),
      /does not show at 1950/,
    ],
    [
      'a view outside the world',
      good.replace('fit: hanoi, saigon', 'center: 200, 10\nzoom: 3'),
      /outside \[-180, 180\] x \[-85, 85\]/,
    ],
    [
      'two views',
      good.replace('fit: hanoi, saigon', 'fit: hanoi\ncenter: 100, 10\nzoom: 3'),
      /exactly one view/,
    ],
    ['a bad date', good.replace('date: 1950', 'date: 1950-13'), /no month 13/],
    [
      'an unknown key',
      good.replace('date: 1950', 'date: 1950\ncolour: red'),
      /unknown key "colour"/,
    ],
    [
      'a note that does not exist',
      good.replace('[^1]', '[^2]'),
      /marks note 2, which does not exist/,
    ],
    ['an unmarked note', good.replace('[^1]', ''), /note 1 is never marked/],
    ['no caption', good.replace('caption: Hanoi and Saigon, 1950\n', ''), /has no "caption"/],
    [
      'a caption longer than a phone line',
      good.replace('caption: Hanoi and Saigon, 1950', `caption: ${'Hanoi '.repeat(17)}`),
      /step "one": its "caption" is \d+ characters; keep it to 80/,
    ],
    [
      'a callout that is not "anchor = text"',
      good.replace('layers: places', 'callouts: hanoi 12 million\nlayers: places'),
      /callout "hanoi 12 million" is not "anchor = text"/,
    ],
    [
      'a callout anchored to nothing',
      good.replace('layers: places', 'callouts: hue = 12 million\nlayers: places'),
      /callout "hue = 12 million": "hue" is neither a feature of its layers/,
    ],
    [
      'a callout outside the subject',
      good.replace('layers: places', 'callouts: saigon = A city\nlayers: places'),
      /"saigon" lies outside what the step keeps in view/,
    ],
    [
      'a long callout',
      good.replace('layers: places', `callouts: hanoi = ${'word '.repeat(13)}\nlayers: places`),
      /the text is \d+ characters; keep it to 60/,
    ],
    [
      'too many callouts',
      good.replace(
        'layers: places',
        'callouts: hanoi = a ; hanoi = b ; hanoi = c ; hanoi = d\nlayers: places',
      ),
      /has 4 callouts; keep to 3/,
    ],
  ])('fails on %s, naming the file and step', (_, content, message) => {
    expect(() => story(content)).toThrow(message);
  });

  it('fails on a duplicate step id', () => {
    expect(() => story(good + '\n' + good.replace('[^1]', ''))).toThrow(
      /the id is already used at s\.md:6; rename one of the two/,
    );
  });
});

describe('padToMinimum', () => {
  it('widens a point to a three-degree box and leaves large bounds alone', () => {
    expect(
      padToMinimum([
        [10, 20],
        [10, 20],
      ]),
    ).toEqual([
      [8.5, 18.5],
      [11.5, 21.5],
    ]);
    expect(
      padToMinimum([
        [0, 0],
        [20, 20],
      ]),
    ).toEqual([
      [0, 0],
      [20, 20],
    ]);
  });
});

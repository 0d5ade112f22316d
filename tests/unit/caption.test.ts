/** A step's one-line caption, and its temporary fallback from the map sentence: src/story/caption.ts. */
import { describe, expect, it } from 'vitest';
import { captionOf, shorten } from '../../src/story/caption.ts';
import { CAPTION_MAX } from '../../src/story/resolve.ts';

describe('captionOf', () => {
  it('is the step’s own caption when it has one', () => {
    const step = { caption: ' Dien Bien Phu, March–May 1954 ', mapText: 'Indochina in 1954: …' };
    expect(captionOf(step)).toBe('Dien Bien Phu, March–May 1954');
  });

  it('falls back to the map sentence up to its first colon: the area and the date', () => {
    const mapText =
      'Indochina and southern China from November 1953 to April 1954: Dien Bien Phu, Hanoi and Saigon highlighted.';
    expect(captionOf({ caption: '', mapText })).toBe(
      'Indochina and southern China from November 1953 to April 1954',
    );
  });

  it('cuts a long fallback after a whole word, within a caption’s length', () => {
    const mapText = `${'Eurasia from Moscow to Beijing and on to Hanoi by rail '.repeat(3)}in 1950`;
    const caption = captionOf({ caption: '', mapText });
    expect(caption.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(caption).toMatch(/^Eurasia from Moscow .* [A-Za-z]+…$/);
    expect(mapText.startsWith(caption.slice(0, -1))).toBe(true);
    expect(mapText[caption.length - 1]).toBe(' ');
  });

  it('takes a sentence without a colon whole when it fits, less its full stop', () => {
    expect(captionOf({ caption: '', mapText: 'The Malay Peninsula in December 1955.' })).toBe(
      'The Malay Peninsula in December 1955',
    );
  });
});

describe('shorten', () => {
  it('leaves text that fits alone, and cuts a single long word where it must', () => {
    expect(shorten('Hanoi  in\n1954', 20)).toBe('Hanoi in 1954');
    expect(shorten('Supercalifragilistic', 10)).toBe('Supercali…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(shorten('Beijing, Moscow, and Hanoi', 17)).toBe('Beijing, Moscow…');
  });
});

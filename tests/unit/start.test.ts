import { describe, expect, it } from 'vitest';
import { startStep } from '../../src/story/start.ts';
import type { Story } from '../../src/story/types.ts';

const story = {
  sections: [
    { id: 'intro', title: 'Introduction', stepIds: ['a', 'b'] },
    { id: 'geneva', title: 'Geneva', stepIds: ['c'] },
  ],
  steps: ['a', 'b', 'c'].map((id) => ({ id })),
  notes: [],
} as unknown as Story;
const anchors = new Set(['note-12', 'article']);
const open = (search: string, hash = '') =>
  startStep({ search, hash }, story, (id) => anchors.has(id));

describe('startStep', () => {
  it('opens at a step named by the hash, ?step= or the first step of ?section=', () => {
    expect(open('', '#b')).toEqual({ stepId: 'b', warnings: [] });
    expect(open('?step=c')).toEqual({ stepId: 'c', warnings: [] });
    expect(open('?mode=embed&section=geneva')).toEqual({ stepId: 'c', warnings: [] });
    expect(open('?step=a', '#c')).toEqual({ stepId: 'c', warnings: [] });
  });

  it('opens at the title with a warning for names that are not in the story', () => {
    expect(open('?step=nowhere').warnings).toEqual([
      'There is no step "nowhere": opening at the title.',
    ]);
    expect(open('?section=x')).toEqual({
      stepId: null,
      warnings: ['There is no section "x" (sections: intro, geneva): opening at the title.'],
    });
    expect(open('', '#nowhere').warnings).toEqual([
      'There is no step "nowhere": opening at the title.',
    ]);
  });

  it('reads a malformed hash as an unknown step, not an error', () => {
    expect(open('', '#%')).toEqual({
      stepId: null,
      warnings: ['There is no step "%": opening at the title.'],
    });
    expect(open('', '#b%E0%A4%A')).toEqual({
      stepId: null,
      warnings: ['There is no step "b%E0%A4%A": opening at the title.'],
    });
    expect(open('', '#%62')).toEqual({ stepId: 'b', warnings: [] });
  });

  it('leaves the page’s own anchors alone', () => {
    expect(open('', '#note-12')).toEqual({ stepId: null, warnings: [] });
    expect(open('', '#article')).toEqual({ stepId: null, warnings: [] });
    expect(open('')).toEqual({ stepId: null, warnings: [] });
  });
});

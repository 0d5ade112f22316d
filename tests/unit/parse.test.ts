import { describe, expect, it } from 'vitest';
import { ContentError, parseInline, parseNotes, parseSection } from '../../src/story/parse.ts';

const section = `---
id: intro
title: Introduction
---

## step: first
date: 1950
layers: places
center: 105, 20
zoom: 5

One line
and its continuation.[^1]

Second paragraph.
`;

describe('parseSection', () => {
  it('reads front matter, step fields and paragraphs with their line numbers', () => {
    const parsed = parseSection('intro.md', section);
    expect(parsed.fields.title?.value).toBe('Introduction');
    expect(parsed.steps).toHaveLength(1);
    const step = parsed.steps[0]!;
    expect(step).toMatchObject({ id: 'first', line: 6 });
    expect(step.fields.center).toEqual({ value: '105, 20', line: 9 });
    expect(step.paragraphs).toEqual([
      ['One line and its continuation.', { note: 1 }],
      ['Second paragraph.'],
    ]);
  });

  it('names the file and line of malformed content', () => {
    const bad = section.replace('zoom: 5', 'zoom 5');
    expect(() => parseSection('intro.md', bad)).toThrow(
      /intro\.md:10: step "first": expected "key: value"/,
    );
    expect(() => parseSection('x.md', 'no front matter')).toThrow(ContentError);
    expect(() => parseSection('x.md', '---\nid: a\n---\nstray text\n')).toThrow(
      /x\.md:4: text before/,
    );
  });

  it('reports a key given twice', () => {
    const twice = section.replace('zoom: 5', 'zoom: 5\nzoom: 6');
    expect(() => parseSection('intro.md', twice)).toThrow(/"zoom" is given twice/);
  });
});

describe('parseInline', () => {
  it('splits text and note marks, keeping the text exactly', () => {
    expect(parseInline('implementation.”[^8] Then')).toEqual([
      'implementation.”',
      { note: 8 },
      ' Then',
    ]);
    expect(parseInline('[Chiang Kai Shek]')).toEqual(['[Chiang Kai Shek]']);
  });
});

describe('parseNotes', () => {
  it('reads the count and the surviving texts', () => {
    const notes = parseNotes(
      'notes.md',
      '---\ncount: 3\n---\n\n[^1]: First\nwrapped.\n\n[^3]: Third.\n',
    );
    expect(notes.count?.value).toBe('3');
    expect(notes.texts).toEqual([
      { number: 1, text: 'First wrapped.', line: 5 },
      { number: 3, text: 'Third.', line: 8 },
    ]);
  });
});

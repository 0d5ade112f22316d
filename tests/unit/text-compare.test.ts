import { describe, expect, it } from 'vitest';
import { compareWithSource } from '../lib/text-compare.ts';

const source = [
  ' Introduction',
  'In 1954 the war in',
  'Indochina 1 ended at Gen',
  '1',
  'A note that was kept.',
  ' eva in July 1954. A serio us',
  'matter.',
  '17',
].join('\n');
const body = 'In 1954 the war in Indochina ended at Geneva in July 1954. A serious matter.';

describe('compareWithSource', () => {
  it('accepts a faithful cleaning and counts what each line was', () => {
    const result = compareWithSource(source, body, ['A note that was kept.'], ['Introduction']);
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ bodyLines: 4, noteLines: 1, titleLines: 1, numberLines: 2 });
  });

  it('finds a lost sentence, a changed word, an added word and a changed year', () => {
    const check = (story: string) =>
      compareWithSource(source, story, ['A note that was kept.'], ['Introduction']).problems;
    expect(check(body.replace(' A serious matter.', ''))[0]).toMatch(
      /source line 6 is not in the story/,
    );
    expect(check(body.replace('serious', 'grave'))[0]).toMatch(/source line 6 is not in the story/);
    expect(check(`${body} Indeed.`)[0]).toMatch(/has text that is not in the source: "Indeed\."/);
    expect(check(body.replace('July 1954', 'July 1955'))[0]).toMatch(/the number 1954 is missing/);
  });

  it('finds a lost note text', () => {
    expect(compareWithSource(source, body, [], ['Introduction']).problems[0]).toMatch(
      /source line 5/,
    );
  });
});

/** What the story reports to an LMS (src/course/record.ts). */
import { describe, expect, it } from 'vitest';
import {
  completionStep,
  decodeRead,
  encodeRead,
  timeinterval2004,
  timespan12,
  valuesFor,
} from '../../src/course/record.ts';

const STORY = {
  sections: [
    { id: 'introduction', title: 'Introduction', stepIds: ['a', 'b'] },
    { id: 'middle', title: 'Middle', stepIds: ['c', 'd'] },
    { id: 'conclusion', title: 'Conclusion', stepIds: ['e', 'f'] },
  ],
};

describe('course records', () => {
  it('completes at the conclusion, or at the end of a section package', () => {
    expect(completionStep(STORY, null)).toBe('e');
    expect(completionStep(STORY, 'middle')).toBe('d');
    // An unknown section is the whole story, as the controller reads it.
    expect(completionStep(STORY, 'nowhere')).toBe('e');
  });

  it('keeps the steps read by id, dropping those the story no longer has', () => {
    const read = new Set(['a', 'c']);
    expect(encodeRead(read)).toBe('a,c');
    expect(decodeRead('a,c,gone', ['a', 'b', 'c'])).toEqual(read);
    expect(decodeRead('', ['a'])).toEqual(new Set());
  });

  it('writes session times as each version wants them', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_450)).toBe('0001:02:03.45');
    expect(timespan12(59_999)).toBe('0000:01:00.00');
    expect(timeinterval2004(0)).toBe('PT0H0M0S');
    expect(timeinterval2004(3_723_450)).toBe('PT1H2M3.45S');
  });

  it('reports location, steps read, the share read, completion and time', () => {
    const steps = ['a', 'b', 'c', 'd'];
    const reading = { location: 'c', read: new Set(['a', 'c', 'x']), complete: false };
    expect(Object.fromEntries(valuesFor('1.2', reading, steps, 61_000))).toEqual({
      'cmi.core.lesson_location': 'c',
      'cmi.suspend_data': 'a,c,x',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': '50',
      'cmi.core.session_time': '0000:01:01.00',
    });
    const done = { location: 'd', read: new Set(steps.slice(0, 3)), complete: true };
    expect(Object.fromEntries(valuesFor('2004', done, steps, 1500))).toEqual({
      'cmi.location': 'd',
      'cmi.suspend_data': 'a,b,c',
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.score.raw': '75',
      'cmi.progress_measure': '0.75',
      'cmi.completion_status': 'completed',
      'cmi.session_time': 'PT0H0M1.5S',
    });
    // The title page has no location to report.
    const start = { location: null, read: new Set<string>(), complete: false };
    expect(valuesFor('1.2', start, steps, 0).map(([element]) => element)).not.toContain(
      'cmi.core.lesson_location',
    );
  });
});

/** Names by period: checked in geo/, published as [from, to, name], read at a step's date. */
import { describe, expect, it } from 'vitest';
import { nameAt } from '../../src/geo/features.ts';
import { checkPeriodNames, statusProblem } from '../../src/geo/period-names.ts';

const SPAN: [number, number] = [19450101, 19751231];
const PASS = [
  { name: 'Zhennanguan', start: '1945', end: '1952' },
  { name: 'Munanguan', start: '1953', end: '1964' },
  { name: 'Youyiguan (Friendship Pass)', start: '1965', end: '1975' },
];

describe('period names', () => {
  it('publishes each name with its first and last day', () => {
    expect(checkPeriodNames(PASS, SPAN)).toEqual({
      problems: [],
      published: [
        [19450101, 19521231, 'Zhennanguan'],
        [19530101, 19641231, 'Munanguan'],
        [19650101, 19751231, 'Youyiguan (Friendship Pass)'],
      ],
    });
  });

  it('gives the name in use on a day, else the default name', () => {
    const names = checkPeriodNames(PASS.slice(0, 2), SPAN).published;
    const feature = { name: 'Friendship Pass', names };
    expect(nameAt(feature, 19500101)).toBe('Zhennanguan');
    expect(nameAt(feature, 19641231)).toBe('Munanguan');
    expect(nameAt(feature, 19660101)).toBe('Friendship Pass');
    expect(nameAt({ name: 'Hanoi' }, 19660101)).toBe('Hanoi');
  });

  it('rejects names that are not a list, lack dates, overlap or leave the span', () => {
    expect(checkPeriodNames('Munanguan', SPAN).problems).toEqual([
      expect.stringMatching(/"names" is not a list of names by period/),
    ]);
    expect(checkPeriodNames([{ name: 'Munanguan' }], SPAN).problems).toEqual([
      expect.stringMatching(/entry 1 needs a "name", a "start" and an "end"/),
    ]);
    expect(checkPeriodNames([PASS[1], PASS[0]], SPAN).problems).toEqual([
      expect.stringMatching(/entry 2 \("Zhennanguan"\) starts before "Munanguan" ends/),
    ]);
    expect(checkPeriodNames([{ name: 'X', start: '1940', end: '1950' }], SPAN).problems).toEqual([
      expect.stringMatching(/outside the feature's own start and end/),
    ]);
  });

  it('accepts planned, disputed or no status', () => {
    expect(statusProblem(undefined)).toBeUndefined();
    expect(statusProblem('planned')).toBeUndefined();
    expect(statusProblem('disputed')).toBeUndefined();
    expect(statusProblem('proposed')).toMatch(/use planned or disputed/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  datePeriod,
  describeDate,
  periodsOverlap,
  spanPeriod,
  stepPeriod,
  yearFraction,
} from '../../src/geo/dates.ts';

describe('datePeriod', () => {
  it('covers a whole year, month or day', () => {
    expect(datePeriod('1954')).toEqual([19540101, 19541231]);
    expect(datePeriod('1954-02')).toEqual([19540201, 19540228]);
    expect(datePeriod('1956-02')).toEqual([19560201, 19560229]);
    expect(datePeriod('1954-07-21')).toEqual([19540721, 19540721]);
  });

  it('rejects what is not a partial ISO date', () => {
    expect(() => datePeriod('July 1954')).toThrow(/YYYY/);
    expect(() => datePeriod('1954-13')).toThrow(/no month 13/);
    expect(() => datePeriod('1954-02-30')).toThrow(/no day 30/);
  });
});

describe('spanPeriod', () => {
  it('runs from the first day of the start to the last day of the end', () => {
    expect(spanPeriod('1954-07-21', '1976')).toEqual([19540721, 19761231]);
  });

  it('rejects an end before the start', () => {
    expect(() => spanPeriod('1975', '1954')).toThrow(/after end/);
  });
});

describe('periodsOverlap', () => {
  it('is inclusive at both ends', () => {
    expect(periodsOverlap([19540721, 19761231], datePeriod('1954'))).toBe(true);
    expect(periodsOverlap([19540721, 19761231], datePeriod('1954-07-20'))).toBe(false);
    expect(periodsOverlap([19450101, 19541231], datePeriod('1955'))).toBe(false);
  });
});

describe('stepPeriod', () => {
  it('reads one date or an interval', () => {
    expect(stepPeriod('1954-07')).toEqual([19540701, 19540731]);
    expect(stepPeriod('1953-11/1954-05-07')).toEqual([19531101, 19540507]);
    expect(stepPeriod('1965 / 1968-03')).toEqual([19650101, 19680331]);
  });
  it('rejects a backwards or broken interval', () => {
    expect(() => stepPeriod('1968/1965')).toThrow(/start 1968 is after end 1965/);
    expect(() => stepPeriod('1965/1966/1967')).toThrow(/is not a date/);
  });
});

describe('describeDate', () => {
  it('writes a step’s date in words', () => {
    expect(describeDate('1965')).toBe('1965');
    expect(describeDate('1965-06')).toBe('June 1965');
    expect(describeDate('1954-07-21')).toBe('21 July 1954');
    expect(describeDate('1953-11/1954-04')).toBe('November 1953 – April 1954');
  });
});

describe('yearFraction', () => {
  it('places a day on a span of whole years', () => {
    expect(yearFraction(19490101, 1949, 1973)).toBe(0);
    expect(yearFraction(19731231, 1949, 1973)).toBeCloseTo(1, 2);
    expect(yearFraction(19610701, 1949, 1973)).toBeCloseTo(0.5, 2);
    expect(yearFraction(19400101, 1949, 1973)).toBe(0);
  });
});

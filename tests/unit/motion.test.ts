import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dashAt, flowPhase } from '../../src/map/flow.ts';
import { movementFrame, type Movement } from '../../src/map/motion.ts';
import { drawnFraction } from '../../src/map/picture.ts';
import { movingIn } from '../../src/story/resolve.ts';

const movement = (
  id: string,
  from: number,
  to: number,
  geometry: Movement['geometry'],
): Movement => ({
  type: 'Feature',
  properties: {
    id,
    name: id,
    kind: 'advance',
    start: '',
    end: '',
    source: '',
    from,
    to,
    actor: 'prc',
  },
  geometry,
});
// Due east along the equator, 2 degrees (about 222 km).
const east = movement('east', 19650601, 19680331, {
  type: 'LineString',
  coordinates: [
    [100, 0],
    [101, 0],
    [102, 0],
  ],
});

describe('drawnFraction', () => {
  it('draws nothing at the start of a step and everything past its middle', () => {
    expect(drawnFraction(0)).toBe(0);
    expect(drawnFraction(0.1)).toBe(0);
    expect(drawnFraction(0.35)).toBeCloseTo(0.5, 5);
    expect(drawnFraction(0.6)).toBe(1);
    expect(drawnFraction(1)).toBe(1);
  });
  it('never runs backwards as the reader scrolls on', () => {
    const values = Array.from({ length: 101 }, (_, i) => drawnFraction(i / 100));
    values.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i]!));
  });
});

describe('movingIn', () => {
  it('picks the movements that begin within the step’s period', () => {
    const bbox: [number, number, number, number] = [100, 0, 102, 0];
    const catalog = {
      east: { bbox, period: [19650601, 19680331] as [number, number] },
      earlier: { bbox, period: [19500101, 19701231] as [number, number] },
    };
    expect(movingIn([19650101, 19651231], catalog)).toEqual(['east']);
    expect(movingIn([19660101, 19661231], catalog)).toEqual([]);
  });
});

describe('movementFrame', () => {
  it('slices each movement to the fraction, with a head marker pointing the way', () => {
    const { features } = movementFrame([east], 0.5);
    const [line, head] = features;
    expect(line!.properties).toMatchObject({ id: 'east', part: 'line', actor: 'prc' });
    const coords = (line!.geometry as LineString).coordinates;
    expect(coords[0]).toEqual([100, 0]);
    expect(coords.at(-1)![0]).toBeCloseTo(101, 3);
    expect(head!.properties).toMatchObject({ id: 'east', part: 'head' });
    expect(head!.properties!.bearing).toBeCloseTo(90, 1);
  });
  it('draws the whole movement at 1 and each part of a multi-line', () => {
    const multi = movement('multi', 19650601, 19680331, {
      type: 'MultiLineString',
      coordinates: [
        [
          [100, 0],
          [100, 1],
        ],
        [
          [105, 0],
          [104, 0],
        ],
      ],
    });
    const { features } = movementFrame([multi], 1);
    expect(features.filter((f) => f.properties!.part === 'head')).toHaveLength(2);
    const heads = features.filter((f) => f.properties!.part === 'head');
    expect(heads[0]!.properties!.bearing).toBeCloseTo(0, 1);
    expect(heads[1]!.properties!.bearing).toBeCloseTo(-90, 1);
  });
});

describe('flowPhase and dashAt', () => {
  it('step the dashes along in a few distinct phases that repeat', () => {
    const phases = new Set(Array.from({ length: 500 }, (_, ms) => flowPhase(ms * 10)));
    expect(phases.size).toBe(12);
    expect(flowPhase(0)).toBe(0);
    expect(flowPhase(1200)).toBe(0);
    expect(flowPhase(600)).toBeCloseTo(1.6, 9);
  });

  it('shift the same dash along the line, one period a full cycle', () => {
    for (const phase of [0.3, 1.5, 3]) {
      const dash = dashAt(phase);
      expect(dash.reduce((a, b) => a + b, 0)).toBeCloseTo(3.2, 9);
      expect(dash.every((n) => n >= 0)).toBe(true);
    }
    expect(dashAt(0)).toEqual([2, 1.2]);
  });
});

import { describe, expect, it } from 'vitest';
import { flightDuration, MAX_FLIGHT_MS, MIN_FLIGHT_MS, sameCamera } from '../../src/geo/flight.ts';

const hanoi = { center: [105.85, 21.03] as [number, number], zoom: 6 };

describe('flightDuration', () => {
  it('is short between nearby views and longest across the world', () => {
    const nearby = flightDuration(hanoi, { center: [106.7, 20.9], zoom: 6.2 });
    const regional = flightDuration(hanoi, { center: [116.4, 39.9], zoom: 5 });
    const global = flightDuration(hanoi, { center: [-77.04, 38.9], zoom: 2 });
    expect(nearby).toBeGreaterThanOrEqual(MIN_FLIGHT_MS);
    expect(nearby).toBeLessThan(800);
    expect(regional).toBeGreaterThan(nearby);
    expect(global).toBe(MAX_FLIGHT_MS);
  });

  it('counts zoom changes as distance', () => {
    expect(flightDuration(hanoi, { ...hanoi, zoom: 3 })).toBeGreaterThan(
      flightDuration(hanoi, hanoi),
    );
  });
});

describe('sameCamera', () => {
  const camera = { ...hanoi, bearing: 0, pitch: 0 };
  it('ignores sub-pixel differences and notices visible ones', () => {
    expect(sameCamera(camera, { ...camera, center: [105.8500001, 21.03] })).toBe(true);
    expect(sameCamera(camera, { ...camera, center: [105.9, 21.03] })).toBe(false);
    expect(sameCamera(camera, { ...camera, zoom: 6.1 })).toBe(false);
    expect(sameCamera(camera, { ...camera, pitch: 30 })).toBe(false);
  });
});

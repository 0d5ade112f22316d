/**
 * Progress-driven drawing of a step's own troop movements: as the reader scrolls through the
 * step, each movement that begins in the step's period draws itself from its start, with a unit
 * marker at the head. Pure: the same step and progress always give the same picture.
 */
import along from '@turf/along';
import bearing from '@turf/bearing';
import length from '@turf/length';
import lineSliceAlong from '@turf/line-slice-along';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';

export type Movement = Feature<
  LineString | MultiLineString,
  { id: string; from: number; to: number; actor?: string; [key: string]: unknown }
>;

/** Scroll progress through a step at which drawing starts and at which it is complete. */
const DRAW_FROM = 0.1;
const DRAW_UNTIL = 0.6;

/** How much of each movement is drawn at a progress through the step (0..1), eased. */
export function drawnFraction(progress: number): number {
  const t = Math.min(1, Math.max(0, (progress - DRAW_FROM) / (DRAW_UNTIL - DRAW_FROM)));
  return t * t * (3 - 2 * t);
}

/** The movements a step draws progressively: those that begin within its period. */
export function movingAt(period: [number, number], movements: Movement[]): Movement[] {
  return movements.filter(
    ({ properties: { from, to } }) => from >= period[0] && from <= period[1] && to >= period[0],
  );
}

/**
 * The drawn part of each movement at `fraction` (0..1), with a head marker that carries the
 * bearing of travel. A MultiLineString draws all its parts together, each the same share.
 */
export function movementFrame(movements: Movement[], fraction: number): FeatureCollection {
  const features: Feature[] = [];
  for (const movement of movements) {
    const parts =
      movement.geometry.type === 'LineString'
        ? [movement.geometry.coordinates]
        : movement.geometry.coordinates;
    for (const coordinates of parts) {
      const line: Feature<LineString> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'LineString', coordinates },
      };
      const total = length(line);
      const drawn = Math.max(total * fraction, total * 1e-3);
      const slice = lineSliceAlong(line, 0, drawn);
      const head = along(line, drawn);
      const before = along(line, Math.max(0, drawn - Math.min(total / 20, 5)));
      features.push(
        { ...slice, properties: { ...movement.properties, part: 'line' } },
        {
          ...head,
          properties: {
            ...movement.properties,
            part: 'head',
            bearing: bearing(before, head as Feature<Point>),
          },
        },
      );
    }
  }
  return { type: 'FeatureCollection', features };
}

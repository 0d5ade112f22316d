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
import type { StoryFeature } from '../geo/features.ts';

export type Movement = StoryFeature<LineString | MultiLineString>;

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

/**
 * Whether a step's subject is in view, unobscured, in the page as it is now: each subject feature
 * (its highlights and its own movements) lies inside the clear area the page reports, nothing but
 * the map canvas is on top of it, and each highlighted place's name is on the map.
 *
 * Positions come from the real map's visible bounds (Web Mercator between them), not from the
 * framing maths the app uses, so a wrong camera, a wrong clear area or an overlay the layout did not
 * declare all show up here.
 */
import type { Page } from 'playwright-core';
import type { LngLat, Step } from '../../src/story/types.ts';
import { files } from './story-data.ts';

/** The layouts the story supports (issue: framing on every screen), with the mode each runs in. */
export const LAYOUTS = {
  desktop: { width: 1440, height: 900, mode: 'scroll' },
  laptop: { width: 1280, height: 720, mode: 'scroll' },
  tablet: { width: 820, height: 1180, mode: 'scroll' },
  phone: { width: 390, height: 844, mode: 'scroll' },
  'phone-small': { width: 360, height: 740, mode: 'scroll' },
  kiosk: { width: 1920, height: 1080, mode: 'kiosk' },
  'kiosk-portrait': { width: 1080, height: 1920, mode: 'kiosk' },
  embed: { width: 900, height: 600, mode: 'embed' },
  'embed-small': { width: 640, height: 480, mode: 'embed' },
} as const;
export type LayoutName = keyof typeof LAYOUTS;

/** How a layout is opened: its address, and whether it is a touch screen. */
export function openingFor(name: LayoutName) {
  const { width, height, mode } = LAYOUTS[name];
  return {
    path: mode === 'scroll' ? '/' : `/?mode=${mode}`,
    viewport: { width, height },
    hasTouch: mode === 'kiosk' || width < 800,
  };
}

type Geometry =
  | { type: 'Point'; coordinates: LngLat }
  | { type: 'LineString' | 'MultiPoint'; coordinates: LngLat[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: LngLat[][] }
  | { type: 'MultiPolygon'; coordinates: LngLat[][][] };

const geometries = new Map<string, Geometry>();
for (const [file, text] of Object.entries(files)) {
  if (!file.endsWith('.geojson')) continue;
  const layer = file.replace(/\.geojson$/, '');
  const { features } = JSON.parse(text) as {
    features: { properties: { id: string }; geometry: Geometry }[];
  };
  for (const feature of features)
    geometries.set(`${layer}/${feature.properties.id}`, feature.geometry);
}

/** The points of a feature that must be in view: every vertex (outer rings only), at most 24. */
function pointsOf(geometry: Geometry): LngLat[] {
  const all = verticesOf(geometry);
  const every = Math.max(1, Math.ceil(all.length / 24));
  return all.filter((_, i) => i % every === 0 || i === all.length - 1);
}

function verticesOf(geometry: Geometry): LngLat[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'Polygon':
      return geometry.coordinates[0]!;
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon[0]!);
  }
}

export interface SubjectFeature {
  layer: string;
  id: string;
  points: LngLat[];
  /** Whether the map names it (a highlighted place): then its name must be on the map. */
  named: boolean;
}

/** What a step is about: its highlighted features and the movements that begin in it. */
export function subjectOf(step: Step): SubjectFeature[] {
  const refs = [
    ...step.highlight,
    ...step.moving
      .filter((id) => !step.highlight.some((h) => h.id === id))
      .map((id) => ({ layer: 'troop-movements', id })),
  ];
  return refs.map(({ layer, id }) => {
    const geometry = geometries.get(`${layer}/${id}`);
    if (!geometry) throw new Error(`Step "${step.id}": no feature ${layer}/${id} in geo/`);
    return { layer, id, points: pointsOf(geometry), named: layer === 'places' };
  });
}

/** Why each subject feature of the step is not in view, unobscured and named (empty: all are). */
export async function framingProblems(page: Page, step: Step): Promise<string[]> {
  const subject = subjectOf(step);
  return page.evaluate(
    ({ subject, stepId }) => {
      const state = window.storymap.state();
      if (state.stepId !== stepId) return [`the page shows ${state.stepId}, not ${stepId}`];
      // The map's canvas, or the still that stands for it while it warms up (src/map/warm-up.ts).
      const canvas =
        document.querySelector<HTMLCanvasElement>('.map-still') ??
        document.querySelector<HTMLCanvasElement>('.map canvas');
      const pane = document.querySelector<HTMLElement>('.map-pane')!.getBoundingClientRect();
      const [[west, south], [east, north]] = state.bounds;
      const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
      // A longitude on the side of the antimeridian the view is on.
      const near = (lng: number) => lng + 360 * Math.round((west + east) / 2 / 360 - lng / 360);
      const onPane = ([lng, lat]: [number, number]): [number, number] => [
        ((near(lng) - west) / (east - west)) * pane.width,
        ((y(north) - y(lat)) / (y(north) - y(south))) * pane.height,
      ];
      const area = state.clearArea;
      const slack = 1;
      const problems: string[] = [];
      for (const feature of subject) {
        const what = `${feature.layer}/${feature.id}`;
        // At a world-wide zoom the map repeats: the copy of the feature most inside the clear area.
        const copies = [-1, 0, 1].map((turn) =>
          feature.points.map(([lng, lat]) => onPane([lng + 360 * turn, lat])),
        );
        const inside = ([x, py]: [number, number]) =>
          x >= area.x - slack &&
          py >= area.y - slack &&
          x <= area.x + area.width + slack &&
          py <= area.y + area.height + slack;
        const screen = copies
          .map((copy) => ({ copy, count: copy.filter(inside).length }))
          .sort((a, b) => b.count - a.count)[0]!.copy;
        const outside = screen.filter((point) => !inside(point));
        if (outside.length) {
          const [x, py] = outside[0]!;
          problems.push(
            `${what}: ${outside.length} of ${screen.length} points outside the clear area ` +
              `(${Math.round(x)}, ${Math.round(py)} not in ${area.x},${area.y} ${area.width}x${area.height})`,
          );
          continue;
        }
        const covered = screen
          .map(([x, py]) => document.elementFromPoint(pane.left + x, pane.top + py))
          .filter((element) => element !== canvas);
        if (covered.length) {
          const element = covered[0];
          const name = element
            ? `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`
            : 'nothing (off the window)';
          problems.push(`${what}: covered by ${name}`);
          continue;
        }
        if (feature.named && !state.labelled.includes(feature.id))
          problems.push(`${what}: its name is not on the map`);
      }
      return problems;
    },
    { subject, stepId: step.id },
  );
}

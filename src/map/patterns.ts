/**
 * Zone fills carry a pattern per kind of zone, so that nothing on the map relies on colour alone;
 * the colour says who (src/map/actors.ts). One definition serves the live map (drawn on a canvas),
 * the legend and the static maps (SVG patterns).
 */
import { ACTORS, isActor } from './actors.ts';
import { SYMBOLS } from './symbology.ts';

/** One tile of the pattern: an SVG path in a TILE × TILE square, stroked or (for dots) filled. */
export interface Pattern {
  path: string;
  filled: boolean;
  /** What this kind of zone is, in the legend. */
  label: string;
}

export const TILE = 12;

export const ZONE_PATTERNS: Record<string, Pattern> = {
  colony: { label: 'Colony', filled: false, path: 'M0,12L12,0M-3,3L3,-3M9,15L15,9' },
  state: { label: 'State', filled: false, path: '' },
  alliance: { label: 'Alliance members', filled: false, path: 'M0,0L12,12M-3,9L3,15M9,-3L15,3' },
  'protected-area': {
    label: 'Under alliance protection',
    filled: true,
    path: 'M7.6,6A1.6,1.6 0 1 1 4.4,6A1.6,1.6 0 1 1 7.6,6Z',
  },
  regroupment: { label: 'Regroupment area', filled: false, path: 'M6,0L6,12' },
  operations: { label: 'Area of operations', filled: false, path: 'M6,0L6,12M0,6L12,6' },
  bombing: {
    label: 'Bombing campaign',
    filled: false,
    path: 'M0,0L12,12M0,12L12,0M-3,9L3,15M9,-3L15,3M-3,3L3,-3M9,15L15,9',
  },
};

/** The kind and actor a pattern image id names, or null when it is not one of ours. */
export function parsePatternId(id: string): { pattern: Pattern; colour: string } | null {
  for (const [kind, pattern] of Object.entries(ZONE_PATTERNS)) {
    const actor = id.slice(`zone-${kind}-`.length);
    if (id.startsWith(`zone-${kind}-`) && isActor(actor))
      return { pattern, colour: ACTORS[actor].colour };
  }
  return null;
}

/** The pattern as an SVG <pattern> (static maps, legend): the same wash and marks. */
export function patternSvg(id: string, kind: string, colour: string): string {
  const pattern = ZONE_PATTERNS[kind];
  const { washOpacity, lineOpacity, lineWidth } = SYMBOLS.zonePattern;
  const mark = !pattern?.path
    ? ''
    : pattern.filled
      ? `<path d="${pattern.path}" fill="${colour}" fill-opacity="${lineOpacity}"/>`
      : `<path d="${pattern.path}" stroke="${colour}" stroke-opacity="${lineOpacity}" stroke-width="${lineWidth}"/>`;
  return `<pattern id="${id}" width="${TILE}" height="${TILE}" patternUnits="userSpaceOnUse"><rect width="${TILE}" height="${TILE}" fill="${colour}" fill-opacity="${washOpacity}"/>${mark}</pattern>`;
}

/**
 * Which side of its dot each of the subject's place names goes, decided before the map draws
 * (pure): the first of right, left, below, above where the name stays in the clear area and
 * clear of the other subject places and names (or, where none is, of the other names). maplibre places names greedily, one after the
 * other, so two neighbours (Beijing and Pyongyang on a world map) can knock each other's name
 * out; told a side for each, both fit (src/map/apply.ts gives maplibre that side alone).
 */
import { labelSize } from './label-box.ts';
import { project, type Camera, type Rect } from './frame.ts';
import { SYMBOLS } from './symbology.ts';
import type { LngLat } from '../story/types.ts';

/** maplibre's anchor names: the side of the name that touches the dot ('left': name to the right). */
export type Anchor = 'left' | 'right' | 'top' | 'bottom';
export const ANCHORS: Anchor[] = ['left', 'right', 'top', 'bottom'];

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Room kept between names, beyond maplibre's own padding and the estimate's error (CSS px). */
const CLEARANCE = 4;

const overlap = (a: Box, b: Box) =>
  a.left < b.right + CLEARANCE &&
  b.left < a.right + CLEARANCE &&
  a.top < b.bottom + CLEARANCE &&
  b.top < a.bottom + CLEARANCE;

/** The side chosen for each name, by place id; a name that fits nowhere keeps maplibre's order. */
export function nameSides(
  names: { id: string; at: LngLat; text: string }[],
  camera: Camera,
  pane: { width: number; height: number; symbolScale?: number },
  area: Rect,
): [id: string, anchor: Anchor][] {
  const scale = pane.symbolScale ?? 1;
  const { size, offset } = SYMBOLS.ownPlaceLabel;
  const gap = offset * size * scale;
  const dot = (SYMBOLS.ownPlace.radius + SYMBOLS.ownPlace.strokeWidth) * scale;
  const points = names.map((name) => {
    const [x, y] = project(name.at, camera, pane);
    const label = labelSize(name.text, SYMBOLS.ownPlaceLabel);
    return { ...name, x, y, width: label.width * scale, height: label.height * scale };
  });
  const taken: Box[] = points.map(({ x, y }) => ({
    left: x - dot,
    right: x + dot,
    top: y - dot,
    bottom: y + dot,
  }));
  const inside = (box: Box) =>
    box.left >= area.x &&
    box.top >= area.y &&
    box.right <= area.x + area.width &&
    box.bottom <= area.y + area.height;
  // West to east: a name to the right of its dot rarely meets the names placed before it.
  const chosen: [string, Anchor][] = [];
  for (const [i, p] of [...points.entries()].sort(([, a], [, b]) => a.x - b.x)) {
    const boxes: Record<Anchor, Box> = {
      left: {
        left: p.x + gap,
        right: p.x + gap + p.width,
        top: p.y - p.height / 2,
        bottom: p.y + p.height / 2,
      },
      right: {
        left: p.x - gap - p.width,
        right: p.x - gap,
        top: p.y - p.height / 2,
        bottom: p.y + p.height / 2,
      },
      top: {
        left: p.x - p.width / 2,
        right: p.x + p.width / 2,
        top: p.y + gap,
        bottom: p.y + gap + p.height,
      },
      bottom: {
        left: p.x - p.width / 2,
        right: p.x + p.width / 2,
        top: p.y - gap - p.height,
        bottom: p.y - gap,
      },
    };
    const dots = taken.slice(0, points.length).filter((_, j) => j !== i);
    const names = taken.slice(points.length);
    const free = (side: Anchor, avoid: Box[]) =>
      inside(boxes[side]) && !avoid.some((box) => overlap(box, boxes[side]));
    // Clear of the other dots and names; failing that, of the names (maplibre only keeps names
    // apart: a name over another place's dot is drawn, two names on each other are not).
    const anchor =
      ANCHORS.find((side) => free(side, [...dots, ...names])) ??
      ANCHORS.find((side) => free(side, names));
    if (!anchor) continue;
    chosen.push([p.id, anchor]);
    taken.push(boxes[anchor]);
  }
  return chosen.sort(([a], [b]) => a.localeCompare(b));
}

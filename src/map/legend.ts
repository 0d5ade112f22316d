/**
 * What a step's legend lists: the kinds of thing its map draws that can be seen in its view, in
 * the map's own symbols and colours. Computed at build from the prepared layers, so the legend
 * never names what is not on the map.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Bounds, Step, View } from '../story/types.ts';
import { ACTORS, isActor } from './actors.ts';
import { ZONE_PATTERNS } from './patterns.ts';

export type LegendSymbol =
  | { kind: 'place'; highlighted: boolean }
  | { kind: 'movement' | 'route' | 'link'; colour: string }
  | { kind: 'zone'; colour: string; pattern: string }
  | { kind: 'demarcation' | 'dmz' };

export interface LegendEntry {
  label: string;
  symbol: LegendSymbol;
}

/** What the lines of each layer are, after the actor's name. */
const LINE_KINDS: Record<string, { kind: 'movement' | 'route' | 'link'; noun: string }> = {
  'troop-movements': { kind: 'movement', noun: 'troop movement' },
  'supply-routes': { kind: 'route', noun: 'supply route' },
  diplomacy: { kind: 'link', noun: 'journey to talks' },
};

/**
 * The step's legend. `view` is the area the step shows (for a camera view, its extent in a
 * typical window); a feature wholly outside it is not on the map and not in the legend.
 */
export function legendFor(
  step: Pick<Step, 'layers' | 'period' | 'highlight'>,
  view: Bounds,
  layers: Record<string, FeatureCollection>,
): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  const add = (label: string, symbol: LegendSymbol) => {
    if (!entries.has(label)) entries.set(label, { label, symbol });
  };
  const highlighted = new Set(step.highlight.map(({ layer, id }) => `${layer}/${id}`));
  for (const layer of step.layers) {
    const shown = (layers[layer]?.features ?? []).filter(
      (feature) => existsDuring(feature, step.period) && inView(feature, view),
    );
    for (const feature of shown) {
      const { actor, kind, id } = feature.properties ?? {};
      const who = isActor(actor) ? ACTORS[actor] : null;
      if (layer === 'places') {
        const own = highlighted.has(`places/${String(id)}`);
        add(own ? 'Place in this step' : 'Place', { kind: 'place', highlighted: own });
      } else if (layer === 'demarcation') {
        add('Demarcation line (1954)', { kind: 'demarcation' });
      } else if (layer === 'dmz') {
        add('Demilitarized zone (1954)', { kind: 'dmz' });
      } else if (layer === 'zones' && who) {
        const pattern = ZONE_PATTERNS[String(kind)];
        if (pattern)
          add(`${who.label}: ${pattern.label.toLowerCase()}`, {
            kind: 'zone',
            colour: who.colour,
            pattern: String(kind),
          });
      } else if (LINE_KINDS[layer] && who) {
        const { kind: symbol, noun } = LINE_KINDS[layer];
        add(`${who.label}: ${noun}`, { kind: symbol, colour: who.colour });
      }
    }
  }
  return [...entries.values()];
}

function existsDuring(feature: Feature, [from, to]: [number, number]): boolean {
  const p = feature.properties ?? {};
  return typeof p.from === 'number' && typeof p.to === 'number' && p.from <= to && p.to >= from;
}

function inView(feature: Feature, [[west, south], [east, north]]: Bounds): boolean {
  const [w, s, e, n] = extent(feature);
  return w <= east && e >= west && s <= north && n >= south;
}

function extent(feature: Feature): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [x, y] = value as number[];
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  return box;
}

/** A typical map pane, in CSS pixels, for a camera view's extent. */
const PANE = { width: 1000, height: 700 };

/** The area a view shows: its bounds, or a camera's extent in a typical pane. */
export function viewExtent(view: View): Bounds {
  if (view.kind === 'bounds') return view.bounds;
  const worldPx = 512 * 2 ** view.zoom;
  const halfLng = (PANE.width / 2 / worldPx) * 360;
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const lat = (yy: number) => (360 / Math.PI) * Math.atan(Math.exp(yy)) - 90;
  const halfY = (PANE.height / 2 / worldPx) * 2 * Math.PI;
  const cy = y(view.center[1]);
  return [
    [view.center[0] - halfLng, lat(cy - halfY)],
    [view.center[0] + halfLng, lat(cy + halfY)],
  ];
}

/**
 * What the legend lists: the kinds of thing the map has drawn in view right now (read back from
 * the rendered features), in the map's own symbols and colours, so it never names what is not on
 * the map.
 */
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

/** A feature the map has drawn: its story layer and its properties. */
export interface DrawnFeature {
  layer: string;
  properties: Record<string, unknown>;
}

/** What the lines of each layer are, after the actor's name. */
const LINE_KINDS: Record<string, { kind: 'movement' | 'route' | 'link'; noun: string }> = {
  'troop-movements': { kind: 'movement', noun: 'troop movement' },
  'supply-routes': { kind: 'route', noun: 'supply route' },
  diplomacy: { kind: 'link', noun: 'journey to talks' },
};

/** Legend order: points, then the lines that matter most, then areas. */
const ORDER = [
  'places',
  'demarcation',
  'dmz',
  'troop-movements',
  'supply-routes',
  'diplomacy',
  'zones',
];

/** A feature as published, with its period as YYYYMMDD numbers. */
interface DatedFeature {
  properties: Record<string, unknown> & { from: number; to: number };
}

/**
 * A step's key, built with the story: every kind of symbol the step draws (the features of its
 * layers that exist in its period). Known before the map draws, so the key's size is part of the
 * layout the step is framed in.
 */
export function keyFor(
  {
    layers,
    period,
    highlight,
  }: { layers: string[]; period: [number, number]; highlight: { layer: string; id: string }[] },
  features: Record<string, DatedFeature[]>,
): LegendEntry[] {
  const drawn = layers.flatMap((layer) =>
    (features[layer] ?? [])
      .filter(({ properties: p }) => p.from <= period[1] && p.to >= period[0])
      .map(({ properties }) => ({ layer, properties })),
  );
  return legendFor(drawn, new Set(highlight.map((f) => `${f.layer}/${f.id}`)));
}

/**
 * The legend for these drawn features, once per kind of symbol. `highlighted` holds the step's
 * own features as "layer/id".
 */
export function legendFor(drawn: DrawnFeature[], highlighted: Set<string>): LegendEntry[] {
  const entries = new Map<string, LegendEntry & { rank: number }>();
  for (const { layer, properties } of drawn) {
    const entry = entryFor(layer, properties, highlighted);
    if (entry && !entries.has(entry.label))
      entries.set(entry.label, { ...entry, rank: ORDER.indexOf(layer) });
  }
  return [...entries.values()]
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .map(({ label, symbol }) => ({ label, symbol }));
}

function entryFor(
  layer: string,
  { actor, kind, id }: Record<string, unknown>,
  highlighted: Set<string>,
): LegendEntry | null {
  const who = isActor(actor) ? ACTORS[actor] : null;
  if (layer === 'places') {
    const own = highlighted.has(`places/${String(id)}`);
    return {
      label: own ? 'Place in this step' : 'Place',
      symbol: { kind: 'place', highlighted: own },
    };
  }
  if (layer === 'demarcation')
    return { label: 'Demarcation line (1954)', symbol: { kind: 'demarcation' } };
  if (layer === 'dmz') return { label: 'Demilitarized zone (1954)', symbol: { kind: 'dmz' } };
  const pattern = ZONE_PATTERNS[String(kind)];
  if (layer === 'zones' && who && pattern)
    return {
      label: `${who.label}: ${pattern.label.toLowerCase()}`,
      symbol: { kind: 'zone', colour: who.colour, pattern: String(kind) },
    };
  const line = LINE_KINDS[layer];
  if (line && who)
    return { label: `${who.label}: ${line.noun}`, symbol: { kind: line.kind, colour: who.colour } };
  return null;
}

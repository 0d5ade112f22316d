/**
 * What the key lists: the kinds of symbol the map draws (the step's, built with the story; in the
 * explore view, read back from the rendered features), in the map's own symbols and colours, so it
 * never names what is not on the map. What the step is not about shares one grey entry.
 */
import { ACTORS, isActor } from './actors.ts';
import { ZONE_PATTERNS } from './patterns.ts';
import type { Step } from '../story/types.ts';

export type LegendSymbol =
  | { kind: 'place'; highlighted: boolean }
  | { kind: 'movement' | 'planned' | 'route' | 'link'; colour: string }
  /** A zone: patterned when highlighted, else a wash of the actor's colour (pattern null). */
  | { kind: 'zone'; colour: string; pattern: string | null }
  /** What the step is not about, drawn quiet and grey. */
  | { kind: 'context-line' | 'context-zone' }
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

/** Which drawn features are highlighted and which are the step's own, as "layer/id". */
export interface Tiers {
  highlighted: Set<string>;
  /** 'all' in the explore view, where every feature is drawn as its own. */
  own: Set<string> | 'all';
}

/** What the lines of each layer are, after the actor's name. */
const LINE_KINDS: Record<string, { kind: 'movement' | 'route' | 'link'; noun: string }> = {
  'troop-movements': { kind: 'movement', noun: 'troop movement' },
  'supply-routes': { kind: 'route', noun: 'supply route' },
  diplomacy: { kind: 'link', noun: 'journey' },
};

/** Key order: points, then the lines that matter most, then areas, then the quiet context. */
const ORDER = [
  'places',
  'demarcation',
  'dmz',
  'troop-movements',
  'supply-routes',
  'diplomacy',
  'zones',
  'context',
];

/** A feature as published, with its period as YYYYMMDD numbers. */
interface DatedFeature {
  properties: Record<string, unknown> & { from: number; to: number };
}

/**
 * A step's key, built with the story: the symbols the step draws (its own places and those it
 * names, its layers' features in its period). Known before the map draws, so the key's size is
 * part of the layout the step is framed in.
 */
export function keyFor(
  {
    layers,
    period,
    highlight,
    own,
    places,
  }: Pick<Step, 'layers' | 'period' | 'highlight' | 'own' | 'places'>,
  features: Record<string, DatedFeature[]>,
): LegendEntry[] {
  const highlighted = new Set(highlight.map((f) => `${f.layer}/${f.id}`));
  const named = new Set(places);
  const drawn = layers.flatMap((layer) =>
    (features[layer] ?? [])
      .filter(({ properties: p }) => p.from <= period[1] && p.to >= period[0])
      .filter(
        ({ properties: p }) =>
          layer !== 'places' ||
          named.has(String(p.id)) ||
          highlighted.has(`places/${String(p.id)}`),
      )
      .map(({ properties }) => ({ layer, properties })),
  );
  return legendFor(drawn, { highlighted, own: new Set(own.map((f) => `${f.layer}/${f.id}`)) });
}

/** The key for these drawn features, once per kind of symbol. */
export function legendFor(drawn: DrawnFeature[], tiers: Tiers): LegendEntry[] {
  const entries = new Map<string, LegendEntry & { rank: number }>();
  for (const { layer, properties } of drawn) {
    const entry = entryFor(layer, properties, tiers);
    if (entry && !entries.has(entry.label)) entries.set(entry.label, entry);
  }
  return [...entries.values()]
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .map(({ label, symbol }) => ({ label, symbol }));
}

function entryFor(
  layer: string,
  { actor, kind, id, status }: Record<string, unknown>,
  { highlighted, own }: Tiers,
): (LegendEntry & { rank: number }) | null {
  const key = `${layer}/${String(id)}`;
  const rank = ORDER.indexOf(layer);
  const who = isActor(actor) ? ACTORS[actor] : null;
  if (layer === 'places') {
    const isOwn = highlighted.has(key);
    return {
      label: isOwn ? 'Place in this step' : 'Place',
      symbol: { kind: 'place', highlighted: isOwn },
      rank,
    };
  }
  if (layer === 'demarcation')
    return { label: 'Demarcation line (1954)', symbol: { kind: 'demarcation' }, rank };
  if (layer === 'dmz') return { label: 'Demilitarized zone (1954)', symbol: { kind: 'dmz' }, rank };
  const isOwn = own === 'all' || own.has(key) || highlighted.has(key);
  const pattern = ZONE_PATTERNS[String(kind)];
  const line = LINE_KINDS[layer];
  if (!isOwn && (pattern || line)) {
    const zone = layer === 'zones';
    return {
      label: zone ? 'Other zones of the time' : 'Other movements, routes and journeys',
      symbol: { kind: zone ? 'context-zone' : 'context-line' },
      rank: ORDER.indexOf('context') + (zone ? 0.5 : 0),
    };
  }
  if (layer === 'zones' && who && pattern)
    return {
      label: `${who.label}: ${pattern.label.toLowerCase()}`,
      symbol: {
        kind: 'zone',
        colour: who.colour,
        pattern: highlighted.has(key) ? String(kind) : null,
      },
      rank,
    };
  if (line && who && status === 'planned')
    return {
      label: `${who.label}: planned movement, never carried out`,
      symbol: { kind: 'planned', colour: who.colour },
      rank,
    };
  if (line && who)
    return {
      label: `${who.label}: ${line.noun}`,
      symbol: { kind: line.kind, colour: who.colour },
      rank,
    };
  return null;
}

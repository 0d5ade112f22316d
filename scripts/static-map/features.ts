/** Which features a step's static map draws, grouped as they share a path, and its title. */
import type { Feature, FeatureCollection } from 'geojson';
import { nameAt } from '../../src/geo/features.ts';
import { ACTORS, isActor } from '../../src/map/actors.ts';
import type { LineSymbol } from '../../src/map/symbology.ts';
import type { Step } from '../../src/story/types.ts';

export type Layers = Record<string, FeatureCollection>;

export function props(feature: Feature): Record<string, unknown> {
  return feature.properties ?? {};
}

/**
 * The features of a layer the step shows that exist during the step, split into the others and
 * the step's highlighted ones.
 */
export function stepFeatures(step: Step, layers: Layers, layer: string): [Feature[], Feature[]] {
  if (!step.layers.includes(layer)) return [[], []];
  const [from, to] = step.period;
  const existing = (layers[layer]?.features ?? []).filter((feature) => {
    const p = props(feature);
    return typeof p.from === 'number' && typeof p.to === 'number' && p.from <= to && p.to >= from;
  });
  const highlighted = new Set(step.highlight.flatMap((h) => (h.layer === layer ? [h.id] : [])));
  const isHighlighted = (feature: Feature) => highlighted.has(String(props(feature).id));
  return [existing.filter((feature) => !isHighlighted(feature)), existing.filter(isHighlighted)];
}

/** A feature's colour in a symbol: its actor's, or the symbol's own. */
export function colourOf(feature: Feature, symbol: LineSymbol): string {
  const actor = props(feature).actor;
  return symbol.byActor && isActor(actor) ? ACTORS[actor].colour : symbol.colour;
}

/** Features grouped by a key (e.g. their colour), in first-seen order. */
export function groups(
  features: Feature[],
  key: (feature: Feature) => string,
): [string, Feature[]][] {
  const byKey = new Map<string, Feature[]>();
  for (const feature of features)
    byKey.set(key(feature), [...(byKey.get(key(feature)) ?? []), feature]);
  return [...byKey];
}

/**
 * A feature's name as it was at the step's date (its period name, else its name): at the end of a
 * step's span, where its text arrives (a 1949 step says Beijing, renamed from Peiping in September).
 */
export function nameOf(feature: Feature, step: Step): string {
  const p = props(feature);
  return nameAt({ name: String(p.name ?? ''), names: p.names }, step.period[1]);
}

/** The title read out for the map: its date and what it is about. */
export function titleOf(step: Step, layers: Layers): string {
  const names = step.highlight.flatMap(({ layer, id }) => {
    const feature = layers[layer]?.features.find((f) => props(f).id === id);
    const name = feature && nameOf(feature, step);
    return name ? [name] : [];
  });
  return names.length ? `Map for ${step.date}: ${names.join(', ')}` : `Map for ${step.date}`;
}

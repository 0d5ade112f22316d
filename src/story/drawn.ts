/**
 * What a step draws, decided at build: the features at full strength (its own) and the places it
 * names beside them. Everything else of its layers in its period is quiet context; a place that is
 * neither its own nor named here is not drawn at all (the map never shows a dot it does not name).
 */
import { normal } from './map-text.ts';
import type { FeatureRef, Inline, Step } from './types.ts';

/** The layers whose features belong to a step when they begin within its period. */
export const EVENT_LAYERS = ['troop-movements', 'supply-routes', 'diplomacy', 'zones'];

/** A feature as published: its period as YYYYMMDD numbers, and what the checks read. */
export interface PublishedFeature {
  properties: {
    id: string;
    kind: string;
    name: string;
    aliases?: string[];
    names?: [from: number, to: number, name: string][];
    from: number;
    to: number;
  };
}

/**
 * A step's own features: its highlights, and the movements, routes, journeys and zones of its
 * layers that begin within its period (the events of the paragraph, not what was there before).
 */
export function ownFeatures(
  { layers, period, highlight }: Pick<Step, 'layers' | 'period' | 'highlight'>,
  features: Record<string, PublishedFeature[]>,
): FeatureRef[] {
  const own = [...highlight];
  for (const layer of EVENT_LAYERS) {
    if (!layers.includes(layer)) continue;
    for (const { properties: p } of features[layer] ?? []) {
      const begins = p.from >= period[0] && p.from <= period[1];
      if (begins && !own.some((f) => f.layer === layer && f.id === p.id))
        own.push({ layer, id: p.id });
    }
  }
  return own;
}

/**
 * The places a step names besides its own: those its text links, those its map sentence names,
 * and the capitals of the day, which orient the reader. Each is drawn with its name or not at all.
 */
export function namedPlaces(
  {
    period,
    highlight,
    paragraphs,
    mapText,
  }: Pick<Step, 'period' | 'highlight' | 'paragraphs' | 'mapText'>,
  places: PublishedFeature[],
): string[] {
  const own = new Set(highlight.filter((f) => f.layer === 'places').map((f) => f.id));
  const linked = new Set(paragraphs.flat().flatMap((part: Inline) => placeOf(part)));
  const sentence = ` ${normal(mapText).replace(/[^\p{L}\p{N}' -]/gu, ' ')} `;
  const inSentence = (names: string[]) =>
    names.some((name) => sentence.includes(` ${normal(name)} `));
  return places
    .map(({ properties: p }) => p)
    .filter((p) => p.from <= period[1] && p.to >= period[0] && !own.has(p.id))
    .filter(
      (p) =>
        p.kind === 'capital' ||
        linked.has(p.id) ||
        inSentence([p.name, ...(p.aliases ?? []), ...(p.names ?? []).map(([, , name]) => name)]),
    )
    .map((p) => p.id);
}

const placeOf = (part: Inline): string[] =>
  typeof part === 'object' && 'place' in part ? [part.place] : [];

/**
 * What a step draws, decided at build: the features at full strength (its own) and the places it
 * names beside them. Everything else of its layers in its period is quiet context; a place that is
 * neither its own nor named here is not drawn at all (the map never shows a dot it does not name).
 */
import { normal } from './map-text.ts';
import type { FeatureRef, Inline, Step } from './types.ts';

/**
 * Movements and journeys are events: one under way at the step's date belongs to it, unless it is
 * a presence of years (PAVN troops in Laos, 1960-73), which belongs only where it begins or ends.
 */
const EVENT_LAYERS = ['troop-movements', 'diplomacy'];
/** A year, in YYYYMMDD arithmetic. */
const YEAR = 10000;
/** Routes and zones stand for years: one belongs to a step only if it begins within its period. */
const STANDING_LAYERS = ['supply-routes', 'zones'];

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
 * A step's own features: its highlights, the movements and journeys of its layers under way in its
 * period (those of years only where they begin or end), and the routes and zones that begin within
 * it (not those that were there before).
 */
export function ownFeatures(
  { layers, period, highlight }: Pick<Step, 'layers' | 'period' | 'highlight'>,
  features: Record<string, PublishedFeature[]>,
): FeatureRef[] {
  const own = [...highlight];
  for (const layer of [...EVENT_LAYERS, ...STANDING_LAYERS]) {
    if (!layers.includes(layer)) continue;
    const event = EVENT_LAYERS.includes(layer);
    for (const { properties: p } of features[layer] ?? []) {
      const begins = p.from >= period[0] && p.from <= period[1];
      const ends = p.to >= period[0] && p.to <= period[1];
      const underWay = p.from <= period[1] && p.to >= period[0];
      const belongs = event ? underWay && (p.to - p.from <= YEAR || begins || ends) : begins;
      if (belongs && !own.some((f) => f.layer === layer && f.id === p.id))
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

/**
 * Steps whose highlighted zones would carry more than one pattern: stacked patterns read as noise,
 * so a frame has one (zones of one kind and one actor); the other zones are tints.
 */
export function patternProblems(
  steps: Pick<Step, 'id' | 'highlight'>[],
  zones: { properties: { id: string; kind: string; actor?: string } }[],
  where: Map<string, string>,
): string[] {
  const byId = new Map(zones.map(({ properties: p }) => [p.id, p]));
  return steps.flatMap((step) => {
    const patterns = [
      ...new Set(
        step.highlight
          .filter((f) => f.layer === 'zones')
          .flatMap((f) => {
            const zone = byId.get(f.id);
            return zone ? [`${zone.kind} of ${zone.actor ?? 'no actor'}`] : [];
          }),
      ),
    ];
    return patterns.length > 1
      ? [
          `${where.get(step.id) ?? step.id}: step "${step.id}" highlights zones with ${patterns.length} patterns (${patterns.join(', ')}); highlight zones of one kind and actor, the others are drawn as tints`,
        ]
      : [];
  });
}

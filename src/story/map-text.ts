/**
 * The map sentence and the drawing agree (checked at build): screen-reader users hear a step's
 * `map:` sentence as the map, so
 * - every subject of the step (its highlights, and its own movements, routes and zones: those it
 *   draws at full strength, src/story/drawn.ts) is named in it or in the caption, by name, alias or
 *   period name (a name's bracketed qualifier may be left out);
 * - every place, movement, route or zone the sentence or the caption names is drawn at the step
 *   (layer on, feature in its period); state labels and diplomatic journeys are context and not
 *   held to this;
 * - a planned or disputed subject is called so.
 */
import { formatPeriod, periodsOverlap } from '../geo/dates.ts';
import type { FeatureStatus, StoryFeature } from '../geo/features.ts';
import type { Step } from './types.ts';

export interface NamedFeature {
  id: string;
  layer: string;
  period: [number, number];
  /** Name, aliases and period names. */
  names: string[];
  status?: FeatureStatus;
}

export type MapTextStep = Pick<
  Step,
  'id' | 'mapText' | 'caption' | 'layers' | 'highlight' | 'own' | 'period'
> & {
  /** file:line of the step, for the messages. */
  where: string;
};

/** The layers whose features a sentence may only name when they are drawn. */
const HELD_LAYERS = new Set([
  'places',
  'troop-movements',
  'supply-routes',
  'zones',
  'demarcation',
  'dmz',
]);
/** The layers whose own features are a step's subjects (journeys are context, unless highlighted). */
const SUBJECT_LAYERS = new Set(['troop-movements', 'supply-routes', 'zones']);
const STATUS_WORDS: Record<FeatureStatus, RegExp> = {
  planned: /\b(planned|proposed|never carried out)\b/i,
  disputed: /\b(disputed|contested|reported)\b/i,
};

export function mapTextProblems(steps: MapTextStep[], features: NamedFeature[]): string[] {
  const byKey = new Map(features.map((f) => [`${f.layer}/${f.id}`, f]));
  const carriers = new Map<string, NamedFeature[]>();
  for (const feature of features) {
    for (const name of new Set(feature.names.map(normal))) {
      if (name.length < 2) continue;
      carriers.set(name, [...(carriers.get(name) ?? []), feature]);
    }
  }
  // Longest first, so "Ho Chi Minh Trail" is read before "Ho Chi Minh" and "Kingdom of Laos" before "Laos".
  const phrases = [...carriers.keys()].sort((a, b) => b.length - a.length);
  return steps.flatMap((step) => {
    const words = normal(`${step.mapText} ${step.caption}`);
    const at = `${step.where}: step "${step.id}"`;
    const problems: string[] = [];
    const highlighted = (id: string, layer: string) =>
      step.highlight.some((h) => h.id === id && h.layer === layer);
    const subjects = step.own.filter(
      ({ id, layer }) => highlighted(id, layer) || SUBJECT_LAYERS.has(layer),
    );
    for (const { layer, id } of subjects) {
      const feature = byKey.get(`${layer}/${id}`);
      if (!feature) continue;
      const why = highlighted(id, layer) ? 'highlights' : 'draws as its own';
      const named = variants(feature).some((name) => occurrences(words, name).length > 0);
      if (!named)
        problems.push(
          `${at}: neither the map sentence nor the caption names "${id}" (${feature.names[0]}), which the step ${why}; name it in "map:" by its name, an alias or its period name${why === 'highlights' ? ', or drop it from "highlight"' : ''}`,
        );
      else if (feature.status && !STATUS_WORDS[feature.status].test(words))
        problems.push(
          `${at}: the map sentence or caption names "${id}" but not that it is ${feature.status}; say so ("${feature.status}")`,
        );
    }
    for (const [field, key] of [
      ['map sentence', 'map'],
      ['caption', 'caption'],
    ] as const) {
      const said = key === 'map' ? step.mapText : step.caption;
      for (const [phrase, f] of namedButNotDrawn(normal(said), step, phrases, carriers)) {
        const reason = step.layers.includes(f.layer)
          ? `it exists ${formatPeriod(f.period)}, not at the step's date`
          : `its layer "${f.layer}" is not in "layers"`;
        problems.push(
          `${at}: the ${field} names "${phrase}" (${f.layer} feature "${f.id}"), which the map does not draw at this step (${reason}); draw it or take it out of "${key}:"`,
        );
      }
    }
    return problems;
  });
}

/** The held features a text names (each phrase read once, longest first) that the step does not draw. */
function namedButNotDrawn(
  text: string,
  step: MapTextStep,
  phrases: string[],
  carriers: Map<string, NamedFeature[]>,
): [string, NamedFeature][] {
  const found: [string, NamedFeature][] = [];
  const taken: boolean[] = [];
  for (const phrase of phrases) {
    for (const start of occurrences(text, phrase)) {
      const end = start + phrase.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      const who = carriers.get(phrase)!;
      if (!who.some((f) => !HELD_LAYERS.has(f.layer) || drawn(f, step)))
        found.push([phrase, who[0]!]);
    }
  }
  return found;
}

const drawn = (f: NamedFeature, step: MapTextStep) =>
  step.layers.includes(f.layer) && periodsOverlap(f.period, step.period);

/** A feature's names, each also without a bracketed qualifier ("Ho Chi Minh Trail (main corridor)"). */
function variants(feature: NamedFeature): string[] {
  return feature.names.flatMap((name) => {
    const bare = name.replace(/\s*\([^)]*\)/g, '').trim();
    return bare && bare !== name ? [normal(name), normal(bare)] : [normal(name)];
  });
}

/** Lower case, one kind of apostrophe and dash, single spaces: how names are compared. */
export function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const LETTER = /[\p{L}\p{N}]/u;

/** Where a phrase occurs in a text as whole words. */
function occurrences(text: string, phrase: string): number[] {
  const found: number[] = [];
  if (!phrase) return found;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    const before = text[i - 1];
    const after = text[i + phrase.length];
    if ((!before || !LETTER.test(before)) && (!after || !LETTER.test(after))) found.push(i);
  }
  return found;
}

/** The features of the story layers as the check reads them. */
export function namedFeatures(
  layers: Record<string, { properties: StoryFeature['properties'] }[]>,
) {
  return Object.entries(layers).flatMap(([layer, features]) =>
    features.map(({ properties: p }): NamedFeature => ({
      id: p.id,
      layer,
      period: [p.from, p.to],
      names: [p.name, ...(p.aliases ?? []), ...(p.names ?? []).map(([, , name]) => name)],
      status: p.status,
    })),
  );
}

/**
 * Turns the parsed content into the story the app reads, checking it against the GeoJSON layers.
 * Every problem is collected (file, line, step, reason) so one build run reports them all.
 */
import { formatPeriod, periodsOverlap, stepPeriod } from '../geo/dates.ts';
import { ContentError, type RawNotes, type RawSection, type RawStep } from './parse.ts';
import type { Bounds, Callout, LngLat, Note, Section, Step, Story, Subject } from './types.ts';
import { list, resolveView } from './resolve-view.ts';
import { subjectOf } from './subject.ts';
import type { CatalogFeature } from '../geo/layer-file.ts';

/** What the story needs to know of each layer's features. */
export type LayerCatalog = Record<
  string,
  Record<
    string,
    Pick<CatalogFeature, 'bbox' | 'period'> & Partial<Pick<CatalogFeature, 'name' | 'names'>>
  >
>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A caption is one line on a phone; a callout a short phrase beside the subject. */
export const CAPTION_MAX = 80;
const CALLOUTS_MAX = 3;
const CALLOUT_TEXT_MAX = 60;
const STEP_KEYS = new Set([
  'date',
  'map',
  'caption',
  'callouts',
  'layers',
  'highlight',
  'center',
  'zoom',
  'bearing',
  'pitch',
  'bounds',
  'fit',
]);
/** The layer whose features begun within a step's period draw themselves as the reader scrolls. */
const MOVEMENTS = 'troop-movements';

/** The movements that begin within a period (and so draw themselves through the step). */
export function movingIn(period: [number, number], features: LayerCatalog[string]): string[] {
  return Object.entries(features)
    .filter(
      ([
        ,
        {
          period: [from, to],
        },
      ]) => from >= period[0] && from <= period[1] && to >= period[0],
    )
    .map(([id]) => id)
    .sort();
}

export function resolveStory(
  sections: RawSection[],
  notes: RawNotes,
  catalog: LayerCatalog,
): Story {
  const problems: string[] = [];
  const seenSteps = new Map<string, string>();
  const seenSections = new Set<string>();
  const outSections: Section[] = [];
  const steps: Step[] = [];

  for (const raw of sections) {
    const sectionId = raw.fields.id?.value ?? '';
    const title = raw.fields.title?.value ?? '';
    if (!SLUG.test(sectionId))
      problems.push(`${raw.file}: the front matter has no "id"; add one, e.g. "id: geneva-1954"`);
    else if (seenSections.has(sectionId))
      problems.push(
        `${raw.file}: section id "${sectionId}" is used twice; give each section its own id`,
      );
    seenSections.add(sectionId);
    if (!title)
      problems.push(
        `${raw.file}: the front matter has no "title"; add the section's title as in the article`,
      );
    if (raw.steps.length === 0)
      problems.push(
        `${raw.file}: the section has no steps; add a "## step: <id>" with its text, or delete the file`,
      );
    const section: Section = { id: sectionId, title, stepIds: [] };
    for (const rawStep of raw.steps) {
      const where = `${raw.file}:${rawStep.line}: step "${rawStep.id}"`;
      const report = (reason: string) => problems.push(`${where}: ${reason}`);
      if (!SLUG.test(rawStep.id))
        report('the id is not a slug; use lowercase letters, digits and hyphens');
      const earlier = seenSteps.get(rawStep.id);
      if (earlier) report(`the id is already used at ${earlier}; rename one of the two`);
      seenSteps.set(rawStep.id, `${raw.file}:${rawStep.line}`);
      const step = resolveStep(rawStep, sectionId, steps.length, catalog, report);
      if (step) {
        steps.push(step);
        section.stepIds.push(step.id);
      }
    }
    outSections.push(section);
  }

  // Marks are checked on every step, even one with other problems, so one mistake reports once.
  const marks = sections.flatMap((raw) =>
    raw.steps.map(({ id, line, paragraphs }) => ({
      where: `${raw.file}:${line}: step "${id}"`,
      paragraphs,
    })),
  );
  const resolvedNotes = resolveNotes(notes, marks, problems);
  if (problems.length) throw new ContentError(problems);
  const places = Object.fromEntries(
    Object.entries(catalog.places ?? {}).map(([id, { bbox }]): [string, LngLat] => [
      id,
      [bbox[0], bbox[1]],
    ]),
  );
  return { sections: outSections, steps, notes: resolvedNotes, places, stateNames: [] };
}

function resolveStep(
  raw: RawStep,
  section: string,
  index: number,
  catalog: LayerCatalog,
  report: (reason: string) => void,
): Step | undefined {
  let ok = true;
  const fail = (reason: string) => {
    ok = false;
    report(reason);
  };
  for (const key of Object.keys(raw.fields)) {
    if (!STEP_KEYS.has(key))
      fail(
        `unknown key "${key}" (line ${raw.fields[key]!.line}); the keys are ${[...STEP_KEYS].join(', ')}`,
      );
  }
  if (raw.paragraphs.length === 0) fail('has no text; add its paragraphs after a blank line');

  let period: [number, number] = [0, 0];
  const date = raw.fields.date?.value ?? '';
  if (!date)
    fail(
      'has no "date"; add the moment it is about, as YYYY, YYYY-MM or YYYY-MM-DD, or a range such as 1953-11/1954-05',
    );
  else {
    try {
      period = stepPeriod(date);
    } catch (error) {
      fail(`bad date: ${(error as Error).message}`);
    }
  }

  const mapText = raw.fields.map?.value ?? '';
  if (!mapText)
    fail('has no "map"; add a sentence saying what the map shows (read to screen-reader users)');

  const caption = raw.fields.caption?.value ?? '';
  if (!caption)
    fail(
      'has no "caption"; add one line for the map saying what it shows and when, e.g. "Vietnam divided at the 17th parallel, July 1954"',
    );
  else if (caption.length > CAPTION_MAX)
    fail(
      `its "caption" is ${caption.length} characters; keep it to ${CAPTION_MAX}, one line on a phone`,
    );

  const layers = list(raw.fields.layers);
  for (const layer of layers) {
    if (!catalog[layer])
      fail(
        `names a layer "${layer}" that is not in geo/ (known: ${Object.keys(catalog).join(', ')})`,
      );
  }

  const highlight: Step['highlight'] = [];
  for (const id of list(raw.fields.highlight)) {
    const layer = layers.find((name) => catalog[name]?.[id]);
    if (!layer) {
      fail(
        `highlights "${id}", which is in none of its layers (${layers.join(', ') || 'none'}); fix the id or add its layer to "layers"`,
      );
      continue;
    }
    const feature = catalog[layer]![id]!;
    if (ok && !periodsOverlap(feature.period, period)) {
      fail(
        `highlights "${id}", which the map does not show at ${date} (it exists ${formatPeriod(feature.period)})`,
      );
    }
    highlight.push({ layer, id });
  }

  const view = resolveView(raw.fields, catalog, fail);
  if (!ok || !view) return undefined;
  const moving = layers.includes(MOVEMENTS) ? movingIn(period, catalog[MOVEMENTS] ?? {}) : [];
  const subject = subjectOf({ highlight, moving, period }, catalog);
  const callouts = resolveCallouts(
    raw.fields.callouts?.value ?? '',
    layers,
    subject,
    catalog,
    fail,
  );
  if (!ok) return undefined;
  return {
    id: raw.id,
    section,
    index,
    date,
    period,
    mapText,
    caption,
    callouts,
    layers,
    highlight,
    own: [],
    places: [],
    moving,
    view,
    subject,
    key: [],
    paragraphs: raw.paragraphs,
  };
}

/**
 * A step's callouts, written `anchor = text ; anchor = text`: each anchor a place or a feature of
 * the step's layers (or "lng,lat") inside what the step keeps in view, each text short enough to
 * sit beside the subject without covering it.
 */
function resolveCallouts(
  value: string,
  layers: string[],
  subject: Subject | null,
  catalog: LayerCatalog,
  fail: (reason: string) => void,
): Callout[] {
  const entries = value
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length > CALLOUTS_MAX)
    fail(`has ${entries.length} callouts; keep to ${CALLOUTS_MAX}, or they cover the map`);
  return entries.flatMap((entry): Callout[] => {
    const [anchor = '', ...rest] = entry.split('=').map((part) => part.trim());
    const text = rest.join('=').trim();
    const said = `callout "${entry}"`;
    if (!anchor || !text) {
      fail(`${said} is not "anchor = text"; e.g. "hanoi = 320,000 Chinese troops, 1965-68"`);
      return [];
    }
    if (text.length > CALLOUT_TEXT_MAX) {
      fail(`${said}: the text is ${text.length} characters; keep it to ${CALLOUT_TEXT_MAX}`);
      return [];
    }
    const at = anchorAt(anchor, layers, catalog);
    if (!at) {
      fail(
        `${said}: "${anchor}" is neither a feature of its layers (${layers.join(', ')}) nor "lng,lat"`,
      );
      return [];
    }
    if (!subject || !withinExtent(at, subject.bounds)) {
      fail(
        `${said}: "${anchor}" lies outside what the step keeps in view (its highlights and movements); anchor it to one of those`,
      );
      return [];
    }
    return [{ anchor, at, text }];
  });
}

/** Where a callout points: a point feature's place, a line or area's middle, or "lng,lat". */
function anchorAt(anchor: string, layers: string[], catalog: LayerCatalog): LngLat | null {
  const coordinates = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(anchor);
  if (coordinates) return [Number(coordinates[1]), Number(coordinates[2])];
  for (const layer of ['places', ...layers]) {
    const feature = catalog[layer]?.[anchor];
    if (!feature) continue;
    const [west, south, east, north] = feature.bbox;
    return [(west + east) / 2, (south + north) / 2];
  }
  return null;
}

function withinExtent([lng, lat]: LngLat, [[west, south], [east, north]]: Bounds): boolean {
  const eastward = lng < west ? lng + 360 : lng;
  return (
    eastward >= west - 0.01 && eastward <= east + 0.01 && lat >= south - 0.01 && lat <= north + 0.01
  );
}

function resolveNotes(
  raw: RawNotes,
  steps: { where: string; paragraphs: Step['paragraphs'] }[],
  problems: string[],
): Note[] {
  const count = Number(raw.count?.value);
  if (!Number.isInteger(count) || count < 1) {
    problems.push(
      `${raw.file}: the front matter has no "count"; add the number of notes in the article, e.g. "count: 77"`,
    );
    return [];
  }
  const texts = new Map<number, string>();
  for (const note of raw.texts) {
    if (note.number < 1 || note.number > count) {
      problems.push(
        `${raw.file}:${note.line}: note ${note.number} does not exist (the article has ${count}); fix its number`,
      );
    } else if (texts.has(note.number)) {
      problems.push(`${raw.file}:${note.line}: note ${note.number} is given twice; keep one`);
    } else if (!note.text.trim()) {
      problems.push(
        `${raw.file}:${note.line}: note ${note.number} is empty (leave it out if its text is lost)`,
      );
    }
    texts.set(note.number, note.text.trim());
  }
  const marked = new Map<number, string>();
  let previous = 0;
  for (const step of steps) {
    for (const part of step.paragraphs.flat()) {
      if (typeof part === 'string' || !('note' in part)) continue;
      const where = step.where;
      if (part.note < 1 || part.note > count) {
        problems.push(
          `${where}: marks note ${part.note}, which does not exist (the article has ${count}); fix the mark`,
        );
      } else if (marked.has(part.note)) {
        problems.push(
          `${where}: marks note ${part.note} again (already in ${marked.get(part.note)})`,
        );
      } else if (part.note < previous) {
        problems.push(
          `${where}: marks note ${part.note} after note ${previous}; notes are numbered in the order of the text`,
        );
      }
      marked.set(part.note, where);
      previous = Math.max(previous, part.note);
    }
  }
  const notes: Note[] = [];
  for (let number = 1; number <= count; number++) {
    if (!marked.has(number))
      problems.push(
        `note ${number} is never marked in the text; put [^${number}] where the article marks it`,
      );
    notes.push({ number, text: texts.get(number) ?? null });
  }
  return notes;
}

/**
 * Turns the parsed content into the story the app reads, checking it against the GeoJSON layers.
 * Every problem is collected (file, line, step, reason) so one build run reports them all.
 */
import { formatPeriod, periodsOverlap, stepPeriod } from '../geo/dates.ts';
import { ContentError, type RawNotes, type RawSection, type RawStep } from './parse.ts';
import type { LngLat, Note, Section, Step, Story } from './types.ts';
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
const STEP_KEYS = new Set([
  'date',
  'map',
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
  return {
    id: raw.id,
    section,
    index,
    date,
    period,
    mapText,
    layers,
    highlight,
    moving,
    view,
    subject: subjectOf({ highlight, moving, period }, catalog),
    key: [],
    paragraphs: raw.paragraphs,
  };
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

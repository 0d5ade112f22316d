/**
 * The timeline of Mao's four stages and the key events (src/story/timeline.json), checked against
 * the story at build: every stage and event opens a step that exists.
 */
import { datePeriod, formatPeriod, periodsOverlap, spanPeriod } from '../geo/dates.ts';

export interface Timeline {
  stages: { label: string; summary: string; period: [number, number]; step: string }[];
  events: { label: string; date: string; period: [number, number]; step: string }[];
}

interface RawTimeline {
  stages?: { from?: string; to?: string; summary?: string; step?: string }[];
  events?: { label?: string; date?: string; step?: string }[];
}

/** The timeline, or an error listing every problem (with the file and the entry). */
/**
 * `steps` are the story's step ids, or their periods: then an event must fall within the period of
 * the step it opens (an event opening a step dated before it happened misleads the reader).
 */
export function resolveTimeline(
  file: string,
  text: string,
  steps: Set<string> | Map<string, [number, number]>,
): Timeline {
  const stepIds = new Set(steps.keys());
  const stepPeriods = steps instanceof Map ? steps : undefined;
  const problems: string[] = [];
  let raw: RawTimeline;
  try {
    raw = JSON.parse(text) as RawTimeline;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const stepOf = (where: string, step: string | undefined) => {
    if (!step || !stepIds.has(step))
      problems.push(`${where}: opens step "${step ?? ''}", which does not exist; name a step id`);
    return step ?? '';
  };
  const periodOf = (where: string, from?: string, to?: string): [number, number] => {
    try {
      return spanPeriod(from ?? '', to ?? from ?? '');
    } catch (error) {
      problems.push(`${where}: bad dates (${(error as Error).message})`);
      return [0, 0];
    }
  };
  const stages = (raw.stages ?? []).map((stage, i) => {
    const where = `${file}: stage ${i + 1}`;
    if (!stage.summary)
      problems.push(`${where}: has no "summary"; add its one-line characterisation`);
    const period = periodOf(where, stage.from, stage.to);
    return {
      label: `${stage.from ?? ''}–${(stage.to ?? '').slice(2, 4)}`,
      summary: stage.summary ?? '',
      period,
      step: stepOf(where, stage.step),
    };
  });
  const events = (raw.events ?? []).map((event, i) => {
    const where = `${file}: event ${i + 1} ("${event.label ?? ''}")`;
    if (!event.label) problems.push(`${where}: has no "label"`);
    let period: [number, number] = [0, 0];
    try {
      period = datePeriod(event.date ?? '');
    } catch (error) {
      problems.push(`${where}: bad date (${(error as Error).message})`);
    }
    const opens = event.step && stepPeriods?.get(event.step);
    if (opens && period[0] && !periodsOverlap(opens, period))
      problems.push(
        `${where}: on ${event.date} but opens step "${event.step}", dated ${formatPeriod(opens)}; open a step of its date or fix the step's date`,
      );
    return {
      label: event.label ?? '',
      date: event.date ?? '',
      period,
      step: stepOf(where, event.step),
    };
  });
  if (problems.length) throw new Error(`Invalid timeline:\n  ${problems.join('\n  ')}`);
  return { stages, events };
}

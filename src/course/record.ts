/**
 * What the story tells an LMS about a reading, in the words of each SCORM version's data model.
 * Pure: the conversation with the LMS (src/course/lms.ts) sets these values and commits them.
 */
import type { Story } from '../story/types.ts';

export type ScormVersion = '1.2' | '2004';

/** The data model's element for each thing the story reports (null: the version has none). */
export const ELEMENTS = {
  '1.2': {
    location: 'cmi.core.lesson_location',
    status: 'cmi.core.lesson_status',
    suspendData: 'cmi.suspend_data',
    sessionTime: 'cmi.core.session_time',
    exit: 'cmi.core.exit',
    scoreRaw: 'cmi.core.score.raw',
    scoreMin: 'cmi.core.score.min',
    scoreMax: 'cmi.core.score.max',
    progress: null,
  },
  '2004': {
    location: 'cmi.location',
    status: 'cmi.completion_status',
    suspendData: 'cmi.suspend_data',
    sessionTime: 'cmi.session_time',
    exit: 'cmi.exit',
    scoreRaw: 'cmi.score.raw',
    scoreMin: 'cmi.score.min',
    scoreMax: 'cmi.score.max',
    progress: 'cmi.progress_measure',
  },
} as const satisfies Record<ScormVersion, Record<string, string | null>>;

/** Where a reading stands: what the LMS keeps between sessions. */
export interface Reading {
  /** The step the reader is on, where the next session opens. */
  location: string | null;
  /** The steps the reader has had in front of them, in this session or an earlier one. */
  read: ReadonlySet<string>;
  /** Whether the reader has reached the end (see `completionStep`). */
  complete: boolean;
}

/**
 * The step that completes a reading: the conclusion's first for the whole story, the last of a
 * section for a package of one section (`section`, as the embed takes it).
 */
export function completionStep(
  story: Pick<Story, 'sections'>,
  section: string | null,
): string | undefined {
  const scoped = section === null ? undefined : story.sections.find((s) => s.id === section);
  if (scoped) return scoped.stepIds.at(-1);
  return story.sections.at(-1)?.stepIds[0];
}

/**
 * The steps read, as suspend data: their ids, comma-separated. Ids rather than positions, so that
 * a reading survives an update that adds or moves steps. 63 ids fit well within SCORM 1.2's
 * 4,096 characters.
 */
export const encodeRead = (read: ReadonlySet<string>): string => [...read].join(',');

/** The steps read, from suspend data; ids this story no longer has are dropped. */
export function decodeRead(data: string, known: readonly string[]): Set<string> {
  const ids = new Set(known);
  return new Set(data.split(',').filter((id) => ids.has(id)));
}

/** A duration in hours, minutes and seconds (to the hundredth), as both versions count it. */
function clock(ms: number): { hours: number; minutes: number; seconds: number } {
  const centiseconds = Math.max(0, Math.round(ms / 10));
  return {
    hours: Math.floor(centiseconds / 360_000),
    minutes: Math.floor(centiseconds / 6000) % 60,
    seconds: (centiseconds % 6000) / 100,
  };
}

/** A duration in SCORM 1.2's CMITimespan: HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
  const { hours, minutes, seconds } = clock(ms);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(Math.min(9999, hours), 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** A duration in SCORM 2004's timeinterval (ISO 8601): PT#H#M#S, to the hundredth of a second. */
export function timeinterval2004(ms: number): string {
  const { hours, minutes, seconds } = clock(ms);
  return `PT${hours}H${minutes}M${Number(seconds.toFixed(2))}S`;
}

/**
 * The values to set for a reading, in order: where the reader is, what they have read, the share
 * of the steps read (as a score out of 100, which every LMS grades, and in 2004 also as the
 * progress measure), completion once reached, and the time spent in this session.
 */
export function valuesFor(
  version: ScormVersion,
  reading: Reading,
  steps: readonly string[],
  sessionMs: number,
): [element: string, value: string][] {
  const names = ELEMENTS[version];
  const share = steps.length ? steps.filter((id) => reading.read.has(id)).length / steps.length : 0;
  const values: [string, string][] = [];
  if (reading.location) values.push([names.location, reading.location]);
  values.push(
    [names.suspendData, encodeRead(reading.read)],
    [names.scoreMin, '0'],
    [names.scoreMax, '100'],
    [names.scoreRaw, String(Math.round(share * 100))],
  );
  if (names.progress) values.push([names.progress, String(Math.round(share * 1000) / 1000)]);
  if (reading.complete) values.push([names.status, 'completed']);
  values.push([
    names.sessionTime,
    version === '1.2' ? timespan12(sessionMs) : timeinterval2004(sessionMs),
  ]);
  return values;
}

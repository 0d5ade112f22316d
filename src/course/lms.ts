/**
 * The course package's conversation with the LMS (`?mode=course`): it finds the LMS's SCORM API
 * (1.2 or 2004) through a pipwerks-based wrapper, opens where the reader left off, reports where
 * they are, how much they have read and whether they have finished, and closes the session when
 * the page goes. With no LMS it says nothing; an LMS that refuses values, answers with errors or
 * goes away mid-session never stops the reading, and each kind of failure is logged once.
 */
import { scorm } from '@gamestdio/scorm';
import type { StoryController } from '../controller.svelte.ts';
import type { Story } from '../story/types.ts';
import {
  completionStep,
  decodeRead,
  ELEMENTS,
  valuesFor,
  type Reading,
  type ScormVersion,
} from './record.ts';

/**
 * How long after a change the story commits: a reader moving through steps commits once every
 * few seconds, not once a step, and what they did is stored within this time.
 */
export const COMMIT_AFTER_MS = 5000;

/** Failures already logged, by kind: an LMS that fails once usually fails on every call. */
const logged = new Set<string>();
function logOnce(kind: string, message: string): void {
  if (logged.has(kind)) return;
  logged.add(kind);
  console.warn(`LMS: ${message}. The story goes on without it.`);
}

/** The LMS's own words for its last error, if it can still say them. */
function lastError(): string {
  try {
    const code = scorm.getLastError();
    return code
      ? `error ${code}: ${scorm.getErrorString(code) || 'no description'}`
      : 'no error code';
  } catch {
    return 'the LMS no longer answers';
  }
}

/** Whether the LMS has thrown instead of answering: gone (its window closed, say), not asked again. */
let gone = false;

/** Calls the LMS; a false answer is a refusal, logged once for its kind; a throw, once for all. */
function attempt(kind: string, call: () => boolean): boolean {
  if (gone) return false;
  try {
    if (call()) return true;
    logOnce(kind, `${kind} failed (${lastError()})`);
  } catch (error) {
    gone = true;
    logOnce('gone', `the LMS stopped answering (${String(error)})`);
  }
  return false;
}

/**
 * Connects the story to the LMS that launched it, if any, and takes the reader back to where they
 * left off. The session lasts as long as the page.
 */
export function connectToLms(controller: StoryController, story: Pick<Story, 'sections'>): void {
  const started = performance.now();
  scorm.isDebugActive = false;
  // The story sets the exit itself: always "suspend", so that reopening resumes (see `close`).
  scorm.handleExitMode = false;
  let found = false;
  try {
    // Also marks a first attempt "incomplete" (pipwerks' handleCompletionStatus).
    found = scorm.initialize();
  } catch {
    // A parent on another origin throws when asked for its API: that is no LMS.
  }
  if (!found) {
    if (scorm.version) logOnce('Initialize', `the session did not start (${lastError()})`);
    return;
  }
  const version: ScormVersion = scorm.version === '2004' ? '2004' : '1.2';
  const names = ELEMENTS[version];
  const steps = controller.scopedSteps.map((step) => step.id);
  const finish = completionStep(story, controller.section);
  // An element not yet set reads as empty (with an error code in 2004): no failure to log.
  const get = (element: string): string => {
    let value = '';
    attempt(`reading ${element}`, () => {
      value = scorm.get(element);
      return true;
    });
    return value === 'null' ? '' : value;
  };

  const stored = get(names.location);
  const reading: Reading = {
    location: steps.includes(stored) ? stored : null,
    read: decodeRead(get(names.suspendData), steps),
    complete: get(names.status) === 'completed',
  };
  if (reading.location) {
    // Not awaited: that waits for the map, and reporting must start now.
    void controller.goTo(reading.location, { animate: false });
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    for (const [element, value] of valuesFor(
      version,
      reading,
      steps,
      performance.now() - started,
    )) {
      attempt(`setting ${element}`, () => scorm.set(element, value));
    }
  };
  const commit = () => {
    clearTimeout(timer);
    timer = undefined;
    report();
    attempt('Commit', () => scorm.commit());
  };
  const stopSteps = controller.on('step', ({ stepId }) => {
    if (!stepId || !steps.includes(stepId)) return;
    const completes = stepId === finish && !reading.complete;
    reading.location = stepId;
    reading.read = new Set(reading.read).add(stepId);
    reading.complete ||= completes;
    // Completion is stored at once; the rest within COMMIT_AFTER_MS.
    if (completes) commit();
    else {
      report();
      timer ??= setTimeout(commit, COMMIT_AFTER_MS);
    }
  });
  const onHidden = () => {
    if (document.visibilityState === 'hidden') commit();
  };
  const close = () => {
    stopSteps();
    document.removeEventListener('visibilitychange', onHidden);
    report();
    attempt(`setting ${names.exit}`, () => scorm.set(names.exit, 'suspend'));
    clearTimeout(timer);
    // Commits, then ends the session.
    attempt('Terminate', () => scorm.terminate());
  };
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', close, { once: true });
}

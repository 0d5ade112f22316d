/**
 * What keeps the map going when things fail. A data file that fails (offline, a server hiccup)
 * leaves the rest of the map and all the text in place, says so, and is fetched again with growing
 * pauses; a lost drawing context (a GPU reset, a driver update) is waited for, and the page falls
 * back to its static maps if it does not come back. Only a style that cannot load fails the map.
 */
import type * as maplibregl from 'maplibre-gl';
import { DATA_WAIT_MS } from '../geo/features.ts';

const CONTEXT_RESTORE_WAIT_MS = 5000;
const CONTEXT_GONE =
  'The map stopped drawing and did not recover; each step now shows a static map.';
const DATA_MISSING =
  'Part of the map’s data could not be loaded; trying again. The text is complete.';
const DATA_LATE =
  'Part of the map’s data has not arrived yet; the map shows what it has. The text is complete.';
const CONTEXT_WAITING = 'The map has stopped drawing; waiting for it to recover.';
const MAX_RETRY_PAUSE_MS = 30_000;

export interface FaultEvents {
  /** A short message while part of the map is missing; null when all is well again. */
  notice: (message: string | null) => void;
  /** The map cannot recover: the page should do without it. */
  failed: (message: string) => void;
}

export interface SourceWatch {
  /**
   * Resolves when the style and its data have loaded, or once a data file is overdue (the map
   * then draws what it has); rejects if the style itself cannot load.
   */
  loaded: Promise<void>;
  /** Resolves as soon as some data file is overdue (at once if one is): idle may never come. */
  stalled: () => Promise<void>;
}

/**
 * Watches the map's data files: retries those that fail, and does not let one that never answers
 * (a wedged server) hold the map back, since maplibre's "load" and "idle" wait for every file.
 */
export function watchSources(map: maplibregl.Map, events: FaultEvents): SourceWatch {
  const retries = new Map<string, number>();
  /** Files loading, with the timer that declares them overdue; and those already overdue. */
  const loading = new Map<string, ReturnType<typeof setTimeout>>();
  const overdue = new Set<string>();
  let someOverdue = signal();
  const report = () => events.notice(retries.size ? DATA_MISSING : overdue.size ? DATA_LATE : null);
  let styleFailed: (error: unknown) => void = () => {};
  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('style.load', () => void someOverdue.promise.then(resolve));
    styleFailed = reject;
  });
  map.on('error', (event) => {
    const sourceId = (event as { sourceId?: string }).sourceId;
    console.warn('Map error:', sourceId ?? '', event.error?.message);
    if (!sourceId) return styleFailed(event.error);
    const attempt = (retries.get(sourceId) ?? 0) + 1;
    retries.set(sourceId, attempt);
    report();
    // maplibre tells "idle" only at the end of a frame, and a failed file asks for none: without
    // one, a map whose last file just failed would never be idle, and never ready.
    map.triggerRepaint();
    const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
    const data = map.getStyle().sources[sourceId];
    if (!source || data?.type !== 'geojson' || typeof data.data !== 'string') return;
    const url = data.data;
    const pause = Math.min(MAX_RETRY_PAUSE_MS, 1000 * 2 ** (attempt - 1));
    setTimeout(() => void source.setData(url), pause);
  });
  map.on('sourcedataloading', ({ sourceId }) => {
    if (loading.has(sourceId)) return;
    const timer = setTimeout(() => {
      if (!map.getSource(sourceId) || map.isSourceLoaded(sourceId)) {
        loading.delete(sourceId);
        return;
      }
      overdue.add(sourceId);
      someOverdue.resolve();
      report();
    }, DATA_WAIT_MS);
    loading.set(sourceId, timer);
  });
  map.on('sourcedata', ({ sourceId, isSourceLoaded }) => {
    if (!isSourceLoaded) return;
    clearTimeout(loading.get(sourceId));
    loading.delete(sourceId);
    const wasOverdue = overdue.delete(sourceId);
    const wasRetried = retries.delete(sourceId);
    // All caught up: the next overdue file is news again.
    if (wasOverdue && overdue.size === 0) someOverdue = signal();
    if (wasOverdue || wasRetried) report();
  });
  return { loaded, stalled: () => someOverdue.promise };
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Watches the drawing context. The `lost` it returns says whether the map can be touched now; the
 * `lost` event runs as the context goes, `restored` once maplibre has redrawn its style after the
 * context came back.
 */
export function watchContext(
  map: maplibregl.Map,
  events: FaultEvents & { lost: () => void; restored: () => void },
): { lost: () => boolean } {
  let lost = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  map.on('webglcontextlost', () => {
    lost = true;
    events.lost();
    events.notice(CONTEXT_WAITING);
    giveUp = setTimeout(() => events.failed(CONTEXT_GONE), CONTEXT_RESTORE_WAIT_MS);
  });
  map.on('webglcontextrestored', () => {
    clearTimeout(giveUp);
    map.once('idle', () => {
      lost = false;
      events.notice(null);
      events.restored();
    });
  });
  return { lost: () => lost };
}

/**
 * What keeps the map going when things fail. A data file that fails (offline, a server hiccup)
 * leaves the rest of the map and all the text in place, says so, and is fetched again with growing
 * pauses; a lost drawing context (a GPU reset, a driver update) is waited for, and the page falls
 * back to its static maps if it does not come back. Only a style that cannot load fails the map.
 */
import type * as maplibregl from 'maplibre-gl';

const CONTEXT_RESTORE_WAIT_MS = 5000;
const CONTEXT_GONE =
  'The map stopped drawing and did not recover; each step now shows a static map.';
const DATA_MISSING =
  'Part of the map’s data could not be loaded; trying again. The text is complete.';
const CONTEXT_WAITING = 'The map has stopped drawing; waiting for it to recover.';
const MAX_RETRY_PAUSE_MS = 30_000;

export interface FaultEvents {
  /** A short message while part of the map is missing; null when all is well again. */
  notice: (message: string | null) => void;
  /** The map cannot recover: the page should do without it. */
  failed: (message: string) => void;
}

/** Resolves when the style has loaded; rejects if it cannot. Retries data files that fail. */
export function watchSources(map: maplibregl.Map, events: FaultEvents): Promise<void> {
  const retries = new Map<string, number>();
  let styleFailed: (error: unknown) => void = () => {};
  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    styleFailed = reject;
  });
  map.on('error', (event) => {
    const sourceId = (event as { sourceId?: string }).sourceId;
    console.warn('Map error:', sourceId ?? '', event.error?.message);
    if (!sourceId) return styleFailed(event.error);
    const attempt = (retries.get(sourceId) ?? 0) + 1;
    retries.set(sourceId, attempt);
    events.notice(DATA_MISSING);
    const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
    const data = map.getStyle().sources[sourceId];
    if (!source || data?.type !== 'geojson' || typeof data.data !== 'string') return;
    const url = data.data;
    const pause = Math.min(MAX_RETRY_PAUSE_MS, 1000 * 2 ** (attempt - 1));
    setTimeout(() => void source.setData(url), pause);
  });
  map.on('sourcedata', (event) => {
    if (!retries.has(event.sourceId) || !event.isSourceLoaded) return;
    retries.delete(event.sourceId);
    if (retries.size === 0) events.notice(null);
  });
  return loaded;
}

/**
 * Watches the drawing context. `lost` says whether the map can be touched now; `restored` runs
 * once maplibre has redrawn its style after the context came back.
 */
export function watchContext(
  map: maplibregl.Map,
  events: FaultEvents & { restored: () => void },
): { lost: () => boolean } {
  let lost = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  map.on('webglcontextlost', () => {
    lost = true;
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

/**
 * The one owner of the maplibre map: it creates it, loads its data, and makes it show whatever
 * picture it is given (src/map/picture.ts decides what; this only draws).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { dataUrl, fetchLayer, layerUrl } from '../geo/features.ts';
import type { Bounds } from '../story/types.ts';
import { applyPicture, layersKey, setInteractive, type PageData } from './apply.ts';
import { readCamera, settled } from './camera.ts';
import type { Camera } from './frame.ts';
import { resolveImagesOnDemand } from './images.ts';
import type { LegendEntry } from './legend.ts';
import type { Movement } from './motion.ts';
import { MIN_ZOOM, type FeatureRef, type MapPicture } from './picture.ts';

const MAX_LATITUDE = 85.051129;
import { featureAt, readDrawing, readLabelled, readLegend, type Drawing } from './readback.ts';
import { watchContext, watchSources, type FaultEvents } from './resilience.ts';
import { RouteFlow } from './route-flow.ts';
import { STORY_LAYER_IDS } from './layers.ts';
import { buildStyle } from './style.ts';
import { hideUntilDrawn, NOTHING, showMap, warmUp } from './warm-up.ts';

maplibregl.setWorkerUrl(workerUrl);

/** Layers the page needs as features too (drawn by progress, ringed from the text). */
const IN_PAGE = ['troop-movements', 'places'] as const;
/** How long the reader stays on a picture before an interrupted warm-up starts again. */
const WARM_UP_QUIET_MS = 1500;

export interface MapSnapshot {
  camera: Camera;
  bounds: Bounds;
  /** The emphasised features whose names the map shows. */
  labelled: string[];
  drawing: Drawing | null;
}

export interface MapEvents extends FaultEvents {
  /** The map has settled on the latest picture: what it drew, for the legend. */
  settled: (legend: LegendEntry[]) => void;
  /** In the explore view, the feature the reader clicked (null: none there). */
  picked: (feature: FeatureRef | null) => void;
}

export class StoryMap {
  /** Resolves once the style and the page's data have loaded; rejects if the style fails. */
  readonly loaded: Promise<void>;
  private readonly map: maplibregl.Map;
  private readonly data: PageData = { movements: new Map(), places: new Map() };
  private readonly context: { lost: () => boolean };
  /** Resolves once a data file is overdue: the map then settles on what it has. */
  private readonly stalled: () => Promise<void>;
  private readonly flow: RouteFlow;
  private readonly zoomButtons = new maplibregl.NavigationControl({ showCompass: false });
  /** What the map shows now (NOTHING until the first picture), and what it was last asked for. */
  private shown: MapPicture = NOTHING;
  private wanted: { picture: MapPicture; animate: boolean } | null = null;
  private visible = false;
  /** The warm-up under way (warm-up.ts), with the map as it was read when it began. */
  private warming: { interrupt: () => void; done: Promise<void>; still: MapSnapshot } | null = null;
  private warmUpTried = false;
  private warmedUp = false;
  /** Bumped by every picture applied; a settle that finds it changed was overtaken. */
  private generation = 0;
  private current: Promise<void> = Promise.resolve();

  constructor(
    container: HTMLElement,
    title: string,
    private readonly events: MapEvents,
    /** How much larger than on a desk the map's labels and symbols are drawn (a kiosk's room). */
    symbolScale = 1,
    /** The camera of the picture the map will first be given, if known. */
    opening: Camera | null = null,
  ) {
    hideUntilDrawn(container);
    this.map = new maplibregl.Map({
      container,
      style: buildStyle(dataUrl, symbolScale),
      // The basemap loads for the opening view at once.
      center: opening?.center ?? [100, 20],
      zoom: opening?.zoom ?? 0,
      bearing: opening?.bearing ?? 0,
      pitch: opening?.pitch ?? 0,
      minZoom: MIN_ZOOM,
      transformConstrain: keepInWorld,
      // The story steers the map; scrolling the page must never zoom or pan it.
      interactive: false,
      attributionControl: { compact: true },
      locale: { 'Map.Title': title },
      fadeDuration: 0,
      // Beyond 2 device pixels per CSS pixel a map looks no sharper but costs twice the drawing
      // (a 4K museum screen at 100 % scaling would otherwise hit the canvas size limit).
      pixelRatio: Math.min(window.devicePixelRatio, 2),
      // Validated at build time (tests/unit/style.test.ts): skip maplibre's validation at start.
      validateStyle: false,
      // Steps jump between distant views: a few cached tiles per source get reused, dozens only
      // grow the heap (45 per source by default at this size, times ten sources).
      maxTileCacheSize: 8,
    });
    resolveImagesOnDemand(this.map);
    this.flow = new RouteFlow(this.map);
    this.context = watchContext(this.map, {
      ...events,
      // Nothing can be drawn until the context comes back: a warm-up ends at once.
      lost: () => this.warming?.interrupt(),
      // maplibre has rebuilt its drawing state: draw the wanted picture again, from scratch.
      restored: () => {
        this.shown = NOTHING;
        if (this.wanted) this.apply(this.wanted.picture, { animate: false });
      },
    });
    const sources = watchSources(this.map, events);
    this.stalled = sources.stalled;
    // Fetched while the style and the basemap load, not after.
    const inPage = fetchInPage();
    this.loaded = sources.loaded.then(async () => {
      await this.loadData(inPage);
    });
    this.map.on('click', (event) => {
      if (this.shown.interactive) events.picked(featureAt(this.map, event.point));
    });
  }

  /**
   * Movements and places are fetched once (fetchInPage) and handed to their sources; the other
   * layers go to the map's worker by URL. A layer that fails, or takes longer than DATA_WAIT_MS, is
   * left to the worker, which retries it (the page then does without its features: no period
   * names, no progress drawing).
   */
  private async loadData(inPage: ReturnType<typeof fetchInPage>): Promise<void> {
    for (const id of STORY_LAYER_IDS)
      if (!(IN_PAGE as readonly string[]).includes(id)) void this.source(id)?.setData(layerUrl(id));
    const [movements, places] = await inPage;
    IN_PAGE.forEach((layer, i) => {
      const features = [movements, places][i];
      void this.source(layer)?.setData(
        features ? { type: 'FeatureCollection', features } : layerUrl(layer),
      );
    });
    for (const movement of (movements ?? []) as Movement[])
      this.data.movements.set(movement.properties.id, movement);
    for (const place of places ?? []) this.data.places.set(place.properties.id, place);
  }

  /**
   * Makes the map show a picture: only what differs from the last one changes. `animate` lets a
   * new subject be flown to; the first picture and layout changes never fly.
   */
  apply(picture: MapPicture, { animate }: { animate: boolean }): void {
    this.wanted = { picture, animate };
    if (this.warming) {
      // The reader's next picture goes first: the warm-up stops, and this is drawn as it ends.
      if (!samePicture(this.shown, picture)) this.warming.interrupt();
      return;
    }
    if (this.context.lost() || samePicture(this.shown, picture)) return;
    const last = this.shown;
    this.shown = picture;
    if (!picture.flow || layersKey(last) !== layersKey(picture)) this.flow.stop();
    if (last.interactive !== picture.interactive)
      setInteractive(this.map, picture.interactive, this.zoomButtons, keepInWorld);
    applyPicture(this.map, last, picture, this.data, { animate: animate && this.visible });
    this.settle(layersKey(last) !== layersKey(picture));
  }

  /** Waits for the map to draw the picture shown, then tells the page and starts what follows. */
  private settle(newLayers: boolean): void {
    const picture = this.shown;
    const generation = ++this.generation;
    this.current = settled(this.map, this.stalled).then(() => {
      if (generation !== this.generation) return;
      if (!this.visible) showMap(this.map);
      this.visible = true;
      // Steps bring their own key; the explore view's is whatever is in view.
      this.events.settled(picture.interactive ? readLegend(this.map, picture.emphasis) : []);
      // After settling: a flowing route keeps the map drawing, and "settled" means idle.
      if (picture.flow && newLayers) this.flow.start();
      if (!this.warmedUp) this.warmUpWhenQuiet(generation);
    });
  }

  /**
   * Warms the map up (warm-up.ts) once the reader has stayed on a picture for a moment: at once
   * after the first picture (the reader has only just arrived), WARM_UP_QUIET_MS after the others.
   */
  private warmUpWhenQuiet(generation: number): void {
    const start = () => {
      if (generation !== this.generation || this.warming || this.context.lost()) return;
      // Never under the reader's hands: the explore view is theirs to pan and zoom.
      if (this.shown.interactive || this.map.isMoving()) return;
      const shown = this.shown;
      this.flow.stop();
      const still = this.snapshot();
      let interrupt = () => {};
      const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
      const done = warmUp(this.map, shown, this.data, this.stalled, interrupted).then(
        ({ complete, reveal }) => {
          this.warming = null;
          this.warmedUp = complete;
          // The picture it began with is drawn again first: the next one then follows it as it
          // would have without the warm-up (maplibre places a name where it last was, if it can).
          this.settle(true);
          void this.current.then(() => {
            if (this.wanted) this.apply(this.wanted.picture, { animate: this.wanted.animate });
          });
          void this.whenSettled().then(reveal);
        },
      );
      this.warming = { interrupt, done, still };
    };
    setTimeout(start, this.warmUpTried ? WARM_UP_QUIET_MS : 0);
    this.warmUpTried = true;
  }

  /** Resolves when the map has settled on the latest picture it was given. */
  async whenSettled(): Promise<void> {
    let generation: number;
    do {
      generation = this.generation;
      await this.warming?.done;
      await this.current;
    } while (generation !== this.generation);
  }

  snapshot(): MapSnapshot {
    // During the warm-up the reader sees a still of the picture, as it was read then.
    if (this.warming) return this.warming.still;
    const bounds = this.map.getBounds();
    return {
      camera: readCamera(this.map),
      bounds: [
        [bounds.getWest(), bounds.getSouth()],
        [bounds.getEast(), bounds.getNorth()],
      ],
      labelled: readLabelled(this.map, this.shown.clearArea),
      // A map that is gone (its style removed) draws nothing.
      drawing: this.map.style ? readDrawing(this.map, this.shown) : null,
    };
  }

  private source(id: string): maplibregl.GeoJSONSource | undefined {
    return this.map.getSource<maplibregl.GeoJSONSource>(id);
  }
}

/** The layers the page keeps itself (null: failed or overdue, so left to the map's worker). */
function fetchInPage() {
  return Promise.all(
    IN_PAGE.map((layer) =>
      fetchLayer(layer).catch((error: unknown) => {
        console.warn(error);
        return null;
      }),
    ),
  );
}

/** Whether two pictures would draw the same map (pictures are plain data). */
function samePicture(a: MapPicture, b: MapPicture): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * How the story's cameras are kept in the world: latitude within Web Mercator's, zoom within the
 * map's, nothing more. maplibre's own rule also keeps the world at least as tall as the map, which
 * on a large pane zooms in past a subject that spans the globe (Washington to Beijing) and shifts
 * it out of the clear area the picture framed it in. The explore view, where the reader drags the
 * map, goes back to maplibre's rule (setInteractive).
 */
export function keepInWorld(lngLat: maplibregl.LngLat, zoom: number) {
  const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lngLat.lat));
  return { center: new maplibregl.LngLat(lngLat.lng, lat), zoom: Math.max(MIN_ZOOM, zoom) };
}

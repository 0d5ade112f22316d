/**
 * The one owner of the maplibre map. Other code hands it a step; it shows that step's view, layers
 * and highlights, whatever it showed before, so any scroll position or jump gives the same picture.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { flightDuration, sameCamera } from '../geo/flight.ts';
import type { Bounds, Step, View } from '../story/types.ts';
import { legendFor, type LegendEntry } from './legend.ts';
import { FOCUS_SOURCE, MOVING_DRAW, MOVING_SOURCE, STORY_LAYERS } from './layers.ts';
import { dashAt, flowPhase, FLOW_MS } from './flow.ts';
import { drawnFraction, movementFrame, movingAt, type Movement } from './motion.ts';
import { parsePatternId, TILE, LINE_OPACITY, WASH_OPACITY } from './patterns.ts';
import { buildStyle, STORY_DATA } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);

const CONTEXT_RESTORE_WAIT_MS = 5000;
const CONTEXT_GONE =
  'The map stopped drawing and did not recover; each step now shows a static map.';

/** The view behind the title page: Indochina, southern China and their neighbours. */
const OPENING_BOUNDS: Bounds = [
  [92, 6],
  [122, 30],
];
const OPENING_VIEW: View = { kind: 'bounds', bounds: OPENING_BOUNDS };

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface MapSnapshot {
  camera: Camera;
  bounds: Bounds;
  visibleLayers: string[];
  drawn: number | null;
  labelled: string[];
  ringed: string | null;
}

type PlaceFeature = GeoJSON.Feature<GeoJSON.Point, { id: string; name: string }>;

/** A story layer's features, for the map's own use as well as its source's; null on failure. */
async function fetchFeatures(layer: string): Promise<GeoJSON.Feature[] | null> {
  try {
    const response = await fetch(dataUrl(STORY_DATA[layer]!));
    return response.ok ? ((await response.json()) as GeoJSON.FeatureCollection).features : null;
  } catch {
    return null;
  }
}

export interface ExploreView {
  layers: string[];
  year: number;
  /** A feature the reader picked, drawn emphasised. */
  selected?: { layer: string; id: string };
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const dataUrl = (file: string) => new URL(`data/${file}`, document.baseURI).href;

export class StoryMap {
  readonly loaded: Promise<void>;
  private readonly map: maplibregl.Map;
  private visibleLayers: string[] = [];
  private highlighted: { source: string; id: string }[] = [];
  private padding: Padding = { top: 40, right: 40, bottom: 40, left: 40 };
  private readonly places = new Map<string, PlaceFeature>();
  /** Every troop movement (for progress-driven drawing), once fetched. */
  private movements: Movement[] = [];
  /** The shown step's movements that draw themselves, and how much of them is drawn. */
  private moving: Movement[] = [];
  private drawn = -1;
  private progress = 0;
  private motion = true;
  private flow: { frame: number; until: number } | null = null;
  private exploring = false;
  private ringed: string | null = null;
  /** What the map shows, read back from what it drew when it last settled. */
  private drawnLegend: LegendEntry[] = [];
  private readonly zoomButtons = new maplibregl.NavigationControl({ showCompass: false });

  /** Sources whose data failed to load, with how many times they have been tried again. */
  private readonly retries = new Map<string, number>();

  /**
   * Set from the moment the GPU takes the drawing context away until maplibre has redrawn its
   * style: the map cannot be touched then.
   */
  private contextLost = false;
  private hasLoaded = false;
  /** The step last asked for, shown again when a lost context comes back or the size changes. */
  private wanted: Step | null = null;

  /**
   * `events.notice` receives a short message while part of the map is missing (data that will be
   * fetched again, a drawing context that may come back) and null when all is well again;
   * `events.failed` is called when the map cannot recover, so the page can do without it.
   */
  constructor(
    container: HTMLElement,
    title: string,
    private readonly events: {
      notice: (message: string | null) => void;
      failed: (message: string) => void;
      /** In the explore view, the feature the reader clicked (null: none there). */
      picked?: (feature: { layer: string; id: string } | null) => void;
    },
  ) {
    container.style.visibility = 'hidden';
    Object.assign(container.style, WARM_UP_SIZE);
    this.map = new maplibregl.Map({
      container,
      style: buildStyle(dataUrl),
      // Starts hidden, tiny and zoomed out for the warm-up (see warmUp), then opens at the title view.
      center: [100, 20],
      zoom: 0,
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
    // Symbols and patterns are drawn here when a layer first needs them: no sprite sheet to fetch.
    this.map.setMissingStyleImageResolver((id) => {
      if (this.map.hasImage(id)) return;
      if (id === 'arrow') this.map.addImage('arrow', arrowImage(), { sdf: true });
      const zone = parsePatternId(id);
      if (zone) this.map.addImage(id, patternImage(zone.pattern, zone.colour), { pixelRatio: 2 });
    });
    // The story's layers are fetched once the opening view is up, before any step is shown.
    this.loaded = this.watchErrors().then(async () => {
      // Movements (drawn by progress) and places (pointed at from the text) are needed here as
      // well as in the worker: fetched once and handed over; the others go to the worker by URL.
      const local: Record<string, Promise<GeoJSON.Feature[] | null>> = {
        'troop-movements': fetchFeatures('troop-movements'),
        places: fetchFeatures('places'),
      };
      for (const [id, file] of Object.entries(STORY_DATA))
        if (!local[id]) void this.source(id)?.setData(dataUrl(file));
      for (const [id, features] of Object.entries(local)) {
        const loaded = await features;
        // Failed: the worker fetches it by URL, and retries (watchErrors); nothing draws by progress.
        void this.source(id)?.setData(
          loaded ? { type: 'FeatureCollection', features: loaded } : dataUrl(STORY_DATA[id]!),
        );
      }
      this.movements = ((await local['troop-movements']) ?? []) as Movement[];
      for (const place of ((await local.places) ?? []) as PlaceFeature[])
        this.places.set(place.properties.id, place);
      await this.warmUp();
    });
    this.watchContext();
    this.map.on('click', (event) => {
      if (!this.exploring) return;
      const picked = this.map.queryRenderedFeatures(event.point, {
        layers: this.drawIds().filter(
          (id) => this.map.getLayoutProperty(id, 'visibility') !== 'none',
        ),
      })[0];
      this.events.picked?.(
        picked ? { layer: picked.source, id: String(picked.properties.id) } : null,
      );
    });
    void this.loaded.then(() => (this.hasLoaded = true));
    this.map.on('resize', () => this.refit());
  }

  /**
   * The map fails as a whole only if its style cannot load (the returned promise rejects). A data
   * file that fails (offline, a server hiccup) leaves the rest of the map and all the text in
   * place, says so, and is fetched again with growing pauses until it arrives.
   */
  private watchErrors(): Promise<void> {
    let styleFailed: (error: unknown) => void = () => {};
    const loaded = new Promise<void>((resolve, reject) => {
      this.map.once('load', () => resolve());
      styleFailed = reject;
    });
    this.map.on('error', (event) => {
      const sourceId = (event as { sourceId?: string }).sourceId;
      console.warn('Map error:', sourceId ?? '', event.error?.message);
      if (sourceId) this.retry(sourceId);
      else styleFailed(event.error);
    });
    this.map.on('sourcedata', (event) => {
      if (!this.retries.has(event.sourceId) || !event.isSourceLoaded) return;
      this.retries.delete(event.sourceId);
      if (this.retries.size === 0) this.events.notice(null);
    });
    return loaded;
  }

  /**
   * A GPU reset or a driver update takes the drawing context away. maplibre rebuilds its drawing
   * state when it comes back, and the step is shown again on top; if it does not come back, the
   * page falls back to its static maps.
   */
  private watchContext(): void {
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    this.map.on('webglcontextlost', () => {
      this.contextLost = true;
      this.events.notice('The map has stopped drawing; waiting for it to recover.');
      giveUp = setTimeout(() => this.events.failed(CONTEXT_GONE), CONTEXT_RESTORE_WAIT_MS);
    });
    this.map.on('webglcontextrestored', () => {
      clearTimeout(giveUp);
      this.map.once('idle', () => {
        this.contextLost = false;
        this.events.notice(null);
        void this.show(this.wanted, { animate: false });
      });
    });
  }

  private retry(sourceId: string): void {
    const attempt = (this.retries.get(sourceId) ?? 0) + 1;
    this.retries.set(sourceId, attempt);
    this.events.notice(
      'Part of the map’s data could not be loaded; trying again. The text is complete.',
    );
    const source = this.source(sourceId);
    const url = this.map.getStyle().sources[sourceId];
    if (!source || !url || url.type !== 'geojson' || typeof url.data !== 'string') return;
    const data = url.data;
    setTimeout(() => void source.setData(data), Math.min(30_000, 1000 * 2 ** (attempt - 1)));
  }

  /** Space kept clear of text and controls when fitting bounds, in CSS pixels. */
  setPadding(padding: Padding): void {
    if (JSON.stringify(padding) === JSON.stringify(this.padding)) return;
    this.padding = padding;
    this.refit();
  }

  /**
   * Fitted bounds depend on the map's size and padding: when either changes (a rotated phone, a
   * resized window, the phone layout), the shown step is fitted again, at once.
   */
  private refit(): void {
    if (!this.hasLoaded || this.contextLost || this.exploring) return;
    if ((this.wanted?.view ?? OPENING_VIEW).kind !== 'bounds') return;
    void this.show(this.wanted, { animate: false });
  }

  resize(): void {
    this.map.resize();
  }

  /**
   * Shows a step, or the opening view when there is none; resolves once the camera has settled and
   * the map has drawn it.
   */
  async show(step: Step | null, { animate }: { animate: boolean }): Promise<void> {
    this.wanted = step;
    await this.loaded;
    // The explore view keeps the reader's map; the step is shown when they return to the story.
    if (this.contextLost || this.exploring) return;
    this.previewPlace(null);
    this.showLayers(step);
    const target = this.cameraFor(step);
    if (!sameCamera(this.camera(), target)) {
      if (animate) {
        // No `essential: true`: maplibre then honours prefers-reduced-motion with an instant move.
        this.map.flyTo({ ...target, duration: flightDuration(this.camera(), target) });
      } else {
        this.map.jumpTo(target);
      }
    }
    await this.settled();
    if (this.wanted !== step) return;
    this.drawnLegend = this.readLegend();
    // After settling: a flowing route keeps the map drawing, and "settled" means idle.
    if (step?.layers.includes('supply-routes')) this.startFlow();
  }

  /** The legend of what the map shows now (as of the last settled step or explore view). */
  legend(): LegendEntry[] {
    return this.drawnLegend;
  }

  private readLegend(): LegendEntry[] {
    const layers = [...this.drawIds(), ...MOVING_DRAW.map((_, i) => `${MOVING_SOURCE}-${i}`)];
    const drawn = this.map
      .queryRenderedFeatures({
        layers: layers.filter((id) => this.map.getLayoutProperty(id, 'visibility') !== 'none'),
      })
      .map((feature) => ({
        layer: feature.source === MOVING_SOURCE ? 'troop-movements' : feature.source,
        properties: feature.properties,
      }));
    return legendFor(drawn, new Set(this.highlighted.map((f) => `${f.source}/${f.id}`)));
  }

  snapshot(): MapSnapshot {
    const bounds = this.map.getBounds();
    return {
      camera: this.camera(),
      bounds: [
        [bounds.getWest(), bounds.getSouth()],
        [bounds.getEast(), bounds.getNorth()],
      ],
      visibleLayers: [...this.visibleLayers],
      drawn: this.moving.length ? this.drawn : null,
      ringed: this.ringed,
      labelled: [
        ...new Set(
          this.map
            .queryRenderedFeatures({ layers: HIGHLIGHT_LABELS })
            .map((feature) => String(feature.properties.id)),
        ),
      ].sort(),
    };
  }

  /** The camera a step asks for at the current size and padding. */
  private cameraFor(step: Step | null): Camera {
    const view = step?.view ?? OPENING_VIEW;
    if (view.kind === 'camera') {
      return { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch };
    }
    const fitted = this.map.cameraForBounds(view.bounds, { padding: this.padding, bearing: 0 });
    const center = fitted?.center ? maplibregl.LngLat.convert(fitted.center) : this.map.getCenter();
    return {
      center: [center.lng, center.lat],
      zoom: fitted?.zoom ?? this.map.getZoom(),
      bearing: 0,
      pitch: 0,
    };
  }

  private camera(): Camera {
    const center = this.map.getCenter();
    return {
      center: [center.lng, center.lat],
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  private showLayers(step: Step | null): void {
    const layers = step?.layers ?? [];
    this.moving =
      step && layers.includes('troop-movements') ? movingAt(step.period, this.movements) : [];
    this.drawLayers(layers, step?.period ?? [0, 0], step?.highlight ?? []);
    this.setMovingVisible(this.moving.length > 0);
    this.drawn = -1;
    this.drawMoving();
    this.stopFlow();
  }

  /**
   * Shows these story layers as they were in the period, with these features emphasised (the
   * step's movements that draw themselves are left to their own layers).
   */
  private drawLayers(
    layers: string[],
    [from, to]: [number, number],
    highlight: { layer: string; id: string }[],
  ): void {
    const existsThen: maplibregl.FilterSpecification = [
      'all',
      ['<=', ['get', 'from'], to],
      ['>=', ['get', 'to'], from],
    ];
    const highlightedIds: maplibregl.ExpressionSpecification = [
      'in',
      ['get', 'id'],
      ['literal', highlight.map((feature) => feature.id)],
    ];
    const notMoving: maplibregl.ExpressionSpecification = [
      '!',
      ['in', ['get', 'id'], ['literal', this.moving.map((m) => m.properties.id)]],
    ];
    for (const layer of STORY_LAYERS) {
      const visible = layers.includes(layer.id);
      layer.draw.forEach((draw, i) => {
        const drawId = `${layer.id}-${i}`;
        this.map.setLayoutProperty(drawId, 'visibility', visible ? 'visible' : 'none');
        if (!visible) return;
        const only =
          draw.only === 'highlighted'
            ? [highlightedIds]
            : draw.only === 'others'
              ? [['!', highlightedIds]]
              : [];
        const moving = layer.id === 'troop-movements' ? [notMoving] : [];
        this.map.setFilter(drawId, [
          ...existsThen,
          ...only,
          ...moving,
        ] as maplibregl.FilterSpecification);
      });
    }
    this.visibleLayers = STORY_LAYERS.map((l) => l.id).filter((id) => layers.includes(id));
    for (const feature of this.highlighted) this.map.setFeatureState(feature, { highlight: false });
    this.highlighted = highlight.map(({ layer, id }) => ({ source: layer, id }));
    for (const feature of this.highlighted) this.map.setFeatureState(feature, { highlight: true });
  }

  /**
   * Draws every story layer once, unseen, before the map is ready: the first draw of each kind of
   * layer compiles its shaders, which otherwise stalls the first step that shows it (a quarter of
   * a second each under software GL). The map starts hidden, on a tiny canvas with the whole
   * world in it, so every kind of feature is drawn for almost nothing; the loading notice shows.
   */
  private async warmUp(): Promise<void> {
    const container = this.map.getContainer();
    try {
      this.drawLayers(
        STORY_LAYERS.map((layer) => layer.id),
        [0, 99991231],
        [],
      );
      this.setMovingVisible(true);
      void this.source(MOVING_SOURCE)?.setData(movementFrame(this.movements, 0.5));
      this.previewPlace(this.places.keys().next().value ?? null);
      await this.settled();
    } finally {
      this.drawLayers([], [0, 0], []);
      this.setMovingVisible(false);
      this.previewPlace(null);
      void this.source(MOVING_SOURCE)?.setData(movementFrame([], 0));
      for (const property of Object.keys(WARM_UP_SIZE)) container.style.removeProperty(property);
      this.map.resize();
      this.map.jumpTo(this.cameraFor(null));
      container.style.visibility = '';
    }
  }

  private setMovingVisible(visible: boolean): void {
    MOVING_DRAW.forEach((_, i) =>
      this.map.setLayoutProperty(
        `${MOVING_SOURCE}-${i}`,
        'visibility',
        visible ? 'visible' : 'none',
      ),
    );
  }

  /** Rings a place named in the text (hover or focus on its name); null clears the ring. */
  previewPlace(id: string | null): void {
    const place = id ? this.places.get(id) : undefined;
    this.ringed = place ? id : null;
    void this.source(FOCUS_SOURCE)?.setData({
      type: 'FeatureCollection',
      features: place ? [place] : [],
    });
  }

  /** Brings a place named in the text into view, ringed; the step's view returns with show(). */
  async showPlace(id: string, animate: boolean): Promise<void> {
    const place = this.places.get(id);
    if (!place || this.contextLost) return;
    this.previewPlace(id);
    // Centred in the part of the map the text leaves open, at a regional zoom or closer. (Not
    // easeTo's `padding`: maplibre would keep it for every later view.)
    const zoom = Math.min(7, Math.max(this.map.getZoom(), 5));
    const [lng, lat] = place.geometry.coordinates as [number, number];
    const camera = this.map.cameraForBounds(
      [
        [lng - 0.01, lat - 0.01],
        [lng + 0.01, lat + 0.01],
      ],
      { padding: this.padding, maxZoom: zoom },
    );
    this.map.easeTo({ center: camera?.center ?? [lng, lat], zoom, duration: animate ? 1000 : 0 });
    await this.settled();
  }

  /**
   * The explore view: the reader pans and zooms the map (gestures, keys, buttons) and picks the
   * layers and the year; a click on a feature reports its properties. null returns to the story
   * at the step last shown.
   */
  async explore(view: ExploreView | null): Promise<void> {
    const exploring = view !== null;
    if (exploring !== this.exploring) {
      this.exploring = exploring;
      const canvas = this.map.getCanvas();
      const handlers = [
        this.map.dragPan,
        this.map.scrollZoom,
        this.map.keyboard,
        this.map.doubleClickZoom,
        this.map.touchZoomRotate,
      ];
      for (const handler of handlers) {
        if (exploring) handler.enable();
        else handler.disable();
      }
      // Zooming and panning only: a rotated map would only disorient here.
      this.map.touchZoomRotate.disableRotation();
      this.map.keyboard.disableRotation();
      canvas.tabIndex = exploring ? 0 : -1;
      this.map.getCanvasContainer().classList.toggle('maplibregl-interactive', exploring);
      if (exploring) this.map.addControl(this.zoomButtons, 'bottom-left');
      else this.map.removeControl(this.zoomButtons);
    }
    if (!view) return this.show(this.wanted, { animate: false });
    if (!this.hasLoaded || this.contextLost) return;
    this.stopFlow();
    this.previewPlace(null);
    this.moving = [];
    this.setMovingVisible(false);
    this.drawLayers(
      view.layers,
      [view.year * 10000 + 101, view.year * 10000 + 1231],
      view.selected ? [view.selected] : [],
    );
    await this.settled();
    this.drawnLegend = this.readLegend();
  }

  /** Brings an area into view in the explore view (a feature the reader picked from the list). */
  async showBounds(bounds: Bounds, animate: boolean): Promise<void> {
    const camera = this.map.cameraForBounds(bounds, { padding: this.padding, maxZoom: 7 });
    if (!camera) return;
    this.map.easeTo({ ...camera, duration: animate ? 800 : 0 });
    await this.settled();
    this.drawnLegend = this.readLegend();
  }

  /**
   * How far the reader is through the shown step (0..1), and whether the map may animate: the
   * step's own movements are drawn that far. Without motion they are drawn whole at once.
   */
  setProgress(progress: number, motion: boolean): void {
    this.progress = progress;
    if (motion !== this.motion) {
      this.motion = motion;
      if (!motion) this.stopFlow();
    }
    this.drawMoving();
  }

  private drawMoving(): void {
    if (!this.hasLoaded || this.contextLost) return;
    const fraction = this.motion ? drawnFraction(this.progress) : 1;
    // A scroll event fires far more often than a reader could see the line grow.
    if (Math.abs(fraction - this.drawn) < 0.01 && fraction !== 1 && fraction !== 0) return;
    if (fraction === this.drawn) return;
    this.drawn = fraction;
    void this.source(MOVING_SOURCE)?.setData(movementFrame(this.moving, fraction));
  }

  /**
   * Supply routes flow (their dashes march along the route) for a few seconds after a step that
   * shows them, then rest: a moving map for the whole step would cost the reader's battery and
   * pull the eye from the text.
   */
  private startFlow(): void {
    this.stopFlow();
    if (!this.motion) return;
    const started = performance.now();
    let shown = 0;
    const tick = (now: number) => {
      if (!this.flow) return;
      const done = now >= this.flow.until;
      const phase = done ? 0 : flowPhase(now - started);
      // A handful of phases, each set once per cycle: maplibre keeps every dash pattern it has
      // drawn in a fixed-size atlas, so endless distinct patterns would fill it.
      if (phase !== shown)
        this.map.setPaintProperty(ROUTE_DASH_LAYER, 'line-dasharray', dashAt(phase));
      shown = phase;
      this.flow = done ? null : { frame: requestAnimationFrame(tick), until: this.flow.until };
    };
    this.flow = { frame: requestAnimationFrame(tick), until: started + FLOW_MS };
  }

  private stopFlow(): void {
    if (!this.flow) return;
    cancelAnimationFrame(this.flow.frame);
    this.flow = null;
    this.map.setPaintProperty(ROUTE_DASH_LAYER, 'line-dasharray', dashAt(0));
  }

  private drawIds(): string[] {
    return STORY_LAYERS.flatMap((layer) => layer.draw.map((_, i) => `${layer.id}-${i}`));
  }

  private source(id: string): maplibregl.GeoJSONSource | undefined {
    return this.map.getSource<maplibregl.GeoJSONSource>(id);
  }

  /** Resolves when no camera move is running and the map has rendered everything. */
  private async settled(): Promise<void> {
    for (;;) {
      if (this.map.isMoving()) await this.map.once('moveend');
      this.map.triggerRepaint();
      await this.map.once('idle');
      if (!this.map.isMoving()) return;
    }
  }
}

/** A chevron drawn once on a canvas: no sprite sheet to fetch. */
function arrowImage(): ImageData {
  const size = 32;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#000';
  context.beginPath();
  context.moveTo(8, 6);
  context.lineTo(26, 16);
  context.lineTo(8, 26);
  context.lineTo(13, 16);
  context.closePath();
  context.fill();
  return context.getImageData(0, 0, size, size);
}

/** The map's size while it warms up (see StoryMap.warmUp). */
const WARM_UP_SIZE = { width: '96px', height: '96px', right: 'auto', bottom: 'auto' };

/** The layers that name the step's own features. */
const HIGHLIGHT_LABELS = STORY_LAYERS.flatMap((layer) =>
  layer.draw.flatMap((draw, i) =>
    draw.only === 'highlighted' && draw.type === 'symbol' ? [`${layer.id}-${i}`] : [],
  ),
);

/** The route layer whose dashes flow. */
const ROUTE_DASH_LAYER = 'supply-routes-0';

/** One tile of a zone's pattern, drawn at twice the CSS pixel size for sharp edges. */
function patternImage(pattern: { path: string; filled: boolean }, colour: string): ImageData {
  const size = TILE * 2;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.fillStyle = colour;
  context.globalAlpha = WASH_OPACITY;
  context.fillRect(0, 0, TILE, TILE);
  context.globalAlpha = LINE_OPACITY;
  if (pattern.path) {
    const path = new Path2D(pattern.path);
    if (pattern.filled) {
      context.fill(path);
    } else {
      context.strokeStyle = colour;
      context.lineWidth = 1.2;
      context.stroke(path);
    }
  }
  return context.getImageData(0, 0, size, size);
}

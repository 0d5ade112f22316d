/**
 * The story's state: which step is active, how far through it the reader is, what they asked the
 * map for (a place, the explore view), and the layout around the map. The map's picture is derived
 * from it (src/map/picture.ts), never from the path taken to it. `window.storymap` (see api.ts)
 * and the components read and steer the story only through this.
 */
import { tick } from 'svelte';
import type { Layout, Rect } from './map/frame.ts';
import { EXPLORE_LAYERS, STORY_LAYER_IDS } from './map/layers.ts';
import type { LegendEntry } from './map/legend.ts';
import {
  mapAidsFor,
  MARKER_METRICS,
  NO_AIDS,
  type MapAids,
  type MarkerMetrics,
} from './map/offscreen.ts';
import { pictureFor, type CameraTarget, type ExploreView, type MapPicture } from './map/picture.ts';
import type { Drawing } from './map/readback.ts';
import { KIOSK_SYMBOL_SCALE } from './map/symbology.ts';
import type { MapSnapshot } from './map/StoryMap.ts';
import type { Bounds, Step, Story } from './story/types.ts';

export type Mode = 'scroll' | 'kiosk' | 'embed' | 'course';

export interface StoryState {
  mode: Mode;
  ready: boolean;
  stepId: string | null;
  progress: number;
  camera: MapSnapshot['camera'];
  bounds: Bounds;
  visibleLayers: string[];
  /** The part of the map pane that nothing covers (CSS px): the subject is framed in it. */
  clearArea: Rect;
  /**
   * How much of the step's own troop movements the map has drawn (0..1; they draw themselves as
   * the reader scrolls through the step), or null when the step has none.
   */
  drawn: number | null;
  /** The step's highlighted features whose names the map shows (never hidden by other labels). */
  labelled: string[];
  /** A place ringed because the reader points at its name in the text, or null. */
  ringed: string | null;
  /** Places the step's text names outside the view, each pointed to by an edge marker. */
  offscreen: string[];
  /** What the map draws by its grammar: patterns, unnamed dots, the key to what is on screen. */
  drawing: Drawing | null;
  /** The caption written on the map (empty in the explore view and on the title page). */
  caption: string;
}

/** What the controller needs of the live map: when it has caught up, and what it shows. */
export interface MapHandle {
  whenSettled(): Promise<void>;
  snapshot(): MapSnapshot;
}

type Listener = (state: StoryState) => void;

export class StoryController {
  activeIndex = $state(-1);
  progress = $state(0);
  ready = $state(false);
  /**
   * Why the live map gave up, or null: the page shows static maps instead. `lasting` when a new
   * page would meet it again (a browser without WebGL), so nothing should reload for it.
   */
  failure: { reason: string; lasting: boolean } | null = $state.raw(null);
  /** A passing trouble with the map's data, said on the map (null: none). */
  notice: string | null = $state(null);
  get failed(): boolean {
    return this.failure !== null;
  }
  /** Whether the map moves and animates; off under prefers-reduced-motion or by the reader. */
  motion = $state(true);
  /** What the map drew in view when it last settled (reported by the map): the explore view's key. */
  drawnInView: LegendEntry[] = $state.raw([]);
  /** A place the reader brought into view from its name in the text, or null (the step's view). */
  placeShown: string | null = $state(null);
  /** A place whose name the reader points at in the text: the map rings it. */
  pointedPlace: string | null = $state(null);
  /** The explore view (null: the story): the layers, the year and the feature picked. */
  explore: ExploreView | null = $state.raw(null);
  /** The map pane's size and what covers it, measured by the map's component. */
  layout: Layout = $state.raw({ width: 0, height: 0, overlays: [] });
  /** The layout the map is framed in: the pane, with how large the map draws its labels. */
  get frameLayout(): Layout {
    return { ...this.layout, symbolScale: this.mode === 'kiosk' ? KIOSK_SYMBOL_SCALE : 1 };
  }
  /** What the map shows now: everything it draws is decided here. */
  readonly picture: MapPicture;
  /** How large edge markers are drawn here (set by EdgeMarkers: a finger's size on a touchscreen). */
  markerMetrics: MarkerMetrics = $state.raw(MARKER_METRICS.pointer);
  /** The camera the map last settled on (set by MapView): the map's aids wait for the flight. */
  settledCamera: CameraTarget | null = $state.raw(null);
  /** Whether the map has settled on the picture's camera: its aids show only then. */
  get settled(): boolean {
    return JSON.stringify(this.settledCamera) === JSON.stringify(this.picture.camera);
  }
  /** The locator inset of a close-up and the edge markers toward places off the view. */
  readonly aids: MapAids;
  /** One line on the map: what it shows and when (the step's caption). */
  get caption(): string {
    return this.explore ? '' : (this.activeStep?.caption ?? '');
  }
  /** The key to the map's symbols: the step's own, known before the map draws; in the explore view, what is in view. */
  get key(): LegendEntry[] {
    if (this.explore) return this.drawnInView;
    return this.steps[this.activeIndex]?.key ?? [];
  }
  /** Whether the latest move may fly the camera (false after `goTo(…, { animate: false })`). */
  flies = true;
  /** The steps this page shows: all of them, or one section's in an embed of that section. */
  readonly scope: { first: number; last: number };
  /** The one section shown, or null for the whole story. */
  readonly section: string | null;
  private map: MapHandle | null = null;
  /** The latest step `goTo` was asked for, applied at the next frame (see `goTo`). */
  private requested: { index: number; animate: boolean } | null = null;
  private requestApplied: Promise<void> | null = null;
  /** The step the listeners last heard of, and whether they are about to hear of another. */
  private announced = -1;
  private announcing = false;
  private readonly story: Pick<Story, 'steps' | 'places' | 'stateNames'>;
  // Listeners are bookkeeping, not state: nothing renders from them.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly listeners = { step: new Set<Listener>(), ready: new Set<Listener>() };

  constructor(
    readonly mode: Mode,
    story: Pick<Story, 'steps' | 'places' | 'stateNames'>,
    /** Limits the story to one section (`?mode=embed&section=…`, or `course`); an unknown one is ignored. */
    section: string | null = null,
  ) {
    this.story = story;
    this.picture = $derived(
      pictureFor(
        {
          step: this.steps[this.activeIndex] ?? null,
          progress: this.progress,
          motion: this.motion,
          explore: this.explore,
          placeShown: this.placeShown,
          pointedPlace: this.pointedPlace,
          places: this.story.places,
          stateNames: this.story.stateNames,
        },
        this.frameLayout,
      ),
    );
    this.aids = $derived(
      this.failed
        ? NO_AIDS
        : mapAidsFor({
            step: this.activeStep ?? null,
            picture: this.picture,
            pane: this.frameLayout,
            places: this.story.places,
            metrics: this.markerMetrics,
            kiosk: this.mode === 'kiosk',
          }),
    );
    const inSection = story.steps.filter((step) => step.section === section);
    this.section = inSection.length > 0 ? section : null;
    this.scope =
      inSection.length > 0
        ? { first: inSection[0]!.index, last: inSection.at(-1)!.index }
        : { first: 0, last: story.steps.length - 1 };
  }

  get steps(): Step[] {
    return this.story.steps;
  }

  /** The steps in scope, in order. */
  get scopedSteps(): Step[] {
    return this.steps.slice(this.scope.first, this.scope.last + 1);
  }

  get activeStep(): Step | undefined {
    return this.steps[this.activeIndex];
  }

  /** The map has loaded: it is ready once it has settled on the first picture. */
  async attachMap(map: MapHandle): Promise<void> {
    this.map = map;
    await this.mapCaughtUp();
    this.ready = true;
    performance.mark('storymap:map-ready');
    this.emit('ready');
  }

  /**
   * Makes a step active (from scrolling, a button or the API). Index -1 is the title page,
   * before the first step: the map shows its opening view.
   */
  activate(index: number, { animate = true }: { animate?: boolean } = {}): void {
    if (index < -1 || index >= this.steps.length) return;
    this.flies = animate;
    if (index === this.activeIndex) return;
    this.activeIndex = index;
    this.progress = 0;
    this.placeShown = null;
    this.pointedPlace = null;
    this.announceStep();
  }

  /**
   * Tells the listeners once the page shows the new step (its text in view, its address set by
   * a listener), and once for a burst of moves: only if the step finally shown is a new one.
   */
  private announceStep(): void {
    if (this.announcing) return;
    this.announcing = true;
    void tick().then(() => {
      this.announcing = false;
      if (this.activeIndex === this.announced) return;
      this.announced = this.activeIndex;
      this.emit('step');
    });
  }

  /**
   * Moves to a step by id (its text is scrolled into view); resolves when the map has settled.
   * Requests are coalesced: a host may send thousands a second, and only the latest is applied,
   * at most once a frame.
   */
  async goTo(stepId: string, { animate = true }: { animate?: boolean } = {}): Promise<void> {
    const index = this.steps.findIndex((step) => step.id === stepId);
    if (index < 0) throw new Error(`There is no step "${stepId}"`);
    if (index < this.scope.first || index > this.scope.last) {
      throw new Error(`Step "${stepId}" is not in the section this page shows ("${this.section}")`);
    }
    this.requested = { index, animate };
    this.requestApplied ??= nextFrame().then(() => {
      const latest = this.requested!;
      this.requested = null;
      this.requestApplied = null;
      this.activate(latest.index, { animate: latest.animate });
    });
    await this.requestApplied;
    await this.mapCaughtUp();
  }

  /** Moves to the next (1) or previous (-1) step. */
  async move(delta: -1 | 1): Promise<void> {
    const { first, last } = this.scope;
    // From the step already asked for this frame, so that two quick presses move two steps.
    const from = this.requested?.index ?? this.activeIndex;
    const step = this.steps[Math.min(last, Math.max(first, from + delta))];
    if (step && step.index !== from) await this.goTo(step.id);
  }

  /** Brings a place named in the text into view; `backToStory` returns to the step's view. */
  showPlace(id: string): Promise<void> {
    this.flies = true;
    this.placeShown = id;
    return this.mapCaughtUp();
  }

  backToStory(): Promise<void> {
    // The ring went with the place: the reader's pointer left its name to come back.
    this.placeShown = null;
    this.pointedPlace = null;
    return this.mapCaughtUp();
  }

  /**
   * Opens, changes or (with null) closes the explore view: the reader pans and zooms, picks the
   * layers and the year. Closing returns the map to the active step.
   */
  setExplore(view: ExploreView | null): Promise<void> {
    this.explore = view;
    this.placeShown = null;
    return this.mapCaughtUp();
  }

  /** Opens the explore view at the active step's year, every layer on. */
  openExplore(): Promise<void> {
    const year = Math.floor((this.activeStep?.period[0] ?? 19540101) / 10000);
    const layers = EXPLORE_LAYERS.map((layer) => layer.id);
    return this.setExplore({ layers, year: Math.min(1973, Math.max(1949, year)) });
  }

  /** In the explore view, brings an area into view (a feature picked from the list). */
  exploreBounds(focus: Bounds): Promise<void> {
    if (!this.explore) return Promise.resolve();
    this.flies = true;
    return this.setExplore({ ...this.explore, focus });
  }

  state(): StoryState {
    const snapshot = this.ready ? this.map?.snapshot() : undefined;
    const { picture } = this;
    return {
      mode: this.mode,
      ready: this.ready,
      stepId: this.activeStep?.id ?? null,
      progress: this.progress,
      camera: snapshot?.camera ?? { center: [0, 0], zoom: 0, bearing: 0, pitch: 0 },
      bounds: snapshot?.bounds ?? [
        [-180, -85],
        [180, 85],
      ],
      visibleLayers: this.ready ? STORY_LAYER_IDS.filter((id) => picture.layers.includes(id)) : [],
      clearArea: picture.clearArea,
      drawn: this.ready && picture.moving.length ? picture.drawn : null,
      labelled: snapshot?.labelled ?? [],
      ringed: this.ready ? picture.ringed : null,
      offscreen: this.ready ? this.aids.markers.map((marker) => marker.id) : [],
      drawing: snapshot?.drawing ?? null,
      caption: this.caption,
    };
  }

  on(event: 'step' | 'ready', listener: Listener): () => void {
    const set = this.listeners[event];
    if (!set) throw new Error(`Unknown event "${String(event)}": use "step" or "ready"`);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Resolves once the map shows the current state (at once when there is no map). */
  private async mapCaughtUp(): Promise<void> {
    // The picture reaches the map through an effect: let it run first.
    await tick();
    await this.map?.whenSettled();
  }

  private emit(event: 'step' | 'ready'): void {
    const state = this.state();
    for (const listener of this.listeners[event]) listener(state);
  }
}

/** The next frame, or a moment later where frames are not drawn (a hidden page or frame). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, 50);
  });
}

/**
 * The story's state: which step is active, how far through it the reader is, whether the map is
 * ready. The map picture is always derived from the active step, never from the path taken to it.
 * `window.storymap` (see api.ts) and the components read and steer the story only through this.
 */
import { EXPLORE_LAYERS } from './map/layers.ts';
import type { LegendEntry } from './map/legend.ts';
import type { Camera, ExploreView, StoryMap } from './map/StoryMap.ts';
import type { Bounds, Step } from './story/types.ts';

export type Mode = 'scroll' | 'kiosk' | 'embed';

export interface StoryState {
  mode: Mode;
  ready: boolean;
  stepId: string | null;
  progress: number;
  camera: Camera;
  bounds: Bounds;
  visibleLayers: string[];
  /**
   * How much of the step's own troop movements the map has drawn (0..1; they draw themselves as
   * the reader scrolls through the step), or null when the step has none.
   */
  drawn: number | null;
  /** The step's highlighted features whose names the map shows (never hidden by other labels). */
  labelled: string[];
  /** A place ringed because the reader points at its name in the text, or null. */
  ringed: string | null;
}

type Listener = (state: StoryState) => void;

export class StoryController {
  activeIndex = $state(-1);
  progress = $state(0);
  ready = $state(false);
  /** The live map gave up (no WebGL, lost for good, no style): the page shows static maps. */
  failed = $state(false);
  /** Whether the camera flies between steps; off under prefers-reduced-motion or by the reader. */
  motion = $state(true);
  /** What the map shows now, for the legend (empty until the map has drawn a step). */
  legend: LegendEntry[] = $state.raw([]);
  /** A place the reader brought into view from its name in the text, or null (the step's view). */
  placeShown: string | null = $state(null);
  /** The explore view (null: the story): the layers, the year and the feature picked. */
  explore: ExploreView | null = $state.raw(null);
  readonly steps: Step[];
  /** The steps this page shows: all of them, or one section's in an embed of that section. */
  readonly scope: { first: number; last: number };
  /** The one section shown, or null for the whole story. */
  readonly section: string | null;
  private map: StoryMap | undefined;
  // Listeners are bookkeeping, not state: nothing renders from them.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly listeners = { step: new Set<Listener>(), ready: new Set<Listener>() };
  /** Scrolls a step into view; set by the mode shell that owns the text. */
  revealStep: (step: Step) => void = () => {};

  constructor(
    readonly mode: Mode,
    steps: Step[],
    /** Limits the story to one section (`?mode=embed&section=…`); an unknown one is ignored. */
    section: string | null = null,
  ) {
    this.steps = steps;
    const inSection = steps.filter((step) => step.section === section);
    this.section = inSection.length > 0 ? section : null;
    this.scope =
      inSection.length > 0
        ? { first: inSection[0]!.index, last: inSection.at(-1)!.index }
        : { first: 0, last: steps.length - 1 };
  }

  /** The steps in scope, in order. */
  get scopedSteps(): Step[] {
    return this.steps.slice(this.scope.first, this.scope.last + 1);
  }

  get activeStep(): Step | undefined {
    return this.steps[this.activeIndex];
  }

  async attachMap(map: StoryMap): Promise<void> {
    this.map = map;
    await map.loaded;
    // The reader may have moved on while the map loaded: show whatever is active by now.
    let shown: Step | undefined;
    do {
      shown = this.activeStep;
      await map.show(shown ?? null, { animate: false });
    } while (shown !== this.activeStep);
    this.legend = map.legend();
    this.ready = true;
    this.emit('ready');
  }

  /**
   * Makes a step active (from scrolling, a button or the API); resolves when the map has settled.
   * Index -1 is the title page, before the first step: the map shows its opening view.
   */
  async activate(index: number, { animate = true }: { animate?: boolean } = {}): Promise<void> {
    if (index < -1 || index >= this.steps.length) return;
    if (index !== this.activeIndex) {
      this.activeIndex = index;
      this.progress = 0;
      this.placeShown = null;
      this.emit('step');
    }
    if (this.map && this.ready) {
      await this.map.show(this.activeStep ?? null, { animate: animate && this.motion });
      if (this.activeIndex === index) this.legend = this.map.legend();
    }
  }

  /** Rings a place named in the text while the reader points at its name (null: none). */
  previewPlace(id: string | null): void {
    if (this.ready) this.map?.previewPlace(id);
  }

  /** Brings a place named in the text into view; `backToStory` returns to the step's view. */
  async showPlace(id: string): Promise<void> {
    if (!this.map || !this.ready) return;
    this.placeShown = id;
    await this.map.showPlace(id, this.motion);
  }

  async backToStory(): Promise<void> {
    this.placeShown = null;
    if (this.map && this.ready)
      await this.map.show(this.activeStep ?? null, { animate: this.motion });
  }

  /**
   * Opens, changes or (with null) closes the explore view: the reader pans and zooms, picks the
   * layers and the year. Closing returns the map to the active step.
   */
  async setExplore(view: ExploreView | null): Promise<void> {
    this.explore = view;
    this.placeShown = null;
    if (!this.map || !this.ready) return;
    await this.map.explore(view);
    if (this.explore === view) this.legend = this.map.legend();
  }

  /** Opens the explore view at the active step's year, every layer on. */
  openExplore(): Promise<void> {
    const year = Math.floor((this.activeStep?.period[0] ?? 19540101) / 10000);
    const layers = EXPLORE_LAYERS.map((layer) => layer.id);
    return this.setExplore({ layers, year: Math.min(1973, Math.max(1949, year)) });
  }

  /** In the explore view, brings an area into view (a feature picked from the list). */
  async exploreBounds(bounds: Bounds): Promise<void> {
    if (!this.map || !this.ready || !this.explore) return;
    await this.map.showBounds(bounds, this.motion);
    this.legend = this.map.legend();
  }

  /** Moves to the next (1) or previous (-1) step. */
  async move(delta: -1 | 1): Promise<void> {
    const { first, last } = this.scope;
    const step = this.steps[Math.min(last, Math.max(first, this.activeIndex + delta))];
    if (step && step.index !== this.activeIndex) await this.goTo(step.id);
  }

  setProgress(progress: number): void {
    this.progress = progress;
  }

  /** Moves to a step by id: its text is scrolled into view and the map shows it. */
  async goTo(stepId: string, options: { animate?: boolean } = {}): Promise<void> {
    const index = this.steps.findIndex((step) => step.id === stepId);
    if (index < 0) throw new Error(`There is no step "${stepId}"`);
    if (index < this.scope.first || index > this.scope.last) {
      throw new Error(`Step "${stepId}" is not in the section this page shows ("${this.section}")`);
    }
    this.revealStep(this.steps[index]!);
    await this.activate(index, options);
  }

  state(): StoryState {
    const snapshot = this.map && this.ready ? this.map.snapshot() : undefined;
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
      visibleLayers: snapshot?.visibleLayers ?? [],
      drawn: snapshot?.drawn ?? null,
      labelled: snapshot?.labelled ?? [],
      ringed: snapshot?.ringed ?? null,
    };
  }

  on(event: 'step' | 'ready', listener: Listener): () => void {
    const set = this.listeners[event];
    if (!set) throw new Error(`Unknown event "${String(event)}": use "step" or "ready"`);
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(event: 'step' | 'ready'): void {
    const state = this.state();
    for (const listener of this.listeners[event]) listener(state);
  }
}

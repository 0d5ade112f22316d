/**
 * Supply routes flow (their dashes march along the route) for a few seconds after a step that
 * shows them settles, then rest: a moving map for the whole step would cost the reader's battery
 * and pull the eye from the text.
 */
import type * as maplibregl from 'maplibre-gl';
import { dashAt, flowPhase, FLOW_MS } from './flow.ts';

/** The route layer whose dashes flow. */
const ROUTE_DASH_LAYER = 'supply-routes-0';

export class RouteFlow {
  private frame = 0;

  constructor(private readonly map: maplibregl.Map) {}

  start(): void {
    this.stop();
    const started = performance.now();
    let shown = 0;
    const tick = (now: number) => {
      const done = now - started >= FLOW_MS;
      const phase = done ? 0 : flowPhase(now - started);
      // A handful of phases, each set once per cycle: maplibre keeps every dash pattern it has
      // drawn in a fixed-size atlas, so endless distinct patterns would fill it.
      if (phase !== shown) this.setDash(phase);
      shown = phase;
      this.frame = done ? 0 : requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  stop(): void {
    if (!this.frame) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.setDash(0);
  }

  private setDash(phase: number): void {
    this.map.setPaintProperty(ROUTE_DASH_LAYER, 'line-dasharray', dashAt(phase));
  }
}

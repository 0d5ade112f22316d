/** The flowing dashes of supply routes, as pure functions (no map code). */
import { SYMBOLS } from './symbology.ts';

/** The supply routes' dash, in line widths (symbology.ts), and how fast it flows. */
const [DASH, GAP] = SYMBOLS.supplyRoute.dash;
const DASH_PERIOD = DASH + GAP;
export const FLOW_MS = 6000;
/** One dash length travelled per this many ms. */
const FLOW_PERIOD_MS = 1200;

/** Distinct dash phases in one period: enough to look continuous at its pace. */
const FLOW_STEPS = 12;

/** How far (in line widths) the dashes have travelled after `elapsed` ms, in whole steps. */
export function flowPhase(elapsed: number): number {
  const step = Math.floor((elapsed / FLOW_PERIOD_MS) * FLOW_STEPS) % FLOW_STEPS;
  return (step / FLOW_STEPS) * DASH_PERIOD;
}

/** The dash pattern shifted `phase` line widths along the line (0 <= phase < DASH_PERIOD). */
export function dashAt(phase: number): number[] {
  if (phase <= 0) return [DASH, GAP];
  return phase < GAP ? [0, phase, DASH, GAP - phase] : [phase - GAP, GAP, DASH - (phase - GAP), 0];
}

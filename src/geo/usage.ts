/**
 * Every curated feature earns its place: some step draws it (its layer is on and the step's date
 * falls in the feature's span), or it is marked `"explore": true` for the explore view. A feature
 * that nothing shows is either a mistake in its dates or a step that forgot its layer.
 */
import type { Step } from '../story/types.ts';
import { periodsOverlap } from './dates.ts';

export interface FeatureUse {
  period: [number, number];
  explore: boolean;
}

export function featureUseProblems(
  steps: Pick<Step, 'id' | 'layers' | 'period' | 'highlight'>[],
  layers: Record<string, Record<string, FeatureUse>>,
): string[] {
  const problems: string[] = [];
  for (const [layer, features] of Object.entries(layers)) {
    for (const [id, { period, explore }] of Object.entries(features)) {
      const drawnBy = steps.find(
        (step) =>
          step.highlight.some((h) => h.layer === layer && h.id === id) ||
          (step.layers.includes(layer) && periodsOverlap(step.period, period)),
      );
      const where = `geo/${layer}.geojson: feature "${id}"`;
      if (!drawnBy && !explore)
        problems.push(
          `${where}: no step draws it; add "${layer}" to a step in its period, fix its dates, or mark it "explore": true`,
        );
      if (drawnBy && explore)
        problems.push(
          `${where}: marked "explore": true but step "${drawnBy.id}" draws it; remove the mark`,
        );
    }
  }
  return problems;
}

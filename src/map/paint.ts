/**
 * The symbology table (symbology.ts) in maplibre's terms: paint and layout properties for the live
 * map. Only types are imported from maplibre, so build scripts can read the layer catalogue too.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { actorColour } from './actors.ts';
import {
  atZoom,
  type CircleSymbol,
  type LineSymbol,
  type Scaled,
  type TextSymbol,
} from './symbology.ts';

type LinePaint = NonNullable<LineLayerSpecification['paint']>;
type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;
type TextLayout = NonNullable<SymbolLayerSpecification['layout']>;
type TextPaint = NonNullable<SymbolLayerSpecification['paint']>;

const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
/** The style's global state that draws every feature as its own (the explore view). */
export const ALL_OWN = 'allOwn';
/** The step's own features (its highlights and the events of its period): see apply.ts. */
const own: ExpressionSpecification = [
  'any',
  ['boolean', ['global-state', ALL_OWN], false],
  ['boolean', ['feature-state', 'own'], false],
];

/** One value for the step's own features and another for the context. */
export function ownOr(ownValue: unknown, context: unknown): ExpressionSpecification {
  return ['case', own, ownValue, context] as ExpressionSpecification;
}

/** A feature's colour: its actor's, or the symbol's own. */
export function colourOf(symbol: { colour: string; byActor?: boolean }): ExpressionSpecification {
  return (symbol.byActor ? actorColour(symbol.colour) : symbol.colour) as ExpressionSpecification;
}

/** One value for the step's own features and another for the others, when they differ. */
function highlightOr<T>(own: T, other: T): T | ExpressionSpecification {
  return JSON.stringify(own) === JSON.stringify(other)
    ? other
    : (['case', highlighted, own, other] as ExpressionSpecification);
}

/**
 * A number for the step's own features and one for the others; either may change with zoom.
 * maplibre reads the zoom only at the top of an expression, so the case goes inside each stop.
 */
function scaled(other: Scaled, own: Scaled = other): number | ExpressionSpecification {
  if (typeof own === 'number' && typeof other === 'number') return highlightOr(own, other);
  const zooms = [own, other].flatMap((value) =>
    typeof value === 'number' ? [] : value.map(([zoom]) => zoom),
  );
  const stops = [...new Set(zooms)].sort((a, b) => a - b);
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    ...stops.flatMap((zoom) => [zoom, highlightOr(atZoom(own, zoom), atZoom(other, zoom))]),
  ] as ExpressionSpecification;
}

export function linePaint(symbol: LineSymbol): LinePaint {
  const { context } = symbol;
  const width =
    context && typeof symbol.width === 'number'
      ? ([
          'case',
          highlighted,
          symbol.highlightWidth ?? symbol.width,
          own,
          symbol.width,
          context.width,
        ] as ExpressionSpecification)
      : scaled(symbol.width, symbol.highlightWidth);
  return {
    'line-color': context ? ownOr(colourOf(symbol), context.colour) : colourOf(symbol),
    'line-width': width,
    ...(symbol.dash && { 'line-dasharray': [...symbol.dash] }),
    ...(context
      ? { 'line-opacity': ownOr(symbol.opacity ?? 1, context.opacity) }
      : symbol.opacity !== undefined && { 'line-opacity': symbol.opacity }),
  };
}

/** What a line layer draws when it says nothing of these: a line with no dash is one with no gap. */
const LINE_DEFAULTS: Partial<Record<keyof LinePaint, unknown>> = {
  'line-opacity': 1,
  'line-dasharray': [1, 0],
};

/**
 * Two line symbols on one layer: `when` for the features that pass `test`, `otherwise` for the
 * rest. One layer instead of two is one draw fewer on every frame. Neither symbol may change with
 * zoom: maplibre reads the zoom only at the top of an expression.
 */
export function linePaintWhere(
  test: ExpressionSpecification,
  when: LineSymbol,
  otherwise: LineSymbol,
): LinePaint {
  const a: Record<string, unknown> = linePaint(when);
  const b: Record<string, unknown> = linePaint(otherwise);
  const paint: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [yes, no] = [a[key], b[key]].map((value) => {
      const given = value ?? LINE_DEFAULTS[key as keyof LinePaint];
      if (JSON.stringify(given).includes('"zoom"')) throw new Error(`${key} changes with zoom`);
      // A dash is an array of numbers, which an expression must quote.
      return Array.isArray(given) && typeof given[0] === 'number' ? ['literal', given] : given;
    });
    paint[key] = JSON.stringify(yes) === JSON.stringify(no) ? yes : ['case', test, yes, no];
  }
  return paint as LinePaint;
}

/** Circles for the others and, when given, for the step's own features. */
export function circlePaint(other: CircleSymbol, own = other): CirclePaint {
  return {
    'circle-radius': scaled(other.radius, own.radius),
    'circle-color': highlightOr(colourOf(own), colourOf(other)),
    'circle-stroke-color': highlightOr(own.stroke, other.stroke),
    'circle-stroke-width': highlightOr(own.strokeWidth, other.strokeWidth),
  };
}

/** The font and the look of a label's text (not what it says or where it goes). */
export function textLayout(symbol: TextSymbol): TextLayout {
  return {
    'text-font': ['Noto Sans Regular'],
    'text-size': symbol.size,
    ...(symbol.uppercase && { 'text-transform': 'uppercase' }),
    ...(symbol.letterSpacing !== undefined && { 'text-letter-spacing': symbol.letterSpacing }),
    ...(symbol.maxWidth !== undefined && { 'text-max-width': symbol.maxWidth }),
  };
}

export function textPaint(symbol: TextSymbol): TextPaint {
  return {
    'text-color': symbol.colour,
    'text-halo-color': symbol.halo,
    'text-halo-width': symbol.haloWidth,
  };
}

/** SVG text for a static map: numbers, escapes, and the symbology table as SVG attributes. */
import {
  atZoom,
  dashArray,
  type CircleSymbol,
  type LineSymbol,
  type TextSymbol,
} from '../../src/map/symbology.ts';
import { LINE_HEIGHT, type Label } from './labels.ts';

/** A number with at most one decimal, never "-0". */
export function fmt(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A line's colour, opacity, width and dashes; the dashes scale with the width, as in maplibre. */
export function stroke(
  symbol: LineSymbol,
  {
    zoom,
    highlighted = false,
    context = false,
    colour = symbol.colour,
  }: { zoom: number; highlighted?: boolean; context?: boolean; colour?: string },
): string {
  // What the step is not about: quiet, thin and grey (as the live map draws it).
  if (context && symbol.context) {
    const { colour: grey, width, opacity } = symbol.context;
    return `stroke="${grey}" stroke-opacity="${opacity}" stroke-width="${fmt(width)}"`;
  }
  const width = (highlighted ? symbol.highlightWidth : undefined) ?? atZoom(symbol.width, zoom);
  const opacity = symbol.opacity === undefined ? '' : ` stroke-opacity="${symbol.opacity}"`;
  const dash = symbol.dash ? ` stroke-dasharray="${dashArray(symbol.dash, width)}"` : '';
  return `stroke="${colour}"${opacity} stroke-width="${fmt(width)}"${dash}`;
}

/** A group of dots in one symbol; its circles are written with `circle`. */
export function dots(symbol: CircleSymbol): string {
  return `<g fill="${symbol.colour}" stroke="${symbol.stroke}" stroke-width="${symbol.strokeWidth}">`;
}

export function circle([x, y]: [number, number], r: number): string {
  return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}"/>`;
}

/**
 * A group of labels in one symbol. An SVG stroke straddles the glyph's outline where maplibre's
 * halo lies outside it only: twice the width gives the same halo.
 */
export function labels(symbol: TextSymbol, items: Label[]): string[] {
  if (!items.length) return [];
  const spacing = symbol.letterSpacing
    ? ` letter-spacing="${fmt(symbol.letterSpacing * symbol.size)}"`
    : '';
  const halo = `stroke="${symbol.halo}" stroke-width="${fmt(2 * symbol.haloWidth)}" stroke-linejoin="round" paint-order="stroke"`;
  return [
    `<g font-size="${symbol.size}"${spacing} fill="${symbol.colour}" ${halo}>`,
    ...items.map(text),
    '</g>',
  ];
}

function text(label: Label): string {
  const anchor = label.anchor === 'start' ? '' : ` text-anchor="${label.anchor}"`;
  const [first, ...more] = label.text;
  if (!more.length) {
    return `<text x="${fmt(label.x)}" y="${fmt(label.y)}"${anchor}>${escapeXml(first ?? '')}</text>`;
  }
  const lines = label.text.map(
    (line, i) =>
      `<tspan x="${fmt(label.x)}" y="${fmt(label.y + i * (LINE_HEIGHT * label.size))}">${escapeXml(line)}</tspan>`,
  );
  return `<text${anchor}>${lines.join('')}</text>`;
}

/** An arrowhead in a movement's colour, its tip a little past the line's end. */
export function arrowMarker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto"><path d="M0,0L10,5L0,10L3,5Z" fill="${colour}"/></marker>`;
}

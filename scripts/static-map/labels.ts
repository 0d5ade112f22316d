/**
 * Label placement for a static map. Labels are placed one at a time, in order of priority, each
 * in the first spot that stays in the viewport and covers no spot already taken.
 */
import type { TextSymbol } from '../../src/map/symbology.ts';
import type { Box } from './geometry.ts';

export interface Label {
  /** One string per line. */
  text: string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  box: Box;
}

/** Lines of a wrapped label, in ems apart. */
export const LINE_HEIGHT = 1.2;

export class LabelSpace {
  private readonly taken: Box[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /** Keeps a spot free of labels (a dot that must stay visible). */
  reserve(box: Box): void {
    this.taken.push(box);
  }

  /**
   * A place label beside its dot, tried right, left, above and below (maplibre's variable
   * anchors). With `force` (the step's own places) it is placed even where it overlaps, in the
   * first spot in view.
   */
  place(
    name: string,
    [x, y]: [number, number],
    symbol: TextSymbol,
    radius: number,
    force: boolean,
  ): Label[] {
    if (!name) return [];
    const { size } = symbol;
    const w = textWidth(name, size, 0);
    const gap = Math.max(radius + 2, (symbol.offset ?? 0) * size);
    const label = (x: number, y: number, anchor: Label['anchor'], box: Box): Label => ({
      text: [name],
      x,
      y,
      anchor,
      size,
      box,
    });
    const candidates = [
      label(x + gap, y + 0.35 * size, 'start', [x + gap, y - size / 2, x + gap + w, y + size / 2]),
      label(x - gap, y + 0.35 * size, 'end', [x - gap - w, y - size / 2, x - gap, y + size / 2]),
      label(x, y - gap, 'middle', [x - w / 2, y - gap - size, x + w / 2, y - gap]),
      label(x, y + gap + 0.8 * size, 'middle', [x - w / 2, y + gap, x + w / 2, y + gap + size]),
    ];
    const chosen =
      candidates.find((label) => this.fits(label.box) && this.free(label.box)) ??
      (force ? (candidates.find((label) => this.fits(label.box)) ?? candidates[0]) : undefined);
    return chosen ? this.take(chosen) : [];
  }

  /**
   * A state's name centred on its point, wrapped as maplibre's text-max-width does; skipped when
   * it would cover an earlier label or leave the viewport.
   */
  state(name: string, [x, y]: [number, number], symbol: TextSymbol): Label[] {
    const { size } = symbol;
    const spacing = (symbol.letterSpacing ?? 0) * size;
    const maxWidth = (symbol.maxWidth ?? Infinity) * size;
    const widthOf = (line: string) => textWidth(line, size, spacing, symbol.uppercase);
    const lines: string[] = [];
    const words = (symbol.uppercase ? name.toUpperCase() : name).split(/\s+/).filter(Boolean);
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && widthOf(`${last} ${word}`) <= maxWidth)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    const lineHeight = LINE_HEIGHT * size;
    const w = Math.max(...lines.map(widthOf));
    const h = lines.length * lineHeight;
    const box: Box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
    if (!lines.length || !this.fits(box) || !this.free(box)) return [];
    const top = y - h / 2 + 0.85 * size + (lineHeight - size) / 2;
    return this.take({ text: lines, x, y: top, anchor: 'middle', size, box });
  }

  private fits(box: Box): boolean {
    return box[0] >= 0 && box[1] >= 0 && box[2] <= this.width && box[3] <= this.height;
  }

  private free(box: Box): boolean {
    return !this.taken.some((other) => overlap(other, box));
  }

  private take(label: Label): Label[] {
    this.taken.push(label.box);
    return [label];
  }
}

/** A rough width for Noto Sans: no fonts are measured at build time. */
function textWidth(text: string, size: number, spacing: number, upper = false): number {
  return text.length * (size * (upper ? 0.68 : 0.56) + spacing);
}

function overlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * How large a label will be on screen, estimated from its text and symbol (pure, no maplibre):
 * enough to frame names inside the clear area and to leave out names the map's edge would cut.
 * Noto Sans averages about 0.58 em a character, 0.7 em in capitals; maplibre wraps at the symbol's
 * `maxWidth` (10 em by default) between words.
 */
import type { TextSymbol } from './symbology.ts';

const EM_PER_CHARACTER = 0.58;
const EM_PER_CAPITAL = 0.7;
const DEFAULT_WRAP_EM = 10;
const LINE_HEIGHT = 1.2;

export function labelSize(text: string, symbol: TextSymbol): { width: number; height: number } {
  const perCharacter =
    (symbol.uppercase ? EM_PER_CAPITAL : EM_PER_CHARACTER) + (symbol.letterSpacing ?? 0);
  const wrap = symbol.maxWidth ?? DEFAULT_WRAP_EM;
  const lines: number[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const em = word.length * perCharacter;
    const last = lines.length - 1;
    if (last >= 0 && lines[last]! + perCharacter + em <= wrap) lines[last]! += perCharacter + em;
    else lines.push(em);
  }
  return {
    width: Math.max(0, ...lines) * symbol.size,
    height: Math.max(1, lines.length) * LINE_HEIGHT * symbol.size,
  };
}

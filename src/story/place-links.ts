/**
 * Place names in the text become links to their features: the first mention of each place in each
 * step, found by the place's name or any of its aliases (whole words, as written). Run at build.
 */
import type { Inline } from './types.ts';

export interface PlaceNames {
  id: string;
  /** The name and the aliases. */
  names: string[];
}

/** A name worth finding: a capitalised word or phrase of three letters or more. */
const USABLE = /^\p{Lu}[\p{L}\p{M}'’. -]{2,}$/u;

export function linkPlaces(paragraphs: Inline[][], places: PlaceNames[]): Inline[][] {
  // Longest first, so "Hainan Island" wins over "Hainan" at the same spot.
  const candidates = places
    .flatMap(({ id, names }) =>
      names.filter((name) => USABLE.test(name)).map((name) => ({ id, name })),
    )
    .sort((a, b) => b.name.length - a.name.length);
  const linked = new Set<string>();
  return paragraphs.map((paragraph) =>
    paragraph.flatMap((part): Inline[] => (typeof part === 'string' ? linkText(part) : [part])),
  );

  function linkText(text: string): Inline[] {
    const out: Inline[] = [];
    let rest = text;
    for (;;) {
      const found = firstMention(rest);
      if (!found) break;
      linked.add(found.id);
      if (found.at > 0) out.push(rest.slice(0, found.at));
      out.push({ place: found.id, text: found.name });
      rest = rest.slice(found.at + found.name.length);
    }
    if (rest) out.push(rest);
    return out;
  }

  function firstMention(text: string): { id: string; name: string; at: number } | null {
    let best: { id: string; name: string; at: number } | null = null;
    for (const { id, name } of candidates) {
      if (linked.has(id)) continue;
      const at = wholeWordIndex(text, name);
      if (at >= 0 && (!best || at < best.at)) best = { id, name, at };
    }
    return best;
  }
}

function wholeWordIndex(text: string, name: string): number {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
  }
  return -1;
}

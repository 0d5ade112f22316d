/**
 * The one line that says what a step's map shows and when: the step's `caption`.
 *
 * Temporary fallback, until every step has its caption written: the opening of its `map:`
 * sentence, which by the content's convention names the area and the date before its first colon
 * ("Indochina and southern China from November 1953 to April 1954: …"), cut at a word boundary
 * when it runs past a caption's length.
 */
import { CAPTION_MAX } from './resolve.ts';
import type { Step } from './types.ts';

export function captionOf(step: Pick<Step, 'caption' | 'mapText'>): string {
  const caption = step.caption.trim();
  if (caption) return caption;
  const text = step.mapText.trim();
  const colon = text.indexOf(':');
  const opening = colon > 0 ? text.slice(0, colon) : text.replace(/\.$/, '');
  return shorten(opening, CAPTION_MAX);
}

/** `text` whole if it fits in `max` characters, else cut after its last whole word and marked "…". */
export function shorten(text: string, max: number): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words.length <= max) return words;
  // The words that fit with the ellipsis after them.
  const room = words.slice(0, max);
  const cut = room.lastIndexOf(' ');
  const kept = (cut > 0 ? room.slice(0, cut) : room.slice(0, max - 1)).replace(/[\s,;:–—-]+$/, '');
  return `${kept}…`;
}

/**
 * Keys that move the story a step at a time, so nobody has to scroll to read it: j / ArrowDown /
 * PageDown forward, k / ArrowUp / PageUp back. Keys typed into a control keep their usual meaning.
 */

const FORWARD = new Set(['j', 'ArrowDown', 'PageDown']);
const BACK = new Set(['k', 'ArrowUp', 'PageUp']);
const CONTROLS = 'input, textarea, select, button, a[href], [contenteditable], [role="dialog"] *';

export function stepDelta(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): -1 | 0 | 1 {
  if (event.ctrlKey || event.metaKey || event.altKey) return 0;
  const target = event.target as Element | null;
  if (target && typeof target.closest === 'function' && target.closest(CONTROLS)) return 0;
  if (FORWARD.has(event.key)) return 1;
  if (BACK.has(event.key)) return -1;
  return 0;
}

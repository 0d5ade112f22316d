/**
 * Measures the map pane and what lies over it: every element marked `data-map-overlay` (the
 * timeline, the key, the step controls, the phone's text sheet…), as rectangles relative to the
 * pane. Measured again whenever any of them changes size, appears or goes away.
 *
 * A resize is measured in the observer's callback, after layout and before paint: a step whose
 * key is taller re-aims the camera before maplibre draws its next frame, so the map never shows
 * the step framed for the last step's chrome.
 */
import type { Layout, Rect } from '../map/frame.ts';

export function watchLayout(pane: HTMLElement, onLayout: (layout: Layout) => void): () => void {
  let frame = 0;
  let last = '';
  const measure = () => {
    frame = 0;
    const box = pane.getBoundingClientRect();
    const overlays: Rect[] = [...document.querySelectorAll<HTMLElement>('[data-map-overlay]')]
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => ({
        x: Math.round(rect.left - box.left),
        y: Math.round(rect.top - box.top),
        width: Math.round(rect.width),
        height: Math.round(rect.height),
      }));
    const layout = { width: Math.round(box.width), height: Math.round(box.height), overlays };
    const key = JSON.stringify(layout);
    if (key === last) return;
    last = key;
    observeOverlays();
    onLayout(layout);
  };
  const soon = () => (frame ||= requestAnimationFrame(measure));
  const sizes = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    measure();
  });
  const observeOverlays = () => {
    sizes.disconnect();
    sizes.observe(pane);
    for (const element of document.querySelectorAll('[data-map-overlay]')) sizes.observe(element);
  };
  // Overlays come and go (the explore panel, a notice) or change without resizing (hidden).
  const changes = new MutationObserver(soon);
  changes.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['open', 'hidden', 'class', 'data-map-overlay'],
  });
  window.addEventListener('resize', soon);
  observeOverlays();
  measure();
  return () => {
    cancelAnimationFrame(frame);
    sizes.disconnect();
    changes.disconnect();
    window.removeEventListener('resize', soon);
  };
}

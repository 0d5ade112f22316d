/*
 * embed-host.js: optional helper for course pages that allow scripts. Not needed for the story to
 * work; without it the iframe keeps the height written in its HTML.
 *
 * Use: mark each story iframe with the data-storymap attribute (the opt-in: other iframes are left
 * alone) and include this file once, from the folder the story is served from:
 *
 *   <iframe data-storymap src="https://your.host/mao-indochina/?mode=embed" title="…"
 *     width="100%" height="720" style="border:0" loading="lazy" allowfullscreen></iframe>
 *   <script src="https://your.host/mao-indochina/embed-host.js" defer></script>
 *
 * Optional attributes: data-storymap-max-height="900" (px; default: the window's height - 32) and
 * data-storymap-min-height="480" (px; default 480). window.storymapHost.goto(iframe, stepId) moves
 * a story to a step. The helper never scrolls or focuses the host page.
 */
(() => {
  'use strict';
  if (window.storymapHost) return; // Included twice: one listener is enough.

  const DEFAULT_MIN = 480;
  const lastHeight = new WeakMap(); // iframe -> frame height it last asked for

  const storyFrames = () => Array.from(document.querySelectorAll('iframe[data-storymap]'));

  // The three height formats the story sends: its own, and the ones existing resizer scripts
  // (Datawrapper's, AMP's) already understand. Each may arrive as an object or as a JSON string.
  function heightOf(data) {
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return undefined;
      }
    }
    if (!data || typeof data !== 'object') return undefined;
    let height;
    if (data.type === 'storymap:height') height = data.height;
    else if (data.sentinel === 'amp' && data.type === 'embed-size') height = data.height;
    else if (data['datawrapper-height'] && typeof data['datawrapper-height'] === 'object') {
      height = Object.values(data['datawrapper-height'])[0];
    }
    return typeof height === 'number' && Number.isFinite(height) && height >= 0
      ? height
      : undefined;
  }

  function px(iframe, name, fallback) {
    const value = parseFloat(iframe.getAttribute(name) || '');
    return Number.isFinite(value) && value > 0 ? value : fallback;
  }

  // The story scrolls inside its iframe: give it the height it asks for, never more than the cap
  // (so the page around it stays reachable), never below the floor.
  function fit(iframe) {
    const content = lastHeight.get(iframe);
    if (content === undefined) return;
    const cap = px(iframe, 'data-storymap-max-height', window.innerHeight - 32);
    const floor = px(iframe, 'data-storymap-min-height', DEFAULT_MIN);
    const height = `${Math.round(Math.max(floor, Math.min(content, cap)))}px`;
    if (iframe.style.height !== height) iframe.style.height = height;
  }

  window.addEventListener('message', (event) => {
    // Trust only messages from the story iframes themselves, never from other windows.
    const iframe = storyFrames().find((frame) => frame.contentWindow === event.source);
    if (!iframe) return;
    const height = heightOf(event.data);
    if (height === undefined) return;
    lastHeight.set(iframe, height);
    fit(iframe);
  });

  // The cap follows the window; the height last asked for is kept.
  window.addEventListener('resize', () => storyFrames().forEach(fit));

  function goto(iframe, stepId) {
    if (!iframe || !iframe.contentWindow || !iframe.src || typeof stepId !== 'string') return false;
    let origin;
    try {
      origin = new URL(iframe.src, location.href).origin;
    } catch {
      return false;
    }
    if (origin === 'null') return false; // No real origin (data:, about:): nowhere safe to post.
    // Addressed to the story's origin only, so a navigated-away iframe never receives it.
    iframe.contentWindow.postMessage({ type: 'storymap:goto', stepId }, origin);
    return true;
  }

  window.storymapHost = { goto };
})();

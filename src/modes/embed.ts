/**
 * The embed's conversation with the page that frames it (contract in docs/embedding.md): it tells
 * the host when it is ready, which step is shown and how tall its frame should be, and accepts one
 * request, `storymap:goto`. Anything else that arrives is ignored.
 */
import type { StoryController } from '../controller.svelte.ts';

/** The id under which the story reports its height to Datawrapper-style resizers. */
export const EMBED_ID = 'mao-indochina-storymap';

export interface GotoRequest {
  stepId: string;
}

/** The one message a host may send, or null for anything of another shape. */
export function readHostMessage(data: unknown): GotoRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, stepId } = data as Record<string, unknown>;
  if (type !== 'storymap:goto' || typeof stepId !== 'string' || stepId === '') return null;
  return { stepId };
}

/**
 * The height the story asks its frame to have, in CSS px.
 *
 * The embedded story scrolls inside a frame of fixed height (its map is sticky, as tall as the
 * frame): its content height (about 91,000 px) is no height for a frame. Resizer scripts a host may
 * already run (Datawrapper's, AMP's) apply the number they receive as it is, so the story sends
 * the height of a good fixed frame instead: 720 px, the Standard height of the share dialog, in
 * the middle of the 600 to 800 px the embedding guide recommends. It does not depend on the
 * frame's own size (a height derived from it would feed back into it), and the optional host
 * script (static/embed-host.js) still caps it at the reader's window. Every embed scrolls inside
 * itself (the article without the live map too), so no content height is ever sent.
 */
export const FRAME_HEIGHT = 720;

/**
 * A frame height in the formats hosts' resizer scripts understand: ours, Datawrapper's and AMP's
 * `embed-size`, so a page that already runs one of those sizes the frame without ours.
 */
export function heightMessages(height: number): object[] {
  return [
    { type: 'storymap:height', height },
    { 'datawrapper-height': { [EMBED_ID]: height } },
    { sentinel: 'amp', type: 'embed-size', height },
  ];
}

/** Whether a message from `origin` may steer the story; no allowlist (null) allows any host. */
export function hostAllowed(origin: string, allowedOrigins: string[] | null): boolean {
  return allowedOrigins === null || allowedOrigins.includes(origin);
}

/**
 * Starts talking to the framing page, if there is one. Returns a function that stops.
 * Messages go to every origin unless an allowlist names the hosts (then to those only, and to none
 * if it names no valid one): they carry nothing private.
 */
export function connectToHost(
  controller: StoryController,
  allowedOrigins: string[] | null,
  host: Window = window.parent,
): () => void {
  if (host === window) return () => {};
  // An allowlist left empty (every entry invalid, config.ts warned) lets no page in: no posts.
  const targets = allowedOrigins ?? ['*'];
  const post = (message: object) => {
    for (const target of targets) host.postMessage(message, target);
  };

  const refused = new Set<string>();
  const onMessage = (event: MessageEvent) => {
    if (event.source !== host || !hostAllowed(event.origin, allowedOrigins)) return;
    const request = readHostMessage(event.data);
    if (!request) return;
    controller.goTo(request.stepId).catch((error: unknown) => {
      // Once for each step a host asks for in vain, however often it asks.
      if (refused.has(request.stepId)) return;
      refused.add(request.stepId);
      console.warn('storymap:goto ignored:', error instanceof Error ? error.message : error);
    });
  };
  window.addEventListener('message', onMessage);

  const postStep = () => {
    const step = controller.activeStep;
    if (step) post({ type: 'storymap:step', stepId: step.id, index: step.index });
  };
  const postHeight = () => {
    for (const message of heightMessages(FRAME_HEIGHT)) post(message);
  };
  postHeight();

  // The height again with `ready`, for a host whose resizer script loaded after the first report.
  const postReady = () => {
    post({ type: 'storymap:ready' });
    postHeight();
  };
  const stopStep = controller.on('step', postStep);
  const stopReady = controller.on('ready', postReady);
  if (controller.ready) postReady();

  return () => {
    window.removeEventListener('message', onMessage);
    stopStep();
    stopReady();
  };
}

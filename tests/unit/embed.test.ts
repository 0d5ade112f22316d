import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoryController } from '../../src/controller.svelte.ts';
import {
  connectToHost,
  EMBED_ID,
  FRAME_HEIGHT,
  heightMessages,
  hostAllowed,
  readHostMessage,
} from '../../src/modes/embed.ts';

describe('readHostMessage', () => {
  it('accepts a goto with a step id', () => {
    expect(readHostMessage({ type: 'storymap:goto', stepId: 'geneva-agreement-1954' })).toEqual({
      stepId: 'geneva-agreement-1954',
    });
  });

  it('ignores every other shape', () => {
    for (const data of [
      null,
      undefined,
      'storymap:goto',
      JSON.stringify({ type: 'storymap:goto', stepId: 'a' }),
      42,
      [],
      {},
      { type: 'storymap:goto' },
      { type: 'storymap:goto', stepId: '' },
      { type: 'storymap:goto', stepId: 3 },
      { type: 'storymap:step', stepId: 'a' },
      { stepId: 'a' },
    ]) {
      expect(readHostMessage(data), JSON.stringify(data)).toBeNull();
    }
  });
});

describe('heightMessages', () => {
  it('reports the height in our format, Datawrapper’s and AMP’s', () => {
    expect(heightMessages(720)).toEqual([
      { type: 'storymap:height', height: 720 },
      { 'datawrapper-height': { [EMBED_ID]: 720 } },
      { sentinel: 'amp', type: 'embed-size', height: 720 },
    ]);
  });
});

describe('connectToHost', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a fixed frame height, never the scrolling content’s height', () => {
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
    const sent: unknown[] = [];
    const host = { postMessage: (message: unknown) => sent.push(message) } as unknown as Window;
    const controller = {
      ready: true,
      activeStep: null,
      on: () => () => {},
    } as unknown as StoryController;
    const stop = connectToHost(controller, null, host);
    expect(sent).toContainEqual({ type: 'storymap:ready' });
    const heights = sent.filter((m) => JSON.stringify(m).includes('height'));
    expect(heights.length).toBeGreaterThan(0);
    for (const message of heights) expect(heightMessages(FRAME_HEIGHT)).toContainEqual(message);
    expect(FRAME_HEIGHT).toBeGreaterThanOrEqual(600);
    expect(FRAME_HEIGHT).toBeLessThanOrEqual(800);
    stop();
  });
});

describe('connectToHost with an allowlist that names no valid host', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts to no one and takes no command', () => {
    let listener: ((event: MessageEvent) => void) | undefined;
    vi.stubGlobal('window', {
      addEventListener: (_: string, handler: (event: MessageEvent) => void) => (listener = handler),
      removeEventListener() {},
    });
    const sent: unknown[] = [];
    const host = { postMessage: (message: unknown) => sent.push(message) } as unknown as Window;
    const goTo = vi.fn(() => Promise.resolve());
    const controller = {
      ready: true,
      activeStep: null,
      on: () => () => {},
      goTo,
    } as unknown as StoryController;
    const stop = connectToHost(controller, [], host);
    listener?.({
      source: host,
      origin: 'https://lms.example',
      data: { type: 'storymap:goto', stepId: 'a' },
    } as unknown as MessageEvent);
    expect(sent).toEqual([]);
    expect(goTo).not.toHaveBeenCalled();
    stop();
  });
});

describe('hostAllowed', () => {
  it('allows any host without an allowlist, only listed origins with one, none with an empty one', () => {
    expect(hostAllowed('https://canvas.example.edu', null)).toBe(true);
    expect(hostAllowed('https://canvas.example.edu', [])).toBe(false);
    const list = ['https://canvas.example.edu'];
    expect(hostAllowed('https://canvas.example.edu', list)).toBe(true);
    expect(hostAllowed('https://evil.example', list)).toBe(false);
    expect(hostAllowed('null', list)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { EMBED_ID, heightMessages, hostAllowed, readHostMessage } from '../../src/modes/embed.ts';

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

describe('hostAllowed', () => {
  it('allows any host without an allowlist, and only listed origins with one', () => {
    expect(hostAllowed('https://canvas.example.edu', [])).toBe(true);
    const list = ['https://canvas.example.edu'];
    expect(hostAllowed('https://canvas.example.edu', list)).toBe(true);
    expect(hostAllowed('https://evil.example', list)).toBe(false);
    expect(hostAllowed('null', list)).toBe(false);
  });
});

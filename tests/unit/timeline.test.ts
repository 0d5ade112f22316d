import { describe, expect, it } from 'vitest';
import { resolveTimeline } from '../../src/story/timeline.ts';

const steps = new Set(['first', 'geneva']);
const file = 'src/story/timeline.json';

describe('resolveTimeline', () => {
  it('reads stages and events with their periods', () => {
    const timeline = resolveTimeline(
      file,
      JSON.stringify({
        stages: [{ from: '1949', to: '1953', summary: 'Backs the war', step: 'first' }],
        events: [{ label: 'Geneva', date: '1954-07-21', step: 'geneva' }],
      }),
      steps,
    );
    expect(timeline).toEqual({
      stages: [
        { label: '1949–53', summary: 'Backs the war', period: [19490101, 19531231], step: 'first' },
      ],
      events: [
        { label: 'Geneva', date: '1954-07-21', period: [19540721, 19540721], step: 'geneva' },
      ],
    });
  });

  it('names every broken entry', () => {
    expect(() =>
      resolveTimeline(
        file,
        JSON.stringify({
          stages: [{ from: '1953', to: '1949', summary: '', step: 'nowhere' }],
          events: [{ label: 'Geneva', date: '1954-13', step: 'geneva' }],
        }),
        steps,
      ),
    ).toThrow(
      /stage 1: has no "summary"[\s\S]*stage 1: bad dates \(start 1953 is after end 1949\)[\s\S]*stage 1: opens step "nowhere", which does not exist[\s\S]*event 1 \("Geneva"\): bad date/,
    );
  });
});

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

describe('resolveTimeline with the steps’ dates', () => {
  it('stops an event that opens a step dated before it happened', () => {
    const periods = new Map<string, [number, number]>([
      ['campaign', [19531101, 19540430]],
      ['after', [19540507, 19540507]],
    ]);
    const events = (step: string) =>
      JSON.stringify({ events: [{ label: 'Dien Bien Phu', date: '1954-05-07', step }] });
    expect(() => resolveTimeline(file, events('campaign'), periods)).toThrow(
      /event 1 \("Dien Bien Phu"\): on 1954-05-07 but opens step "campaign", dated 1953-11-01 to 1954-04-30; open a step of its date/,
    );
    expect(resolveTimeline(file, events('after'), periods).events[0]!.step).toBe('after');
  });
});

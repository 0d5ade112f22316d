/**
 * A sample of the framing matrix (npm run test:matrix runs every step at every layout): hard
 * steps at a phone, a laptop and a small embed, each subject in the clear area, unobscured and
 * named. The maths for every step at every layout is in tests/unit/picture.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { jumpTo } from './expect-step.ts';
import { framingProblems, openingFor, type LayoutName } from './framing.ts';
import { stepById } from './story-data.ts';
import { useChromium } from './story-page.ts';

const chromium = useChromium();
/**
 * Subjects that span the globe, crowd the key's corner, sit by the controls, or have neighbours
 * whose names would knock each other out.
 */
const SAMPLE = [
  'opening-to-the-united-states',
  'chinese-support-troops-1965',
  'geneva-agreement-1954',
  'pepper-not-sugar-1963',
  'us-wars-in-indochina',
].map(stepById);

describe.each(['phone', 'laptop', 'embed-small'] as LayoutName[])('at the %s layout', (name) => {
  it('shows each sampled step’s subject in the clear area, unobscured and named', async () => {
    const { page, errors } = await chromium.open(openingFor(name));
    const failures: Record<string, string[]> = {};
    for (const step of SAMPLE) {
      await jumpTo(page, step.id);
      const problems = await framingProblems(page, step);
      if (problems.length) failures[step.id] = problems;
    }
    expect(failures).toEqual({});
    expect(errors).toEqual([]);
  });
});

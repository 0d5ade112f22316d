/**
 * A sample of the map's visual grammar (tests/e2e/grammar.ts; `npm run test:matrix` checks every
 * step at every layout): the hard steps at a desktop, a phone and a kiosk, and a kiosk's labels
 * large enough to read from across a room. Screenshots go to test-output/screenshots/cartography/.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jumpTo } from './expect-step.ts';
import { openingFor, type LayoutName } from './framing.ts';
import { grammarProblems, state, waitForCallouts } from './grammar.ts';
import { useChromium } from './story-page.ts';

const chromium = useChromium();
const SHOTS = 'test-output/screenshots/cartography';
mkdirSync(SHOTS, { recursive: true });

/** Crowded, patterned, called out, planned, global: the steps most likely to break a rule. */
const SAMPLE = [
  'geneva-agreement-1954',
  'chinese-support-troops-1965',
  'dien-bien-phu-campaign',
  'paris-peace-agreement-1973',
];

async function walk(name: LayoutName, ids: string[]) {
  const { page, errors } = await chromium.open(openingFor(name));
  const failures: Record<string, string[]> = {};
  const sizes: number[] = [];
  for (const id of ids) {
    await jumpTo(page, id);
    await waitForCallouts(page, id);
    const problems = await grammarProblems(page, id);
    if (problems.length) failures[id] = problems;
    sizes.push((await state(page)).drawing?.nameSize ?? 0);
    await page.screenshot({ path: `${SHOTS}/${name}-${id}.png` });
  }
  return { failures, errors, nameSize: sizes[0]! };
}

describe('the map’s grammar', () => {
  let deskNameSize = 0;

  it('holds on a desktop', async () => {
    const { failures, errors, nameSize } = await walk('desktop', SAMPLE);
    deskNameSize = nameSize;
    expect(failures).toEqual({});
    expect(errors).toEqual([]);
  });

  it('holds on a phone', async () => {
    const { failures, errors } = await walk('phone', SAMPLE.slice(0, 2));
    expect(failures).toEqual({});
    expect(errors).toEqual([]);
  });

  it('holds in a kiosk, with names at least one and a half times the desk’s', async () => {
    const { failures, errors, nameSize } = await walk('kiosk', SAMPLE.slice(0, 2));
    expect(failures).toEqual({});
    expect(errors).toEqual([]);
    expect(deskNameSize).toBeGreaterThan(0);
    expect(nameSize).toBeGreaterThanOrEqual(1.5 * deskNameSize);
  });
});

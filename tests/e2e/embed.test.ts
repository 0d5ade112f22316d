/**
 * The story inside a course page: a host page on another origin frames it at a fixed height, as an
 * LMS would. The host must never move; messages, `goto`, scrolling and deep links must work.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { expectAt } from './expect-step.ts';
import { story } from './story-data.ts';
import { useChromium, waitForMap } from './story-page.ts';
import { FRAME_HEIGHT } from '../../src/modes/embed.ts';

const chromium = useChromium();

/** A course page: text above and below an iframe, as pasted into a rich-text editor. */
function hostPage(src: string, { sandbox = '', helper = false } = {}): string {
  return `<!doctype html><html><head><title>Week 7: Indochina</title>
<script>
  window.received = [];
  addEventListener('message', (event) => {
    const frame = document.querySelector('iframe');
    if (event.source === frame.contentWindow) received.push(event.data);
  });
</script>
${helper ? `<script src="${inject('baseUrl')}embed-host.js" defer></script>` : ''}
</head><body style="margin:0">
<h1>Week 7</h1><p style="height:900px">Read the story below before the seminar.</p>
<iframe src="${src}" title="Story map" width="1000" height="700" style="border:0"
  ${sandbox ? `sandbox="${sandbox}"` : ''} ${helper ? 'data-storymap' : ''}></iframe>
<p style="height:1500px">Questions for discussion.</p>
</body></html>`;
}

/** The course site: a real server of its own (Chromium treats faked responses as public sites). */
let host: Server;
let hostOrigin: string;
let nextPage = '';

beforeAll(async () => {
  host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(nextPage);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // "localhost" against the story's "127.0.0.1": another origin, as an LMS is.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => host.close());

/** The course page in a browser context of its own, closed when the test ends. */
async function openHost(
  query: string,
  { config, ...options }: Parameters<typeof hostPage>[1] & { config?: unknown } = {},
) {
  const context = await chromium.context({
    viewport: { width: 1200, height: 800 },
    reducedMotion: 'reduce',
  });
  // The museum's or course team's settings, as the story's server would send them.
  if (config !== undefined)
    await context.route('**/config.json', (route) => route.fulfill({ json: config }));
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const src = new URL(query, inject('baseUrl')).href;
  nextPage = hostPage(src, options);
  await page.goto(`${hostOrigin}/course`);
  // The reader has scrolled the course page to the story.
  await page.evaluate(() => document.querySelector('iframe')!.scrollIntoView());
  const scrollY = await hostScroll(page);
  expect(scrollY).toBeGreaterThan(0);
  const frame = await frameOf(page);
  return { page, frame, errors, warnings, scrollY };
}

async function frameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The iframe has no frame');
  await frame.waitForLoadState();
  return frame;
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: unknown[] }).received);

async function waitForMessage(page: Page, match: Record<string, unknown>) {
  await page.waitForFunction(
    (m) =>
      (window as unknown as { received: Record<string, unknown>[] }).received.some((data) =>
        Object.entries(m).every(
          ([key, value]) => JSON.stringify(data?.[key]) === JSON.stringify(value),
        ),
      ),
    match,
    { timeout: 60_000 },
  );
}

const hostScroll = (page: Page) => page.evaluate(() => window.scrollY);
const stepIdIn = (frame: Frame) => frame.evaluate(() => window.storymap.state().stepId);
/** The course page sends the story a message. */
const postFromHost = (page: Page, message: unknown) =>
  page.evaluate(
    (m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'),
    message,
  );

describe('embed in a course page on another origin', () => {
  it('says ready, asks for a fixed frame height, follows scrolling inside the frame and never moves the host', async () => {
    const { page, frame, errors, scrollY } = await openHost('?mode=embed');
    await waitForMessage(page, { type: 'storymap:ready' });
    const messages = (await received(page)) as Record<string, unknown>[];
    // The story scrolls inside its frame: it asks for a good fixed height, not its content's.
    const heights = messages.filter((m) => m.type === 'storymap:height').map((m) => m.height);
    expect(new Set(heights)).toEqual(new Set([FRAME_HEIGHT]));
    const height = FRAME_HEIGHT;
    // The same height for resizer scripts the host may already run.
    expect(messages).toContainEqual({ 'datawrapper-height': { 'mao-indochina-storymap': height } });
    expect(messages).toContainEqual({ sentinel: 'amp', type: 'embed-size', height });
    expect(await frame.evaluate(() => window.storymap.state().mode)).toBe('embed');

    // A reader scrolls with the wheel over the frame: steps activate inside it.
    const box = (await (await page.$('iframe'))!.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6 && (await stepIdIn(frame)) === null; i++) {
      await page.mouse.wheel(0, 500);
      await frame.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    await frame.waitForFunction(() => window.storymap.state().stepId !== null);
    const stepId = await stepIdIn(frame);
    await waitForMessage(page, { type: 'storymap:step', stepId });
    expect(await hostScroll(page)).toBe(scrollY);

    // Next, keys and goto move the story inside the frame, never the host page.
    await frame.getByRole('button', { name: 'Next' }).click();
    await frame.waitForFunction((id) => window.storymap.state().stepId !== id, stepId);
    const target = story.steps[30]!;
    await postFromHost(page, { type: 'storymap:goto', stepId: target.id });
    await waitForMessage(page, { type: 'storymap:step', stepId: target.id, index: target.index });
    // The frame's own address follows, the host's does not move.
    await expectAt(frame, target.id);
    const inView = await frame.evaluate((id) => {
      const rect = document.getElementById(id)!.getBoundingClientRect();
      return rect.top < innerHeight && rect.bottom > 0;
    }, target.id);
    expect(inView).toBe(true);
    expect(await hostScroll(page)).toBe(scrollY);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('A');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers at once after a flood of gotos, applying the last and reporting the steps shown, not the requests', async () => {
    const { page, frame, errors } = await openHost('?mode=embed');
    await waitForMessage(page, { type: 'storymap:ready' });
    const ids = story.steps.map((step) => step.id);
    const last = ids[40]!;
    // 10,000 valid requests in one go from the course page, the last one for step 41.
    await page.evaluate(
      ({ ids, last }) => {
        const target = document.querySelector('iframe')!.contentWindow!;
        for (let i = 0; i < 9_999; i++)
          target.postMessage({ type: 'storymap:goto', stepId: ids[i % ids.length] }, '*');
        target.postMessage({ type: 'storymap:goto', stepId: last }, '*');
      },
      { ids, last },
    );
    await frame.waitForFunction((id) => window.storymap.state().stepId === id, last, {
      timeout: 60_000,
    });
    // The page answers: a call into it returns within 2 s of the flood being applied.
    const started = Date.now();
    await frame.evaluate(() => window.storymap.state().ready);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The step reports: the last for the step shown, and one for each step actually shown on
    // the way (at most one a frame), not one for each request.
    await frame.evaluate((id) => window.storymap.goTo(id), last);
    await waitForMessage(page, { type: 'storymap:step', stepId: last });
    const steps = ((await received(page)) as { type?: string; stepId?: string }[]).filter(
      (data) => data?.type === 'storymap:step',
    );
    expect(steps.at(-1)?.stepId).toBe(last);
    expect(steps.length).toBeLessThan(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes no command and posts nothing when its allowlist names no valid origin', async () => {
    const { page, frame, warnings } = await openHost('?mode=embed', {
      // A path and a wildcard: both invalid, so no host at all rather than every host.
      config: { embed: { allowedOrigins: ['*', `${hostOrigin}/course`] } },
    });
    await waitForMap(frame);
    // The configuration is read (and its warning given) before the story talks to its host.
    await expect
      .poll(() => warnings.some((text) => /takes no commands from any page/.test(text)))
      .toBe(true);
    // A goto, then a marker: once the marker is in, the goto has been handled (in order), and
    // two frames later it would have been applied.
    await frame.evaluate(() => {
      const seen = window as unknown as { markerIn: boolean };
      seen.markerIn = false;
      addEventListener('message', (event) => {
        if (event.data === 'marker') seen.markerIn = true;
      });
    });
    await postFromHost(page, { type: 'storymap:goto', stepId: story.steps[5]!.id });
    await postFromHost(page, 'marker');
    await frame.waitForFunction(() => (window as unknown as { markerIn: boolean }).markerIn);
    await frame.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await stepIdIn(frame)).toBeNull();
    expect(await received(page)).toEqual([]);
    await page.close();
  });

  it('ignores messages of any other shape or from another window', async () => {
    const { page, frame } = await openHost('?mode=embed&step=geneva-agreement-1954');
    await waitForMessage(page, { type: 'storymap:ready' });
    // Every step the frame moves to from here on.
    await frame.evaluate(() => {
      const seen: (string | null)[] = [];
      (window as unknown as { stepsSeen: typeof seen }).stepsSeen = seen;
      window.storymap.on('step', (state) => seen.push(state.stepId));
    });
    // Listening before the messages go: the warning may come before the posting call returns.
    const warned = page.waitForEvent('console', (message) =>
      message.text().includes('no-such-step'),
    );
    await page.evaluate(() => {
      const frameWindow = document.querySelector('iframe')!.contentWindow!;
      for (const message of [
        'storymap:goto',
        { type: 'storymap:goto' },
        { type: 'storymap:goto', stepId: 7 },
        { type: 'storymap:go', stepId: 'dien-bien-phu-campaign' },
        JSON.stringify({ type: 'storymap:goto', stepId: 'dien-bien-phu-campaign' }),
        null,
      ])
        frameWindow.postMessage(message, '*');
      // A step that does not exist: a warning in the frame's console, nothing else.
      frameWindow.postMessage({ type: 'storymap:goto', stepId: 'no-such-step' }, '*');
    });
    await warned;
    // The frame's own page cannot steer itself as if it were the host. Its message is queued
    // before the host's next one: once that one has moved the story, both have been handled.
    await frame.evaluate(() =>
      window.postMessage({ type: 'storymap:goto', stepId: 'dien-bien-phu-campaign' }, '*'),
    );
    const target = story.steps.at(-1)!;
    await postFromHost(page, { type: 'storymap:goto', stepId: target.id });
    await waitForMessage(page, { type: 'storymap:step', stepId: target.id });
    expect(
      await frame.evaluate(() => (window as unknown as { stepsSeen: string[] }).stepsSeen),
    ).toEqual([target.id]);
  });

  it('opens at a step named by &step= or #step-id, and shows one section with &section=', async () => {
    for (const query of [
      '?mode=embed&step=geneva-agreement-1954',
      '?mode=embed#geneva-agreement-1954',
    ]) {
      const { page, frame, scrollY } = await openHost(query);
      await waitForMessage(page, { type: 'storymap:ready' });
      expect(await stepIdIn(frame)).toBe('geneva-agreement-1954');
      expect(await hostScroll(page)).toBe(scrollY);
      await page.close();
    }

    const section = story.sections[2]!;
    const { page, frame } = await openHost(`?mode=embed&section=${section.id}`);
    await waitForMessage(page, { type: 'storymap:ready' });
    await frame.waitForFunction(
      () => document.querySelectorAll('section.section:not([hidden])').length === 1,
    );
    const shown = await frame.$$eval('section.section:not([hidden]) [data-step-id]', (steps) =>
      steps.map((step) => step.getAttribute('data-step-id')),
    );
    expect(shown).toEqual(section.stepIds);
    expect(await frame.evaluate(() => window.storymap.steps().map((step) => step.id))).toEqual(
      section.stepIds,
    );
    // Next stops at the section's end.
    await frame.evaluate((id) => window.storymap.goTo(id), section.stepIds.at(-1)!);
    await expect(frame.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    await expect(
      frame.getByRole('link', { name: /Full story/ }).getAttribute('href'),
    ).resolves.toBe(`./#${section.stepIds.at(-1)}`);
    await page.close();
  });

  it('is sized by the optional host helper from its height messages', async () => {
    const { page, scrollY } = await openHost('?mode=embed', { helper: true });
    await waitForMessage(page, { type: 'storymap:height' });
    // The height the story asks for, within the host window less a margin (800 - 32).
    await page.waitForFunction(
      (h) => document.querySelector('iframe')!.offsetHeight === h,
      FRAME_HEIGHT,
    );
    expect(await hostScroll(page)).toBe(scrollY);
    // A smaller window caps it.
    await page.setViewportSize({ width: 1200, height: 600 });
    await page.waitForFunction(
      () => document.querySelector('iframe')!.offsetHeight === innerHeight - 32,
    );
    await page.close();
  });

  it('works in a sandbox with allow-same-origin, and says why without it', async () => {
    const allowed = await openHost('?mode=embed', { sandbox: 'allow-scripts allow-same-origin' });
    await waitForMessage(allowed.page, { type: 'storymap:ready' });
    expect(allowed.errors).toEqual([]);
    await allowed.page.close();

    // Without allow-same-origin the frame has an opaque origin: its scripts cannot load (a CORS
    // request from origin "null"), but its stylesheet can: a styled page with one note, no
    // "Loading" that never ends, and no control that would do nothing.
    const opaque = await openHost('?mode=embed', { sandbox: 'allow-scripts' });
    const text = opaque.frame.locator(`[data-step-id="${story.steps[0]!.id}"] p`).first();
    await expect(text.isVisible()).resolves.toBe(true);
    const note = opaque.frame.locator('.map-stalled');
    await note.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await note.textContent()).toMatch(/text is complete/);
    const page = await opaque.frame.evaluate(() => {
      const shown = (element: Element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && style.visibility === 'visible' && style.pointerEvents !== 'none';
      };
      return {
        styled: getComputedStyle(document.querySelector('.map-pane')!).position,
        scripted: document.documentElement.classList.contains('scripted'),
        controls: [...document.querySelectorAll('button, [role="button"], input, select')]
          .filter(shown)
          .map((element) => element.outerHTML.slice(0, 80)),
        statuses: [...document.querySelectorAll('.map-status')]
          .filter(shown)
          .map((element) => element.textContent!.trim().slice(0, 25)),
      };
    });
    expect(page.scripted).toBe(false);
    expect(page.styled).not.toBe('static');
    expect(page.controls).toEqual([]);
    expect(page.statuses).toEqual(['The map cannot start here']);
    await opaque.page.close();
  });
});

describe('share dialog (scroll mode)', () => {
  it('gives a link and iframe code for the story, the section or the step, at a chosen height', async () => {
    const reader = await chromium.open({ path: '/#dien-bien-phu-campaign' });
    const { page } = reader;
    const origin = new URL(inject('baseUrl')).origin;
    await reader.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    // It offers what the reader is looking at: this step.
    await expect(dialog.getByLabel('This step').isChecked()).resolves.toBe(true);
    const base = new URL('/', inject('baseUrl')).href;
    await expect(dialog.getByLabel('Link').inputValue()).resolves.toBe(
      `${base}#dien-bien-phu-campaign`,
    );

    await dialog.getByLabel(/This section/).check();
    await dialog
      .getByLabel('Height of the embedded story')
      .selectOption({ label: 'Tall (800 px)' });
    const code = await dialog.getByLabel(/Code to paste/).inputValue();
    expect(code).toContain(`src="${base}?mode=embed&amp;section=supporting-wars"`);
    expect(code).toContain('height="800"');
    expect(code).toMatch(/title="[^"]+: /);
    await dialog.getByRole('button', { name: 'Copy embed code' }).click();
    // The copy is asynchronous (the clipboard may ask); its confirmation follows.
    await dialog.getByRole('status').filter({ hasText: 'Embed code copied.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
    await page.screenshot({ path: 'test-output/screenshots/share-dialog.png' });

    // Escape closes it and the story is where it was.
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => window.storymap.state().stepId)).toBe(
      'dien-bien-phu-campaign',
    );
    expect(reader.errors).toEqual([]);
  });
});

/**
 * The course package in an LMS: the built zip, unpacked on a server that plays the LMS, whose page
 * runs a real SCORM runtime (scorm-again) as `window.API` / `window.API_1484_11` and launches the
 * package's SCO in a frame, as Moodle's player does. A relaunch loads what the LMS stored.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launches, listedFiles, manifestErrors } from '../unit/manifest-check.ts';
import { schemaFiles, type Edition } from '../../scripts/course-package.ts';
import { TYPES } from '../bench/serve.ts';
import { story } from './story-data.ts';
import { useChromium, waitForMap } from './story-page.ts';
import pkg from '../../package.json' with { type: 'json' };

const chromium = useChromium();

const unpack = (kind: string) => unzipSync(readFileSync(`dist-package/${pkg.name}-${kind}.zip`));
const packages: Record<Edition, Record<string, Uint8Array>> = {
  scorm12: unpack('scorm12'),
  scorm2004: unpack('scorm2004'),
};
const bySection = unpack('sections-scorm12');
const RUNTIMES: Record<Edition, { file: string; api: string; global: string }> = {
  scorm12: { file: 'scorm12.min.js', api: 'API', global: 'Scorm12API' },
  scorm2004: { file: 'scorm2004.min.js', api: 'API_1484_11', global: 'Scorm2004API' },
};

/**
 * The LMS's page: the SCORM runtime as the API, a log of what the SCO calls, and `launch(stored)`,
 * which starts a new session (with the data the LMS stored, if any; on a stand-in API, if given)
 * and opens the SCO in a frame. `?broken` waits for the test to launch.
 */
function lmsPage(edition: Edition, launch: string): string {
  const { file, api, global } = RUNTIMES[edition];
  return `<!doctype html><html><head><title>Course: Mao and Indochina</title><link rel="icon" href="data:,">
<script src="/runtime/${file}"></script>
<script>
  window.calls = [];
  window.launch = (stored, api = new ${global}({ autocommit: false, logLevel: 5 })) => {
    if (stored) api.loadFromJSON(stored);
    if (api.on) for (const name of ['Initialize', 'Commit', 'Finish', 'Terminate', 'LMSInitialize', 'LMSCommit', 'LMSFinish'])
      api.on(name, () => calls.push([name]));
    if (api.on) api.on('${edition === 'scorm12' ? 'LMSSetValue' : 'SetValue'}.cmi.*', (element, value) => calls.push(['set', element, value]));
    window.${api} = api;
    document.querySelector('iframe')?.remove();
    const frame = document.createElement('iframe');
    frame.src = '/content/${launch}';
    frame.title = 'Story map';
    frame.style.cssText = 'width:1100px;height:700px;border:0';
    document.body.append(frame);
  };
</script></head><body style="margin:0"><h1>Week 7</h1>
<script>if (!location.search.includes('broken')) launch(null);</script></body></html>`;
}

/** The LMS: its page, the runtime, and the unpacked package under /content/. */
let lms: Server;
let lmsOrigin: string;
let edition: Edition = 'scorm12';
/** The package the LMS serves, and the SCO it launches (the first in the manifest). */
let served = packages.scorm12;
const launchOf = (zip: Record<string, Uint8Array>, sco = 0) =>
  launches(strFromU8(zip['imsmanifest.xml']!))[sco]!;
let launch = launchOf(served);
beforeAll(async () => {
  lms = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://lms').pathname);
    const body = path.startsWith('/lms')
      ? lmsPage(edition, launch)
      : path.startsWith('/runtime/')
        ? readFileSync(`node_modules/scorm-again/dist/${path.slice('/runtime/'.length)}`)
        : served[path.slice('/content/'.length)];
    if (body === undefined) return response.writeHead(404).end();
    const type = path.startsWith('/lms') ? '.html' : extname(path);
    response.writeHead(200, { 'content-type': TYPES[type] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => lms.listen(0, '127.0.0.1', resolve));
  lmsOrigin = `http://127.0.0.1:${(lms.address() as AddressInfo).port}`;
});
afterAll(() => lms.close());

type Call = [name: string, element?: string, value?: string];
const calls = (page: Page): Promise<Call[]> =>
  page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
/** A value of the LMS's data model, as the runtime holds it (`cmi.core.lesson_location`). */
const valueOf = (page: Page, element: string): Promise<string> =>
  page.evaluate(
    ([api, path]) =>
      String(
        path
          .split('.')
          .reduce<unknown>(
            (node, key) => (node as Record<string, unknown>)[key],
            (window as unknown as Record<string, unknown>)[api],
          ),
      ),
    [RUNTIMES[edition].api, element] as const,
  );
const waitForValue = (page: Page, element: string, value: string) =>
  expect.poll(() => valueOf(page, element), { timeout: 30_000 }).toBe(value);
/** Waits until the LMS has heard a call, after the calls it had heard before. */
async function waitForCall(page: Page, name: string, after: number) {
  await expect
    .poll(async () => (await calls(page)).slice(after).some(([n]) => n === name), {
      timeout: 30_000,
    })
    .toBe(true);
}

async function openLms(query = '') {
  const context = await chromium.context({
    viewport: { width: 1200, height: 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const lmsWarnings: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
    if (message.text().startsWith('LMS:')) lmsWarnings.push(message.text());
  });
  await page.goto(`${lmsOrigin}/lms/${query}`);
  return { page, problems, lmsWarnings };
}

/** The SCO's frame, once its map is ready. */
async function scoFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('The LMS page has no SCO frame');
  await waitForMap(frame);
  return frame;
}
const goTo = (frame: Frame, stepId: string) =>
  frame.evaluate((id) => window.storymap.goTo(id, { animate: false }), stepId);
const stepIn = (frame: Frame) => frame.evaluate(() => window.storymap.state().stepId);

const CONCLUSION = story.sections.at(-1)!.stepIds[0]!;

describe('the course package in an LMS', () => {
  it('is a valid package: its manifest checks against the schemas and lists every file', async () => {
    for (const e of ['scorm12', 'scorm2004'] as const) {
      const zip = packages[e];
      const xml = strFromU8(zip['imsmanifest.xml']!);
      expect(await manifestErrors(e, xml)).toEqual([]);
      const listed = listedFiles(xml);
      const own = new Set(['imsmanifest.xml', ...schemaFiles(e)]);
      expect([...listed].filter((file) => !(file in zip))).toEqual([]);
      expect(Object.keys(zip).filter((file) => !listed.has(file) && !own.has(file))).toEqual([]);
      // The story itself, its maplibre chunk, its data and static maps are all in.
      expect(Object.keys(zip)).toEqual(
        expect.arrayContaining(['index.html', 'data/places.geojson', 'config.json']),
      );
      expect(Object.keys(zip).some((file) => /^assets\/StoryMap-.*\.js$/.test(file))).toBe(true);
      expect(Object.keys(zip)).not.toContain('sw.js');
    }
  });

  it('SCORM 1.2: reports location and progress, commits, resumes, completes and terminates', async () => {
    edition = 'scorm12';
    const { page, problems, lmsWarnings } = await openLms();
    const frame = await scoFrame(page);
    expect(await frame.evaluate(() => window.storymap.state().mode)).toBe('course');
    expect((await calls(page))[0]).toEqual(['LMSInitialize']);
    await waitForValue(page, 'cmi.core.lesson_status', 'incomplete');

    // The reader moves on: the LMS hears where they are and how much they have read.
    const before = (await calls(page)).length;
    await goTo(frame, 'dien-bien-phu-campaign');
    await waitForValue(page, 'cmi.core.lesson_location', 'dien-bien-phu-campaign');
    const read = (await valueOf(page, 'cmi.suspend_data')).split(',');
    expect(read).toContain('dien-bien-phu-campaign');
    expect(await valueOf(page, 'cmi.core.score.raw')).toBe(
      String(Math.round((100 * read.length) / story.steps.length)),
    );
    // Committed a moment later, not on every change.
    await waitForCall(page, 'LMSCommit', before);
    const commits = (await calls(page)).filter(([name]) => name === 'LMSCommit').length;
    expect(commits).toBeLessThanOrEqual(2);

    // The LMS closes the SCO (its frame goes): the story says where to resume, and finishes.
    const closing = (await calls(page)).length;
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await waitForCall(page, 'LMSFinish', closing);
    const last = (await calls(page)).slice(closing);
    expect(last).toContainEqual(['set', 'cmi.core.exit', 'suspend']);
    const time = last.find(([, element]) => element === 'cmi.core.session_time')?.[2];
    expect(time).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(last.at(-1)).toEqual(['LMSFinish']);
    expect(last.at(-2)).toEqual(['LMSCommit']);

    // Reopened with what the LMS stored: the story opens where the reader left off.
    const stored = await page.evaluate(() => {
      type Cmi = { core: Record<string, string>; suspend_data: string };
      const { cmi } = (window as unknown as { API: { cmi: Cmi } }).API;
      const { lesson_location, lesson_status } = cmi.core;
      return { core: { lesson_location, lesson_status }, suspend_data: cmi.suspend_data };
    });
    await page.evaluate(
      (s) => (window as unknown as { launch(s: unknown): void }).launch(s),
      stored,
    );
    const again = await scoFrame(page);
    await expect.poll(() => stepIn(again), { timeout: 30_000 }).toBe('dien-bien-phu-campaign');
    expect((await valueOf(page, 'cmi.suspend_data')).split(',')).toEqual(
      expect.arrayContaining(read),
    );

    // The conclusion completes the reading, and is stored at once.
    const completing = (await calls(page)).length;
    await goTo(again, CONCLUSION);
    await waitForValue(page, 'cmi.core.lesson_status', 'completed');
    const after = (await calls(page)).slice(completing);
    const statusAt = after.findIndex(
      ([, e, v]) => e === 'cmi.core.lesson_status' && v === 'completed',
    );
    expect(after.slice(statusAt).map(([name]) => name)).toContain('LMSCommit');
    expect(problems).toEqual([]);
    expect(lmsWarnings).toEqual([]);
  });

  it('SCORM 2004: reports the progress measure and completion, and terminates on page hide', async () => {
    edition = 'scorm2004';
    served = packages.scorm2004;
    launch = launchOf(served);
    const { page, problems, lmsWarnings } = await openLms();
    const frame = await scoFrame(page);
    expect((await calls(page))[0]).toEqual(['Initialize']);
    await waitForValue(page, 'cmi.completion_status', 'incomplete');
    await goTo(frame, CONCLUSION);
    await waitForValue(page, 'cmi.location', CONCLUSION);
    await waitForValue(page, 'cmi.completion_status', 'completed');
    const read = (await valueOf(page, 'cmi.suspend_data')).split(',').length;
    expect(Number(await valueOf(page, 'cmi.progress_measure'))).toBeCloseTo(
      read / story.steps.length,
      3,
    );
    // The reader leaves the page: the session ends with its time.
    const closing = (await calls(page)).length;
    await frame.evaluate(() => location.assign('about:blank'));
    await waitForCall(page, 'Terminate', closing);
    const last = (await calls(page)).slice(closing);
    expect(last.find(([, element]) => element === 'cmi.session_time')?.[2]).toMatch(
      /^PT\d+H\d+M[\d.]+S$/,
    );
    expect(last).toContainEqual(['set', 'cmi.exit', 'suspend']);
    expect(problems).toEqual([]);
    expect(lmsWarnings).toEqual([]);
    edition = 'scorm12';
    served = packages.scorm12;
    launch = launchOf(served);
  });

  it('launches a section as an activity of its own, completed at the end of that section', async () => {
    const section = story.sections[1]!;
    served = bySection;
    launch = launchOf(bySection, 1);
    expect(launch).toBe(`index.html?mode=course&section=${section.id}`);
    const { page, problems } = await openLms();
    const frame = await scoFrame(page);
    // The section alone, opened at its start.
    await expect.poll(() => stepIn(frame), { timeout: 30_000 }).toBe(section.stepIds[0]);
    // No timeline of the whole story, whose other stages this activity does not hold.
    expect(await frame.locator('.timeline-frame').count()).toBe(0);
    const last = section.stepIds.at(-1)!;
    await goTo(frame, section.stepIds.at(-2)!);
    await waitForValue(page, 'cmi.core.lesson_location', section.stepIds.at(-2)!);
    expect(await valueOf(page, 'cmi.core.lesson_status')).toBe('incomplete');
    await goTo(frame, last);
    await waitForValue(page, 'cmi.core.lesson_status', 'completed');
    // Its progress counts the section's steps only.
    const read = (await valueOf(page, 'cmi.suspend_data')).split(',').length;
    expect(await valueOf(page, 'cmi.core.score.raw')).toBe(
      String(Math.round((100 * read) / section.stepIds.length)),
    );
    await expect(frame.evaluate((id) => window.storymap.goTo(id), CONCLUSION)).rejects.toThrow(
      /not in the section/,
    );
    expect(problems).toEqual([]);
    served = packages.scorm12;
    launch = launchOf(served);
  });

  it('reads on, logging each failure once, with an LMS that fails every call or goes away', async () => {
    // Every call answers "false" with a general error.
    const { page, problems, lmsWarnings } = await openLms('?broken');
    await page.evaluate(() => {
      const fail = () => 'false';
      const broken = {
        LMSInitialize: fail,
        LMSFinish: fail,
        LMSGetValue: () => '',
        LMSSetValue: fail,
        LMSCommit: fail,
        LMSGetLastError: () => '101',
        LMSGetErrorString: () => 'General exception',
        LMSGetDiagnostic: () => '',
      };
      (window as unknown as { launch(s: unknown, api: unknown): void }).launch(null, broken);
    });
    const frame = await scoFrame(page);
    for (const step of story.steps.slice(3, 6)) await goTo(frame, step.id);
    expect(await stepIn(frame)).toBe(story.steps[5]!.id);
    expect(lmsWarnings).toHaveLength(1);
    expect(lmsWarnings[0]).toMatch(/did not start \(error 101: General exception\)/);

    // A session that starts, then loses its LMS: every call throws from then on.
    await page.evaluate(() => {
      (window as unknown as { launch(s: unknown): void }).launch(null);
    });
    const next = await scoFrame(page);
    await goTo(next, story.steps[3]!.id);
    await page.evaluate(() => {
      const api = (window as unknown as { API: Record<string, unknown> }).API;
      const names = ['Initialize', 'Finish', 'GetValue', 'SetValue', 'Commit', 'GetLastError'];
      for (const name of [...names, 'GetErrorString', 'GetDiagnostic'])
        api[`LMS${name}`] = () => {
          throw new Error('The LMS has gone');
        };
    });
    const warnedBefore = lmsWarnings.length;
    for (const step of story.steps.slice(4, 6)) await goTo(next, step.id);
    const warned = lmsWarnings.length;
    for (const step of story.steps.slice(6, 9)) await goTo(next, step.id);
    // The reading goes on; the failures were said once each, not once per step.
    expect(await stepIn(next)).toBe(story.steps[8]!.id);
    expect(warnedBefore).toBe(1);
    expect(lmsWarnings.slice(1)).toEqual([
      'LMS: the LMS stopped answering (Error: The LMS has gone). The story goes on without it.',
    ]);
    expect(lmsWarnings.length).toBe(warned);
    expect(problems).toEqual([]);
  });

  it('runs as the normal site, saying nothing, with no LMS around it', async () => {
    const { page, problems } = await openLms('?broken');
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto(`${lmsOrigin}/content/index.html?mode=course`);
    await waitForMap(page);
    await page.evaluate((id) => window.storymap.goTo(id, { animate: false }), CONCLUSION);
    expect(messages.filter((text) => /LMS|SCORM|API/.test(text))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

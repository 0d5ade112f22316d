/**
 * Opens the built story in real Chromium and records what a reader would not want: console errors,
 * page errors, and any request to an origin other than the site's own (which is blocked).
 *
 * A test file (or describe block) calls `useChromium()` once: one browser for all its tests, and a
 * fresh context (cache, storage, viewport, motion preference) for each story opened in it.
 */
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { launchBrowser } from './chromium.ts';

export interface StoryPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Every request to the site's own origin, in order. */
  requests: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  path?: string;
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  /** Wait for the map's first `ready` event. */
  waitForReady?: boolean;
  javaScriptEnabled?: boolean;
  /** Only for tests that inject tools (axe-core) into the page. */
  bypassCSP?: boolean;
  /** A touchscreen (the kiosk). */
  hasTouch?: boolean;
  /** A phone's browser (with `hasTouch`: a touchscreen alone, no hover, coarse pointer). */
  isMobile?: boolean;
  /** Runs before the page loads, e.g. to add routes or init scripts. */
  beforeLoad?: (story: StoryPage) => Promise<unknown>;
}

export const DESKTOP = { width: 1280, height: 800 };

export function waitForMap(page: Page | Frame, timeout = 60_000): Promise<unknown> {
  return page.waitForFunction(() => window.storymap?.state().ready, null, { timeout });
}

async function openStory(
  browser: Browser,
  {
    path = '/',
    viewport = DESKTOP,
    reducedMotion = 'reduce',
    waitForReady = true,
    javaScriptEnabled = true,
    bypassCSP = false,
    hasTouch = false,
    isMobile = false,
    beforeLoad,
  }: OpenOptions = {},
): Promise<StoryPage> {
  const baseUrl = inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({
    viewport,
    reducedMotion,
    javaScriptEnabled,
    bypassCSP,
    hasTouch,
    isMobile,
  });
  const page = await context.newPage();
  const story: StoryPage = {
    context,
    page,
    errors: [],
    requests: [],
    foreignRequests: [],
    close: () => context.close(),
  };
  page.on('console', (message) => {
    if (message.type() === 'error') story.errors.push(message.text());
  });
  page.on('pageerror', (error) => story.errors.push(error.message));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) story.requests.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    story.foreignRequests.push(url);
    return route.abort();
  });
  await beforeLoad?.(story);
  await page.goto(new URL(path, baseUrl).href);
  if (waitForReady) await waitForMap(page);
  return story;
}

/**
 * Launches one Chromium before the first test of the calling file or describe block and closes
 * it after the last. `args` are switches for the whole browser (e.g. `--disable-3d-apis`).
 */
export function useChromium(args: string[] = []) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(args);
  });
  afterAll(() => browser?.close());
  const running = (): Browser => {
    if (!browser) throw new Error('Chromium is not running yet: open pages in tests or hooks');
    return browser;
  };
  const forThisTest = <T extends { close(): Promise<void> }>(opened: T): T => {
    onTestFinished(() => opened.close());
    return opened;
  };
  return {
    /** The story in a context of its own, closed when the running test ends. */
    open: async (options?: OpenOptions) => forThisTest(await openStory(running(), options)),
    /** The story for several tests: open it in `beforeAll`; it closes with the browser. */
    share: (options?: OpenOptions) => openStory(running(), options),
    /** A bare context (no blocking, no capture), closed when the running test ends. */
    context: async (options: BrowserContextOptions) =>
      forThisTest(await running().newContext(options)),
  };
}

export const goTo = (page: Page, stepId: string) =>
  page.evaluate((id) => window.storymap.goTo(id, { animate: false }), stepId);

/**
 * Opens the built story in real Chromium and records what a reader would not want: console errors,
 * page errors, and any request to an origin other than the site's own (which is blocked).
 */
import { inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

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
  /** Extra Chromium switches, e.g. to turn WebGL off. */
  args?: string[];
  /** A touchscreen (the kiosk). */
  hasTouch?: boolean;
}

export async function openStory({
  path = '/',
  viewport = { width: 1280, height: 800 },
  reducedMotion = 'reduce',
  waitForReady = true,
  javaScriptEnabled = true,
  bypassCSP = false,
  args = [],
  hasTouch = false,
}: OpenOptions = {}): Promise<StoryPage> {
  const baseUrl = inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const context = await launchChromium(
    { viewport, reducedMotion, javaScriptEnabled, bypassCSP, hasTouch },
    args,
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const requests: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) requests.push(url);
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  await page.goto(new URL(path, baseUrl).href);
  if (waitForReady)
    await page.waitForFunction(() => window.storymap?.state().ready, null, { timeout: 60_000 });
  return { context, page, errors, requests, foreignRequests, close: () => context.close() };
}

/**
 * A museum's kiosk through deploys: version A installed, then B copied onto the server with the
 * page last (the usual "safe" order), then C with the page first, on a host that sends only
 * Last-Modified dates (as `python3 -m http.server` does). Each "day" the browser starts on the
 * kiosk's profile, as after a night's shutdown: the kiosk must run a whole version every day, and
 * the new one from the day after it is complete on the server.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../bench/serve.ts';
import { launchChromium, newProfile } from './chromium.ts';
import { DESKTOP, waitForMap } from './story-page.ts';
import { lookForUpdate, nextBuild, versionOf } from './workers.ts';

const profile = newProfile();
afterAll(() => rmSync(profile, { recursive: true, force: true }));

describe('deploys', () => {
  it('keeps a kiosk on a whole version through half-copied deploys and restarts, and ends on the new one', async () => {
    const replace = new Map<string, Buffer>();
    const site = await serveStatic('dist', { replace, caching: 'last-modified' });
    /**
     * A day at the museum: the browser starts, the kiosk opens and runs (whole: no error, no
     * failed request, the map ready), the browser looks for a new version, and if one waits, a
     * reload still runs a whole version. Tells what ran and whether a new version waits.
     */
    const day = async () => {
      const context = await launchChromium(
        { viewport: DESKTOP, reducedMotion: 'reduce' },
        [],
        profile,
      );
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('response', (response) => {
          if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
        });
        await page.goto(new URL('?mode=kiosk', site.url).href);
        const [update] = await Promise.all([lookForUpdate(page), waitForMap(page, 30_000)]);
        const ran = await versionOf(page);
        if (update === 'waiting') {
          await page.reload();
          await waitForMap(page, 30_000);
          expect(await versionOf(page)).toBe(ran);
        }
        expect(problems).toEqual([]);
        return `${ran}${update === 'waiting' ? ', update waiting' : ''}`;
      } finally {
        await context.close();
      }
    };
    /** Copies the files of a build that `part` selects onto the server. */
    const upload = (build: Map<string, Buffer>, part: (name: string) => boolean) => {
      for (const [name, bytes] of build) if (part(name)) replace.set(name, bytes);
    };
    try {
      expect(await day()).toBe('A'); // The first day installs A.

      // B, the page copied last. Its new sw.js with the old page on the server: B must not install.
      const b = nextBuild('B');
      upload(b, (name) => name !== 'index.html');
      expect(await day()).toBe('A');
      upload(b, (name) => name === 'index.html'); // B is complete.
      expect(await day()).toBe('A, update waiting');
      expect(await day()).toBe('B');

      // C, the page copied first, and sw.js before the scripts: C must not install.
      const c = nextBuild('C');
      upload(c, (name) => !name.startsWith('assets/'));
      expect(await day()).toBe('B');
      upload(c, (name) => name.startsWith('assets/')); // C is complete.
      expect(await day()).toBe('B, update waiting');
      expect(await day()).toBe('C');
    } finally {
      await site.close();
    }
  });
});

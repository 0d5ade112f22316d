/**
 * Finds a Chromium for the browser tests: $CHROMIUM_PATH, then /usr/bin/chromium, then the one
 * Playwright may have downloaded. Fails with a message naming all three when none is there.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Set CHROMIUM_PATH to a Chromium or Chrome binary, ' +
        'install one at /usr/bin/chromium (Debian/Ubuntu: apt-get install chromium), ' +
        "or install Playwright's own (npx playwright install chromium).",
    );
  }
  return found;
}

/** A fresh profile each time, so no run sees another's cache or storage. */
export async function launchChromium(
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
  extraArgs: string[] = [],
): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'storymap-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    // Without the networking flags Chromium calls home, and this machine refuses it.
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
    ...options,
  });
}

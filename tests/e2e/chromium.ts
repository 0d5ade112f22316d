/**
 * Finds and starts Chromium for the browser tests: $CHROMIUM_PATH, then /usr/bin/chromium, then the
 * one Playwright may have downloaded. Fails with a message naming all three when none is there.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

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

/** Without the networking switches Chromium calls home, and this machine refuses it. */
function switches(extra: string[]): string[] {
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...extra,
  ];
}

/**
 * One Chromium; each test opens its own context in it (its own cache, storage and settings).
 * `extraArgs` are switches for the whole browser, e.g. `--disable-3d-apis` to turn WebGL off.
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: switches(extraArgs) });
}

/** A new, empty browser profile folder. */
export const newProfile = () => mkdtempSync(join(tmpdir(), 'storymap-profile-'));

/**
 * Chromium with a profile on disk, for what must outlive one browser (a kiosk restarted on the
 * same profile) or start cold every time (the benchmarks: a fresh profile, the default).
 */
export async function launchChromium(
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
  extraArgs: string[] = [],
  profile = newProfile(),
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: switches(extraArgs),
    ...options,
  });
}

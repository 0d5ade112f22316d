/**
 * The story's service worker seen from a page, and new builds of the site to deploy under it: for
 * the offline and deploy tests.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Waits until the newest service worker of the page's site is active: on a first visit, once it
 * has stored everything; after an update, once the page(s) under the old one are gone.
 */
export function waitForNewestWorker(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.installing ?? registration.waiting ?? registration.active!;
    while (worker.state !== 'activated') {
      if (worker.state === 'redundant') throw new Error('The new service worker failed');
      await new Promise((resolve) =>
        worker.addEventListener('statechange', resolve, { once: true }),
      );
    }
  });
}

/**
 * Has the browser look for a new sw.js now, as it does on a visit, and waits for the outcome:
 * `waiting` when a new version is installed and waits to take over, `none` when there is no new
 * version or it failed to install.
 */
export function lookForUpdate(page: Page): Promise<'waiting' | 'none'> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    // Rejects when the new sw.js cannot be fetched or run; the outcome is read below either way.
    await registration.update().catch(() => {});
    const worker = registration.installing;
    if (worker) {
      await new Promise<void>((resolve) => {
        const settled = () => {
          if (worker.state !== 'installing') resolve();
        };
        worker.addEventListener('statechange', settled);
        settled();
      });
    }
    return registration.waiting ? 'waiting' : 'none';
  });
}

/** The label of the version a page runs: `A` for dist/ as built, else its `test-build` mark. */
export async function versionOf(page: Page): Promise<string> {
  const mark = page.locator('meta[name="test-build"]');
  return (await mark.count()) ? ((await mark.getAttribute('content')) ?? '?') : 'A';
}

/**
 * Another build of the site in dist/, as a rebuild that changed every hashed file would give:
 * each file under assets/ renamed (`index-….js` → `index-…-B.js`) and every mention of it
 * rewritten, the page marked with `label`, and sw.js listing the new files and revisions. Returns
 * the files to put on the server, by path; the data files are A's.
 */
export function nextBuild(label: string): Map<string, Buffer> {
  const assets = readdirSync('dist/assets');
  const renamed = new Map(assets.map((name) => [name, name.replace(/(\.\w+)$/, `-${label}$1`)]));
  const rewrite = (text: string) => {
    for (const [from, to] of renamed) text = text.replaceAll(from, to);
    return text;
  };
  const files = new Map<string, Buffer>();
  for (const name of assets) {
    const bytes = readFileSync(`dist/assets/${name}`);
    const text = /\.(m?js|css)$/.test(name);
    files.set(`assets/${renamed.get(name)}`, text ? Buffer.from(rewrite(String(bytes))) : bytes);
  }
  const page = rewrite(readFileSync('dist/index.html', 'utf8'));
  files.set(
    'index.html',
    Buffer.from(page.replace('<head>', `<head><meta name="test-build" content="${label}">`)),
  );
  const worker = readFileSync('dist/sw.js', 'utf8');
  const manifest = JSON.parse(/const MANIFEST = (.*);/.exec(worker)![1]!) as {
    entry: string;
    files: { url: string; revision: string | null }[];
  };
  const listed = {
    entry: rewrite(manifest.entry),
    files: manifest.files.map(({ url, revision }) => {
      const bytes = files.get(url === './' ? 'index.html' : rewrite(url).slice(2));
      return { url: rewrite(url), revision: revision && bytes ? sha256(bytes) : revision };
    }),
  };
  const nextWorker = worker
    .replace(/const BUILD = '\w+';/, `const BUILD = '${label}';`)
    .replace(/const MANIFEST = .*;/, () => `const MANIFEST = ${JSON.stringify(listed)};`);
  files.set('sw.js', Buffer.from(nextWorker));
  return files;
}

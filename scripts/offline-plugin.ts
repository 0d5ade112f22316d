/**
 * Writes the service worker (scripts/service-worker.js) as sw.js, with the list of every file the
 * story needs offline and each one's revision: the page, its code and styles, the map's data and
 * worker, and the fonts. The static SVG maps (only for readers without WebGL) are cached as they
 * are used, not up front.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const WORKER_SOURCE = new URL('./service-worker.js', import.meta.url);
const BUILD_LINE = "const BUILD = '__BUILD__';";
const MANIFEST_LINE = 'const MANIFEST = __MANIFEST__;';
/** Files from static/ that the story itself uses (the rest there is for other pages or docs). */
const STATIC_FILES = ['favicon.svg', 'config.json'];
/** Files the museum may edit on the server without a build: stored without a revision to check. */
const UNVERSIONED = new Set(['config.json']);

export interface PrecacheManifest {
  /** The page's entry script. */
  entry: string;
  /** Addresses relative to the worker; `revision` is the SHA-256 of the bytes, in hex. */
  files: { url: string; revision: string | null }[];
}

export function revisionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A built file's address, relative to the worker. */
function urlOf(name: string): string {
  // The page is stored under its folder's address, which is how readers open it.
  return name === 'index.html' ? './' : `./${name}`;
}

/**
 * What the worker stores on install (`revisions`: each built file's name and revision; `entry`: the
 * page's entry chunk). Browsers that run the map read woff2; the woff copies are for older ones.
 */
export function precacheManifest(
  revisions: Record<string, string>,
  entry: string,
): PrecacheManifest {
  const files = Object.entries(revisions)
    .filter(
      ([name]) =>
        !name.startsWith('data/static/') && !name.endsWith('.map') && !name.endsWith('.woff'),
    )
    .map(([name, revision]) => ({
      url: urlOf(name),
      revision: UNVERSIONED.has(name) ? null : revision,
    }))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
  if (!files.some((file) => file.url === './')) throw new Error('The build has no index.html');
  if (!files.some((file) => file.url === urlOf(entry))) {
    throw new Error(`The entry script ${entry} is not among the files to store offline`);
  }
  return { entry: urlOf(entry), files };
}

/** One name for a whole build: it changes whenever any built file does. */
export function buildVersion(revisions: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(revisions).sort()) hash.update(`${name} ${revisions[name]}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** The worker's source with the build's version and manifest filled in. */
export function workerSource(template: string, build: string, manifest: PrecacheManifest): string {
  if (!template.includes(BUILD_LINE) || !template.includes(MANIFEST_LINE)) {
    throw new Error('scripts/service-worker.js: the BUILD or MANIFEST line to fill in is missing');
  }
  return template
    .replace(BUILD_LINE, `const BUILD = '${build}';`)
    .replace(MANIFEST_LINE, `const MANIFEST = ${JSON.stringify(manifest)};`);
}

export function offlinePlugin(): Plugin {
  return {
    name: 'storymap-offline',
    apply: 'build',
    // After writing rather than while bundling: Vite's own plugins still rewrite chunks in
    // generateBundle, and the revisions must be those of the bytes the server will send.
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) throw new Error('storymap-offline: the build has no output folder');
      const revisions: Record<string, string> = {};
      for (const name of [...Object.keys(bundle), ...STATIC_FILES]) {
        revisions[name] = revisionOf(readFileSync(join(dir, name)));
      }
      const entries = Object.values(bundle).filter((item) => item.type === 'chunk' && item.isEntry);
      if (entries.length !== 1) {
        throw new Error(`storymap-offline: expected one entry script, found ${entries.length}`);
      }
      const source = workerSource(
        readFileSync(WORKER_SOURCE, 'utf8'),
        buildVersion(revisions),
        precacheManifest(revisions, entries[0]!.fileName),
      );
      writeFileSync(join(dir, 'sw.js'), source);
    },
  };
}

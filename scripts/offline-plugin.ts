/**
 * Emits the service worker (scripts/service-worker.js) with the list of every file the story needs
 * offline: the page, its code and styles, the map's data and worker, and the fonts. The static
 * SVG maps (only for readers without WebGL) are cached as they are used, not up front.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const WORKER_SOURCE = new URL('./service-worker.js', import.meta.url);
const VERSION_LINE = "const VERSION = '__VERSION__';";
const PRECACHE_LINE = 'const PRECACHE = __PRECACHE__;';

/** Files of the build to store on the first visit. */
export function precacheList(fileNames: string[]): string[] {
  // Browsers that run the map read woff2; the woff copies are for older ones.
  const wanted = fileNames.filter(
    (name) => !name.startsWith('data/static/') && !name.endsWith('.map') && !name.endsWith('.woff'),
  );
  // The page itself is stored under its folder's address, which is how readers open it.
  return [
    './',
    ...wanted.filter((name) => name !== 'index.html').map((name) => `./${name}`),
  ].sort();
}

export function offlinePlugin(): Plugin {
  return {
    name: 'storymap-offline',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // Files from static/ that the story itself uses (the rest there is for other pages or docs).
      const files = precacheList([...Object.keys(bundle), 'favicon.svg', 'config.json']);
      // The version changes whenever any cached file does, so a new build replaces the old cache.
      const hash = createHash('sha256');
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name]!;
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      const template = readFileSync(WORKER_SOURCE, 'utf8');
      const source = template
        .replace(VERSION_LINE, `const VERSION = '${hash.digest('hex').slice(0, 16)}';`)
        .replace(PRECACHE_LINE, `const PRECACHE = ${JSON.stringify(files)};`);
      if (source.includes(VERSION_LINE) || source.includes(PRECACHE_LINE) || source === template) {
        throw new Error(
          'scripts/service-worker.js: the VERSION or PRECACHE line to fill in is missing',
        );
      }
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

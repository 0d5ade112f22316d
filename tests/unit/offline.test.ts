import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  buildVersion,
  precacheManifest,
  revisionOf,
  workerSource,
  type PrecacheManifest,
} from '../../scripts/offline-plugin.ts';

const TEMPLATE = readFileSync(new URL('../../scripts/service-worker.js', import.meta.url), 'utf8');
const SCOPE = 'https://museum.example/story/';

/** Made-up revisions: each file's name hashed, so every one differs. */
function revisions(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, revisionOf(name)]));
}

const BUILT = revisions([
  'index.html',
  'assets/index-abc.js',
  'assets/StoryMap-def.js',
  'assets/maplibre-gl-worker-1.mjs',
  'assets/noto-sans-latin-400-normal-x.woff2',
  'assets/noto-sans-latin-400-normal-x.woff',
  'data/places.geojson',
  'data/static/geneva.svg',
  'assets/index-abc.js.map',
  'favicon.svg',
  'config.json',
]);

interface File {
  url: string;
  revision: string | null;
}

/** The worker's pure functions, run from the filled-in source as the browser would get it. */
interface Worker {
  cacheKey(file: File): string;
  filesToFetch(files: File[], stored: string[]): File[];
  staleKeys(files: File[], stored: string[]): string[];
  pageLoadsEntry(html: string, pageUrl: string, entryUrl: string): boolean;
  sha256Hex(bytes: Uint8Array): Promise<string>;
}

function loadWorker(manifest: PrecacheManifest): Worker {
  const self = { location: new URL('sw.js', SCOPE), addEventListener: () => {} };
  const source = workerSource(TEMPLATE, 'test', manifest);
  const names = '{ cacheKey, filesToFetch, staleKeys, pageLoadsEntry, sha256Hex }';
  return runInNewContext(`${source}\n;(${names})`, { self, URL, crypto, TextDecoder, Response });
}

describe('precacheManifest', () => {
  it('lists the page, code, data and woff2 fonts with their revisions, not the static maps, source maps or woff copies', () => {
    expect(precacheManifest(BUILT, 'assets/index-abc.js')).toEqual({
      entry: './assets/index-abc.js',
      files: [
        { url: './', revision: BUILT['index.html'] },
        { url: './assets/StoryMap-def.js', revision: BUILT['assets/StoryMap-def.js'] },
        { url: './assets/index-abc.js', revision: BUILT['assets/index-abc.js'] },
        {
          url: './assets/maplibre-gl-worker-1.mjs',
          revision: BUILT['assets/maplibre-gl-worker-1.mjs'],
        },
        {
          url: './assets/noto-sans-latin-400-normal-x.woff2',
          revision: BUILT['assets/noto-sans-latin-400-normal-x.woff2'],
        },
        // The museum edits it on the server: nothing to check it against.
        { url: './config.json', revision: null },
        { url: './data/places.geojson', revision: BUILT['data/places.geojson'] },
        { url: './favicon.svg', revision: BUILT['favicon.svg'] },
      ],
    });
  });

  it('refuses a build whose entry script it would not store', () => {
    expect(() => precacheManifest(BUILT, 'assets/index-abc.js.map')).toThrow(/entry script/);
    expect(() => precacheManifest(BUILT, 'assets/missing.js')).toThrow(/entry script/);
  });

  it('hashes the bytes as SHA-256 in hex, as the worker does', async () => {
    const bytes = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    const worker = loadWorker(precacheManifest(BUILT, 'assets/index-abc.js'));
    await expect(worker.sha256Hex(bytes)).resolves.toBe(revisionOf(bytes));
    expect(revisionOf(bytes)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('buildVersion', () => {
  it('changes with any file, cached up front or not, and not with the order of the list', () => {
    const version = buildVersion(BUILT);
    const reversed = Object.fromEntries(Object.entries(BUILT).reverse());
    expect(buildVersion(reversed)).toBe(version);
    expect(buildVersion({ ...BUILT, 'data/static/geneva.svg': revisionOf('new map') })).not.toBe(
      version,
    );
  });
});

describe('workerSource', () => {
  it('fills in the build and the manifest, and fails when the template lost a line to fill', () => {
    const manifest = precacheManifest(BUILT, 'assets/index-abc.js');
    const source = workerSource(TEMPLATE, 'abc123', manifest);
    expect(source).toContain("const BUILD = 'abc123';");
    expect(source).toContain(`const MANIFEST = ${JSON.stringify(manifest)};`);
    expect(source).not.toContain('__MANIFEST__;');
    expect(() => workerSource(TEMPLATE.replace('__BUILD__', 'x'), 'abc', manifest)).toThrow(
      /BUILD or MANIFEST/,
    );
  });
});

describe('the worker', () => {
  const a = precacheManifest(BUILT, 'assets/index-abc.js');
  // Build B: the places changed, nothing else.
  const b = precacheManifest(
    { ...BUILT, 'data/places.geojson': revisionOf('new places') },
    'assets/index-abc.js',
  );
  const worker = loadWorker(b);
  const storedA = a.files.map((file) => worker.cacheKey(file));

  it('keeps each file under its address and revision; config.json under its address alone', () => {
    const places = b.files.find((file) => file.url === './data/places.geojson')!;
    expect(worker.cacheKey(places)).toBe(
      `${SCOPE}data/places.geojson?__revision=${revisionOf('new places')}`,
    );
    expect(worker.cacheKey({ url: './config.json', revision: null })).toBe(`${SCOPE}config.json`);
  });

  it('fetches everything on the first install, then only what changed', () => {
    expect(worker.filesToFetch(b.files, [])).toEqual(b.files);
    expect(worker.filesToFetch(b.files, storedA).map((file) => file.url)).toEqual([
      './data/places.geojson',
    ]);
    expect(worker.filesToFetch(b.files, [...storedA, `${SCOPE}data/static/geneva.svg`])).toEqual(
      worker.filesToFetch(b.files, storedA),
    );
  });

  it("drops, on activation, the revisions the new build does not list and nothing of the new build's", () => {
    const storedB = b.files.map((file) => worker.cacheKey(file));
    const oldPlaces = `${SCOPE}data/places.geojson?__revision=${BUILT['data/places.geojson']}`;
    expect(worker.staleKeys(b.files, [...storedA, ...storedB])).toEqual([oldPlaces]);
    expect(worker.staleKeys(b.files, storedB)).toEqual([]);
  });

  it('checks that the page loads the entry script, not just names it', () => {
    const entry = `${SCOPE}assets/index-abc.js`;
    const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;
    const script = '<script type="module" crossorigin src="./assets/index-abc.js"></script>';
    expect(worker.pageLoadsEntry(page(script), SCOPE, entry)).toBe(true);
    expect(worker.pageLoadsEntry(page(script.replace('abc', 'old')), SCOPE, entry)).toBe(false);
    expect(
      worker.pageLoadsEntry(
        page('<link rel="modulepreload" href="./assets/index-abc.js">'),
        SCOPE,
        entry,
      ),
    ).toBe(false);
    expect(worker.pageLoadsEntry(page(''), SCOPE, entry)).toBe(false);
  });
});

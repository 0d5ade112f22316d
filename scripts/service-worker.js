/**
 * The offline cache. The build fills in BUILD and MANIFEST (see offline-plugin.ts) and writes this
 * file as sw.js. Everything the story needs is stored on the first visit; from the second visit on
 * it opens from the cache, with or without a network. A new build installs in the background and
 * takes over on the next visit, never in the middle of a reading.
 *
 * How an update stays small: MANIFEST lists each file to store with its revision (the SHA-256 of
 * its bytes). All builds share one cache, FILES, where a file is kept under its address plus its
 * revision (`…/places.geojson?__revision=…`). Installing a build fetches only the files whose
 * address-and-revision is not there yet, so an update downloads what changed; the worker being
 * replaced keeps reading its own revisions meanwhile. Activation deletes the revisions the new
 * build no longer lists. `config.json` has no revision: the museum edits it on the server without a
 * build, so it is fetched once, then refreshed from the network whenever the story starts.
 *
 * What an install refuses: every file it downloads (past the browser's HTTP cache, which may hold
 * a stale copy) must hash to its revision, and the page must load the build's entry script. If
 * not, for instance while a new build is half copied onto the server, the install fails, nothing
 * of it is kept, the current version goes on serving, and the browser tries again later.
 *
 * Files the story fetches that the manifest does not list (the static maps for readers without
 * WebGL) go into a second cache as they are used; it belongs to one build (BUILD, a hash of every
 * file built) and is dropped when the next one takes over.
 */
// Not typechecked (tsconfig.json excludes it): a service worker's globals clash with the DOM
// types the rest of the project is checked against. Unit tests run its pure functions; a browser
// test covers the rest.
/* global __MANIFEST__ */
const BUILD = '__BUILD__';
/** @type {{ entry: string, files: { url: string, revision: string | null }[] }} */
const MANIFEST = __MANIFEST__;
const FILES = 'storymap-files';
const RUNTIME = `storymap-runtime-${BUILD}`;
const PAGE = absolute('./');
/** How long the configuration may take from the network before the stored copy answers. */
const CONFIG_WAIT_MS = 2000;
/** Each listed address (no query) → its key in FILES. */
const KEYS = new Map(MANIFEST.files.map((file) => [absolute(file.url), cacheKey(file)]));

/** An address of the manifest (relative to this worker) in full. */
function absolute(url) {
  return new URL(url, self.location.href).href;
}

/** Where a file of the manifest is kept in FILES: its address plus its revision, if it has one. */
function cacheKey(file) {
  const url = new URL(absolute(file.url));
  if (file.revision !== null) url.searchParams.set('__revision', file.revision);
  return url.href;
}

/** The files of the manifest that FILES does not hold yet (`stored`: the URLs of its keys). */
function filesToFetch(files, stored) {
  const have = new Set(stored);
  return files.filter((file) => !have.has(cacheKey(file)));
}

/** Keys of FILES that this manifest no longer lists: older revisions, and anything else. */
function staleKeys(files, stored) {
  const wanted = new Set(files.map(cacheKey));
  return stored.filter((url) => !wanted.has(url));
}

/** Whether the page's HTML has a script element whose src is the entry (both URLs absolute). */
function pageLoadsEntry(html, pageUrl, entryUrl) {
  for (const [, src] of html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/gi)) {
    if (new URL(src, pageUrl).href === entryUrl) return true;
  }
  return false;
}

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A file of the manifest from the server, checked against its revision. */
async function download(file) {
  const url = absolute(file.url);
  // 'reload': straight from the server. A copy in the HTTP cache may predate the build, and a
  // revalidation ('no-cache') would keep it when the server's dates are too coarse to tell.
  const response = await fetch(url, { cache: 'reload' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (file.revision !== null && (await sha256Hex(bytes)) !== file.revision) {
    throw new Error(`${url} is not the file this build lists (the server has another version)`);
  }
  const { status, statusText, headers } = response;
  return { file, bytes, response: new Response(bytes, { status, statusText, headers }) };
}

async function install() {
  const cache = await caches.open(FILES);
  const stored = (await cache.keys()).map((request) => request.url);
  // All downloads are checked before anything is stored, so a failed install leaves no trace.
  const fetched = await Promise.all(filesToFetch(MANIFEST.files, stored).map(download));
  const newPage = fetched.find(({ file }) => absolute(file.url) === PAGE);
  const html = newPage
    ? new TextDecoder().decode(newPage.bytes)
    : await (await cache.match(KEYS.get(PAGE))).text();
  const entry = absolute(MANIFEST.entry);
  if (!KEYS.has(entry) || !pageLoadsEntry(html, PAGE, entry)) {
    throw new Error(`The page does not load this build's entry script ${MANIFEST.entry}`);
  }
  await Promise.all(fetched.map(({ file, response }) => cache.put(cacheKey(file), response)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    install().catch((error) => {
      // For whoever looks after a kiosk: chrome://serviceworker-internals shows this.
      console.error('This build is not installed; the current one goes on serving.', error);
      throw error;
    }),
  );
});

// An open kiosk takes a new version between visitors (src/kiosk/update.ts), not at a restart only.
self.addEventListener('message', (event) => {
  if (event.data === 'storymap:take-over') event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const files = await caches.open(FILES);
      const stored = (await files.keys()).map((request) => request.url);
      await Promise.all(staleKeys(MANIFEST.files, stored).map((url) => files.delete(url)));
      // Other builds' runtime caches, and the one-cache-per-build layout of earlier versions.
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith('storymap-') && name !== FILES && name !== RUNTIME)
          .map((name) => caches.delete(name)),
      );
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

/**
 * Cache first: the page (whatever its ?mode=), its code, data and fonts; then the network, kept.
 * The configuration is the exception: a museum edits it on the server without a new build, so it
 * comes from the network when there is one, and from the cache when not.
 */
async function respond(request) {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/config.json')) {
    const cache = await caches.open(FILES);
    const stored = await cache.match(request, { ignoreVary: true });
    const fresh = fetch(request).then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response.ok || !stored ? response : stored;
    });
    if (!stored) return fresh;
    // A slow or wedged server must not leave the kiosk on its defaults (the page gives up after
    // 5 s): the stored copy answers after CONFIG_WAIT_MS, and the fresh one is stored for next time.
    const late = new Promise((resolve) => setTimeout(() => resolve(stored), CONFIG_WAIT_MS));
    return Promise.race([fresh.catch(() => stored), late]);
  }
  const key = KEYS.get(request.mode === 'navigate' ? PAGE : url.origin + url.pathname);
  // ignoreVary: the page's module and style requests carry an Origin header the stored ones lack.
  const cache = await caches.open(key ? FILES : RUNTIME);
  const cached = await cache.match(key ?? request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && !key) await cache.put(request, response.clone());
  return response;
}

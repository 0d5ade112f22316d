/**
 * The offline cache. The build fills in VERSION and PRECACHE (see offline-plugin.ts) and emits this
 * file as sw.js. Everything the story needs is stored on the first visit; from the second visit on
 * it opens from the cache, with or without a network. A new build installs in the background and
 * takes over on the next visit, never in the middle of a reading.
 */
// Not typechecked (tsconfig.json excludes it): a service worker's globals clash with the DOM
// types the rest of the project is checked against. A browser test covers it.
/* global __PRECACHE__ */
const VERSION = '__VERSION__';
/** @type {string[]} */
const PRECACHE = __PRECACHE__;
const CACHE = `storymap-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('storymap-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      ),
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
  const cache = await caches.open(CACHE);
  if (new URL(request.url).pathname.endsWith('/config.json')) {
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const stored = await cache.match(request, { ignoreVary: true });
      if (stored) return stored;
      throw error;
    }
  }
  const page = request.mode === 'navigate';
  // ignoreVary: the page's module and style requests carry an Origin header the stored ones lack.
  const cached = await cache.match(page ? new URL('./', self.location.href).href : request, {
    ignoreSearch: page,
    ignoreVary: true,
  });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && !page) await cache.put(request, response.clone());
  return response;
}

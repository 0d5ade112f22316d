import { describe, expect, it } from 'vitest';
import { precacheList } from '../../scripts/offline-plugin.ts';

describe('precacheList', () => {
  it('stores the page, code, data and woff2 fonts, not the static maps, source maps or woff copies', () => {
    expect(
      precacheList([
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
      ]),
    ).toEqual([
      './',
      './assets/StoryMap-def.js',
      './assets/index-abc.js',
      './assets/maplibre-gl-worker-1.mjs',
      './assets/noto-sans-latin-400-normal-x.woff2',
      './data/places.geojson',
      './favicon.svg',
    ]);
  });
});

/**
 * The benchmark's floor: a bare page that loads maplibre-gl with the story's basemap (the same
 * style, data files and fonts) and nothing else, written to a folder of its own for the benchmark
 * to serve. What this page costs is what maplibre costs; the story is measured against it.
 *
 * The page opens at the camera and map size given in its address (`?camera=…&width=…&height=…`,
 * those the story opened with in the same run) and marks the moments the story marks:
 * `storymap:map-shown` and `storymap:map-ready`, both at maplibre's `load` (the first frame with
 * everything drawn: the floor has nothing more to prepare). `window.floorMap` is the map.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basemapStyle } from '../../src/map/style.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAPLIBRE = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'];

/** Writes the floor's site (from the build in `dist`) to a new folder; returns the folder. */
export function writeFloorSite(dist: string): string {
  const site = mkdtempSync(join(tmpdir(), 'storymap-floor-'));
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(join(site, to)), { recursive: true });
    copyFileSync(from, join(site, to));
  };
  for (const file of MAPLIBRE) copy(join(ROOT, 'node_modules/maplibre-gl/dist', file), file);
  const data: string[] = [];
  // Fonts are addressed from the site's root as the story's build resolves them in Node
  // (`/node_modules/@fontsource/…`), and copied there.
  const style = basemapStyle((file) => {
    data.push(file);
    return `./data/${file}`;
  }, 'http://floor.invalid/');
  for (const file of data) copy(join(dist, 'data', file), join('data', file));
  for (const face of style['font-faces']!['Noto Sans Regular'] as { url: string }[]) {
    const path = new URL(face.url).pathname;
    copy(join(ROOT, path), path.slice(1));
    face.url = `.${path}`;
  }
  writeFileSync(join(site, 'index.html'), page(style));
  return site;
}

function page(style: object): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>maplibre alone</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="./maplibre-gl.css">
<style>html, body { margin: 0; } #map { width: 100vw; height: 100vh; }</style>
</head>
<body>
<div id="map"></div>
<script type="module">
import * as maplibregl from './maplibre-gl.mjs';
maplibregl.setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);
const params = new URLSearchParams(location.search);
const { center, zoom, bearing, pitch } = JSON.parse(params.get('camera'));
const container = document.getElementById('map');
container.style.width = params.get('width') + 'px';
container.style.height = params.get('height') + 'px';
const style = ${JSON.stringify(style)};
// maplibre's worker fetches the data: addresses in full, as the story gives them.
for (const faces of Object.values(style['font-faces']))
  for (const face of faces) face.url = new URL(face.url, location.href).href;
for (const source of Object.values(style.sources))
  if (typeof source.data === 'string') source.data = new URL(source.data, location.href).href;
const map = new maplibregl.Map({ container, style, center, zoom, bearing, pitch });
map.once('load', () => {
  performance.mark('storymap:map-shown');
  performance.mark('storymap:map-ready');
});
window.floorMap = map;
</script>
</body>
</html>
`;
}

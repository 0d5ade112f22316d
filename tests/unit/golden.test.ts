/**
 * Golden files for the data the build derives (Turf's habit): each input under tests/golden/ must
 * give the output stored beside it. After a deliberate change, write the outputs anew with
 *   UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/golden.test.ts
 * and read the diff before committing it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '../../scripts/basemap.ts';
import { renderStaticMap, type StaticMapInput } from '../../scripts/static-map.ts';
import { forWeb } from '../../src/geo/web-geometry.ts';
import { BASEMAP_DATA, STORY_LAYERS } from '../../src/map/layers.ts';

const GOLDEN = join(import.meta.dirname, '..', 'golden');
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

const read = <T>(path: string): T => JSON.parse(readFileSync(join(GOLDEN, path), 'utf8')) as T;

/** Compares with the stored output, or stores it under UPDATE_GOLDEN. */
function expectGolden(path: string, actual: string): void {
  const file = join(GOLDEN, path);
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : '';
  expect(actual, `tests/golden/${path} (UPDATE_GOLDEN=1 writes it)`).toBe(expected);
}

/** JSON with each position on one line: short files, and diffs that point at a position. */
function json(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/\[[^[\]{}"]*\]/g, (numbers) =>
    numbers.replace(/\s+/g, '').replaceAll(',', ', '),
  );
  return `${text}\n`;
}

// Two hand-made topologies: borders kept, dissolved (one Cold War union) and between the two
// data sets; a ring across the antimeridian, one around the pole, one that rounds to a point.
describe('basemap (scripts/basemap.ts)', () => {
  it('turns two small topologies into land, coast and Cold War borders', () => {
    const { detail, world } = read<{ detail: Topology; world: Topology }>('basemap/in.json');
    expectGolden('basemap/out.json', json(buildBasemap(detail, world)));
  });
});

describe('web geometry (src/geo/web-geometry.ts)', () => {
  const arcs = new Set([...STORY_LAYERS, ...BASEMAP_DATA].filter((l) => l.arcs).map((l) => l.id));
  const inputs = readdirSync(join(GOLDEN, 'web-geometry', 'in'));
  it.each(inputs)('prepares %s for the web', (name) => {
    const input = read<FeatureCollection>(`web-geometry/in/${name}`);
    const layer = name.replace(/\.geojson$/, '');
    const features = input.features.map((feature) => forWeb(feature, arcs.has(layer)));
    expectGolden(`web-geometry/out/${name}`, json({ ...input, features }));
  });
});

// Three steps of the story, frozen with the features they draw (properties trimmed) on a coarse
// basemap (Natural Earth 1:110m, simplified): a camera view, a fitted view drawn smaller with
// prefixed ids, and a world view across the antimeridian.
describe('static maps (scripts/static-map.ts)', () => {
  const { maps, basemap, layers } = read<{
    maps: Omit<StaticMapInput, 'basemap' | 'layers'>[];
    basemap: StaticMapInput['basemap'];
    layers: StaticMapInput['layers'];
  }>('static-map/in.json');
  it.each(maps.map((map) => [map.step.id, map] as const))('draws %s', (id, map) => {
    expectGolden(`static-map/out/${id}.svg`, renderStaticMap({ ...map, basemap, layers }));
  });
});

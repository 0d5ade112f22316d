/**
 * The build-time data pipeline as a Vite plugin:
 * - validates every GeoJSON layer in geo/ and the story content in src/story/, failing the build
 *   with the file, the feature or step, and the reason;
 * - serves the validated story as the module `virtual:story`;
 * - emits the layers and the Natural Earth basemap as static files under data/ (served by the dev
 *   server from memory), so that no geometry enters the JavaScript bundle, and a static SVG map
 *   of every step under data/static/ for readers without the live map and for print.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { featureUseProblems } from '../src/geo/usage.ts';
import { forWeb } from '../src/geo/web-geometry.ts';
import { prepareLayer, LayerFileError, type PreparedLayer } from '../src/geo/layer-file.ts';
import { BASEMAP_DATA, STORY_LAYER_IDS, STORY_LAYERS } from '../src/map/layers.ts';
import { parseNotes, parseSection } from '../src/story/parse.ts';
import { linkPlaces } from '../src/story/place-links.ts';
import { mapTextProblems, namedFeatures } from '../src/story/map-text.ts';
import { resolveTimeline } from '../src/story/timeline.ts';
import { resolveStory, type LayerCatalog } from '../src/story/resolve.ts';
import { keyFor } from '../src/map/legend.ts';
import { namedPlaces, ownFeatures, patternProblems } from '../src/story/drawn.ts';
import type { LngLat, Step, Story } from '../src/story/types.ts';
import { buildBasemap } from './basemap.ts';
import { locatorLand } from './locator-land.ts';
import { LOCATOR_BOUNDS } from '../src/map/locator.ts';
import { renderStaticMap } from './static-map.ts';

const VIRTUAL_ID = 'virtual:story';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export interface StoryData {
  story: Story;
  /** Files to publish under data/, by name. */
  files: Record<string, string>;
  /** The static map of a step (SVG), for readers without the live map and for print. */
  staticMap(step: Step): string;
}

/** Reads, checks and prepares everything; throws one error listing every problem found. */
export function loadStoryData(root: string): StoryData {
  const geoDir = join(root, 'geo');
  const storyDir = join(root, 'src', 'story');
  const problems: string[] = [];
  const layers: Record<string, PreparedLayer> = {};
  const expected = new Map([...STORY_LAYERS, ...BASEMAP_DATA].map((l) => [l.id, l]));

  for (const name of readdirSync(geoDir)
    .filter((file) => file.endsWith('.geojson'))
    .sort()) {
    const id = basename(name, '.geojson');
    const file = relative(root, join(geoDir, name));
    if (!expected.has(id)) {
      problems.push(`${file}: no map layer is defined for "${id}" (add it to src/map/layers.ts)`);
      continue;
    }
    try {
      layers[id] = prepareLayer(file, readFileSync(join(geoDir, name), 'utf8'), expected.get(id)!);
    } catch (error) {
      if (error instanceof LayerFileError) problems.push(...error.problems);
      else throw error;
    }
  }
  for (const id of expected.keys()) {
    if (!layers[id] && !problems.some((p) => p.includes(`geo/${id}.geojson`))) {
      problems.push(`geo/${id}.geojson: missing (src/map/layers.ts draws it)`);
    }
  }
  const featureLayer = new Map<string, string>();
  for (const [layer, prepared] of Object.entries(layers)) {
    for (const id of Object.keys(prepared.features)) {
      const other = featureLayer.get(id);
      if (other)
        problems.push(
          `geo/${layer}.geojson: feature "${id}": id also used in geo/${other}.geojson`,
        );
      featureLayer.set(id, layer);
    }
  }
  if (problems.length) throw new Error(`Invalid GeoJSON layers:\n  ${problems.join('\n  ')}`);

  const catalog: LayerCatalog = {};
  for (const id of STORY_LAYER_IDS) catalog[id] = layers[id]!.features;
  const sectionsDir = join(storyDir, 'sections');
  const sections = readdirSync(sectionsDir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) =>
      parseSection(
        relative(root, join(sectionsDir, file)),
        readFileSync(join(sectionsDir, file), 'utf8'),
      ),
    );
  const notesFile = join(storyDir, 'notes.md');
  const notes = parseNotes(relative(root, notesFile), readFileSync(notesFile, 'utf8'));
  const story = resolveStory(sections, notes, catalog);
  const timelineFile = join(storyDir, 'timeline.json');
  if (existsSync(timelineFile)) {
    story.timeline = resolveTimeline(
      relative(root, timelineFile),
      readFileSync(timelineFile, 'utf8'),
      new Map(story.steps.map((step) => [step.id, step.period])),
    );
  }
  const placeNames = layers.places!.collection.features.map(({ properties: p }) => ({
    id: p.id,
    names: [p.name, ...(p.aliases ?? [])],
  }));
  const published = Object.fromEntries(
    STORY_LAYER_IDS.map((id) => [id, layers[id]!.collection.features]),
  );
  story.stateNames = layers.states!.collection.features.map(({ geometry, properties: p }) => ({
    id: p.id,
    at: (geometry as Point).coordinates as LngLat,
    text: String(p.label ?? p.name),
    period: [p.from, p.to],
  }));
  for (const step of story.steps) {
    step.paragraphs = linkPlaces(step.paragraphs, placeNames);
    step.own = ownFeatures(step, published);
    step.places = namedPlaces(step, published.places!);
    step.key = keyFor(step, published);
  }
  const unused = featureUseProblems(
    story.steps,
    Object.fromEntries(STORY_LAYER_IDS.map((id) => [id, layers[id]!.features])),
  );
  if (unused.length) throw new Error(`GeoJSON features no step shows:\n  ${unused.join('\n  ')}`);
  const stepAt = new Map(
    sections.flatMap((raw) =>
      raw.steps.map((s) => [s.id, `${raw.file}:${s.fields.map?.line ?? s.line}`] as const),
    ),
  );
  const patterns = patternProblems(story.steps, layers.zones!.collection.features, stepAt);
  if (patterns.length)
    throw new Error(`Steps with more than one patterned zone:\n  ${patterns.join('\n  ')}`);
  const mismatches = mapTextProblems(
    story.steps.map((step) => ({ ...step, where: stepAt.get(step.id) ?? step.id })),
    namedFeatures(
      Object.fromEntries(STORY_LAYER_IDS.map((id) => [id, layers[id]!.collection.features])),
    ),
  );
  if (mismatches.length)
    throw new Error(`Map sentences that do not match the map:\n  ${mismatches.join('\n  ')}`);

  const require = createRequire(import.meta.url);
  const basemap = buildBasemap(
    require('world-atlas/countries-50m.json') as Topology,
    require('world-atlas/countries-110m.json') as Topology,
  );
  const files: Record<string, string> = {
    'basemap-land.geojson': JSON.stringify(basemap.land),
    'basemap-coast.geojson': JSON.stringify(basemap.coast),
    'basemap-borders.geojson': JSON.stringify(basemap.borders),
    // The locator inset's land (src/map/locator.ts): a few kilobytes, fetched for close-ups only.
    'basemap-locator.geojson': JSON.stringify(locatorLand(basemap.land, LOCATOR_BOUNDS)),
  };
  const collections = Object.fromEntries(
    Object.entries(layers).map(([id, prepared]): [string, FeatureCollection] => [
      id,
      {
        type: 'FeatureCollection',
        features: prepared.collection.features.map((f) => forWeb(f, !!expected.get(id)?.arcs)),
      },
    ]),
  );
  for (const [id, collection] of Object.entries(collections)) {
    files[`${id}.geojson`] = JSON.stringify(collection);
  }
  const staticMap = (step: Step) =>
    renderStaticMap({
      step,
      basemap: { ...basemap, rivers: collections.rivers! },
      layers: collections,
    });
  return { story, files, staticMap };
}

/**
 * The story for the built page's bundle: without the article's paragraphs, which the prerendered
 * page already carries and src/story/story.ts reads back from it (half the bundle otherwise).
 */
export function bundledStory(story: Story): Story {
  return { ...story, steps: story.steps.map((step) => ({ ...step, paragraphs: [] })) };
}

/** The plugin, with the validated story for other build steps (the course packages). */
export function storyPlugin(): Plugin & { api: { story(): Story } } {
  let root = process.cwd();
  let build = false;
  let data: StoryData | undefined;
  const load = () => (data ??= loadStoryData(root));

  return {
    name: 'storymap-content',
    api: { story: () => load().story },
    configResolved(config) {
      root = config.root;
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id, options) {
      if (id !== RESOLVED_ID) return undefined;
      for (const dir of ['geo', 'src/story', 'src/story/sections']) {
        for (const file of readdirSync(join(root, dir))) this.addWatchFile(join(root, dir, file));
      }
      // The dev server mounts (no prerendered text) and the prerender renders: both need it all.
      const story = build && !options?.ssr ? bundledStory(load().story) : load().story;
      return `export default ${JSON.stringify(story)};`;
    },
    generateBundle() {
      const { files, story, staticMap } = load();
      for (const [name, source] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source });
      }
      for (const step of story.steps) {
        this.emitFile({
          type: 'asset',
          fileName: `data/static/${step.id}.svg`,
          source: staticMap(step),
        });
      }
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (/[/\\](geo|story)[/\\]/.test(file)) {
          data = undefined;
          const module = server.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) server.reloadModule(module);
        }
      });
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const data = /\/data\/([\w-]+\.geojson)$/.exec(path);
        const svg = /\/data\/static\/([\w-]+)\.svg$/.exec(path);
        const step = svg ? load().story.steps.find((s) => s.id === svg[1]) : undefined;
        const body = data ? load().files[data[1]!] : step ? load().staticMap(step) : undefined;
        if (!body) return next();
        res.setHeader('Content-Type', data ? 'application/geo+json' : 'image/svg+xml');
        res.end(body);
      });
    },
  };
}

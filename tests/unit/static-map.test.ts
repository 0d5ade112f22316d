import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { renderStaticMap, type StaticMapInput } from '../../scripts/static-map.ts';
import { nameOf } from '../../scripts/static-map/features.ts';
import { escapeXml } from '../../scripts/static-map/svg.ts';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import type { Step, View } from '../../src/story/types.ts';

const W = 720;
const H = 540;
/** The clip rectangle reaches a few pixels past the viewport so that its edges stay unseen. */
const SLACK = 5;

function feature(
  geometry: Geometry,
  properties: Record<string, unknown> = {},
  period: [number, number] = [19450101, 19751231],
): Feature {
  return {
    type: 'Feature',
    geometry,
    properties: { ...properties, from: period[0], to: period[1] },
  };
}

const collection = (...features: Feature[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

/** A ring around [x0, y0]–[x1, y1], wound as RFC 7946 wants (counterclockwise). */
const square = (x0: number, y0: number, x1: number, y1: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const line = (...coordinates: [number, number][]): Geometry => ({
  type: 'LineString',
  coordinates,
});
const point = (lng: number, lat: number): Geometry => ({
  type: 'Point',
  coordinates: [lng, lat],
});

const CAMERA: View = { kind: 'camera', center: [105, 15], zoom: 5, bearing: 0, pitch: 0 };

function step(overrides: Partial<Step> = {}): Step {
  return {
    id: 'geneva',
    section: 'peace',
    index: 0,
    date: '1954-07-21',
    period: [19540721, 19540721],
    mapText: 'Hanoi and Saigon, either side of the demarcation line.',
    caption: '',
    callouts: [],
    own: [
      { layer: 'supply-routes', id: 'route' },
      { layer: 'troop-movements', id: 'move' },
    ],
    places: ['saigon', 'paris', 'old-town'],
    layers: ['places', 'states', 'demarcation', 'dmz', 'supply-routes', 'troop-movements'],
    highlight: [{ layer: 'places', id: 'hanoi' }],
    moving: [],
    view: CAMERA,
    subject: null,
    key: [],
    paragraphs: [],
    ...overrides,
  };
}

function input(overrides: Partial<Step> = {}): StaticMapInput {
  return {
    step: step(overrides),
    basemap: {
      land: collection(feature(square(100, 10, 110, 20))),
      coast: collection(feature(line([100, 10], [110, 10]))),
      borders: collection(feature(line([104, 10], [104, 20]))),
      rivers: collection(feature(line([102, 19], [106, 12]), { name: 'Mekong' })),
    },
    layers: {
      places: collection(
        feature(point(106, 17), { id: 'hanoi', name: 'Hà Nội & <Co>' }),
        feature(point(106.7, 10.8), { id: 'saigon', name: 'Saigon' }),
        feature(point(2.35, 48.85), { id: 'paris', name: 'Paris' }),
        feature(point(104, 14), { id: 'old-town', name: 'Old Town' }, [19000101, 19101231]),
      ),
      states: collection(feature(point(103, 18), { id: 'laos', name: 'Laos', label: 'Laos' })),
      demarcation: collection(feature(line([106.5, 17], [107.1, 17]), { id: 'line' })),
      dmz: collection(feature(square(106.5, 16.9, 107.1, 17.1), { id: 'dmz' })),
      'supply-routes': collection(
        feature(line([104, 21], [105, 18], [106, 15]), {
          id: 'route',
          name: 'Route',
          actor: 'prc',
        }),
        feature(line([60, 50], [61, 51]), { id: 'far-route', name: 'Far route', actor: 'prc' }),
      ),
      'troop-movements': collection(
        feature(line([103, 12], [104, 13], [105, 12]), { id: 'move', name: 'Move', actor: 'drv' }),
        feature(
          line([103, 18], [104, 19]),
          { id: 'gone', name: 'Gone', actor: 'drv' },
          [19000101, 19101231],
        ),
      ),
    },
  };
}

/** The `d` of every path with this attribute, e.g. `fill="#f3efe6"`. */
function pathsWith(svg: string, attribute: string): string[] {
  return [...svg.matchAll(/<path d="([^"]+)"([^>]*)>/g)]
    .filter((match) => match[2]!.includes(attribute))
    .map((match) => match[1]!);
}

/** Every [x, y] of a path's `d`. */
function points(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) out.push([numbers[i]!, numbers[i + 1]!]);
  return out;
}

function extent(d: string): [number, number, number, number] {
  const ps = points(d);
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function expectInsideViewBox(svg: string): void {
  const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((match) => match[1]!);
  // The arrowhead is drawn in its marker's own units.
  const drawn = paths.filter((d) => d !== 'M0,0L10,5L0,10L3,5Z');
  expect(drawn.length).toBeGreaterThan(0);
  for (const d of drawn) {
    for (const [x, y] of points(d)) {
      expect(x).toBeGreaterThanOrEqual(-SLACK);
      expect(x).toBeLessThanOrEqual(W + SLACK);
      expect(y).toBeGreaterThanOrEqual(-SLACK);
      expect(y).toBeLessThanOrEqual(H + SLACK);
    }
  }
}

/** Web Mercator as maplibre computes it: the world is 512 * 2^zoom pixels wide. */
function mercator(view: View & { kind: 'camera' }, [lng, lat]: [number, number]) {
  const k = (512 * 2 ** view.zoom) / (2 * Math.PI);
  const y = (phi: number) => Math.log(Math.tan(Math.PI / 4 + (phi * Math.PI) / 360));
  return [
    W / 2 + (k * ((lng - view.center[0]) * Math.PI)) / 180,
    H / 2 - k * (y(lat) - y(view.center[1])),
  ];
}

describe('renderStaticMap', () => {
  it('writes a standalone, labelled SVG document', () => {
    const svg = renderStaticMap(input());
    expect(
      svg.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="540" viewBox="0 0 720 540"',
      ),
    ).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="t"');
    expect(svg).toContain('<title id="t">Map for 1954-07-21: Hà Nội &amp; &lt;Co&gt;</title>');
    expect(svg).toContain(`font-family="'Noto Sans', sans-serif"`);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // Every element is closed: tags balance.
    const opened = svg.match(/<[a-z]+[\s>]/g)!.length;
    const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length + (svg.match(/\/>/g) ?? []).length;
    expect(closed).toBe(opened);
  });

  it('draws the basemap and the layers in the live map’s colours and order', () => {
    const svg = renderStaticMap(input());
    const order = [
      'fill="#d9e4ea"', // sea
      'fill="#f3efe6"', // land
      'stroke="#9fb3bf"', // coast
      'stroke="#8fb1c6"', // rivers
      'stroke="#a49b8c"', // borders
      'fill="#b3261e" fill-opacity="0.3"', // dmz
      'stroke="#ffffff" stroke-width="5.5"', // demarcation casing
      'stroke="#c23b00"', // supply route
      'stroke="#8e3a74"', // troop movement
      '<circle', // places
      '>LAOS<', // state label
      '>Hà Nội &amp; &lt;Co&gt;<', // the step's own place
    ];
    const positions = order.map((part) => svg.indexOf(part, svg.indexOf('</title>')));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(svg).toContain('marker-end="url(#a0)"');
    expect(svg).toContain('<marker id="a0"');
    expect(svg).toContain('paint-order="stroke"');
  });

  it('reads RFC 7946 polygons the right way round (land is not the whole sphere)', () => {
    const svg = renderStaticMap(
      input({
        view: {
          kind: 'bounds',
          bounds: [
            [95, 5],
            [115, 25],
          ],
        },
      }),
    );
    const [land] = pathsWith(svg, 'fill="#f3efe6"');
    const [x0, y0, x1, y1] = extent(land!);
    // The land square sits inside the view, with sea all round it.
    expect(x0).toBeGreaterThan(100);
    expect(x1).toBeLessThan(W - 100);
    expect(y0).toBeGreaterThan(30);
    expect(y1).toBeLessThan(H - 30);
    const [dmz] = pathsWith(svg, 'fill-opacity="0.3"');
    const [dx0, , dx1] = extent(dmz!);
    expect(dx1 - dx0).toBeLessThan(40);
  });

  it('labels the highlighted place, escaped, and draws only what exists at the step’s date', () => {
    const svg = renderStaticMap(input());
    expect(svg).toContain('>Hà Nội &amp; &lt;Co&gt;</text>');
    expect(svg).not.toContain('<Co>');
    // Few places in view: the others are labelled too.
    expect(svg).toContain('>Saigon</text>');
    // Outside the step's period: neither the place nor the movement.
    expect(svg).not.toContain('Old Town');
    const movements = svg.slice(svg.indexOf('stroke="#8e3a74"'));
    expect(movements.slice(0, movements.indexOf('</g>')).match(/<path /g)).toHaveLength(1);
    // Nothing but the highlighted place and Saigon: one red dot, one dark dot.
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });

  it('names a place as it was at the step’s date and dashes a planned movement', () => {
    const base = input();
    const places = base.layers.places!.features;
    places[1]!.properties!.names = [
      [19450101, 19550101, 'Sài Gòn (1954)'],
      [19550102, 19751231, 'Later'],
    ];
    base.layers['troop-movements']!.features[0]!.properties!.status = 'planned';
    const svg = renderStaticMap(base);
    expect(svg).toContain('>Sài Gòn (1954)</text>');
    expect(svg).not.toContain('>Saigon</text>');
    expect(svg).toMatch(/<path d="[^"]+" stroke-dasharray="6 4"\/>/);
  });

  it('leaves out features outside the view', () => {
    const svg = renderStaticMap(input());
    expect(svg).not.toContain('Paris');
    const routes = svg.match(/<path d="[^"]+" fill="none" stroke="#c23b00"/g) ?? [];
    expect(routes).toHaveLength(1);
    // The far route would add a second subpath.
    expect(routes[0]!.match(/M/g)).toHaveLength(1);
  });

  it('leaves out layers the step does not list', () => {
    const svg = renderStaticMap(input({ layers: ['places'] }));
    expect(svg).not.toContain('#c23b00');
    expect(svg).not.toContain('#8e3a74');
    expect(svg).not.toContain('<marker');
    expect(svg).not.toContain('LAOS');
    expect(svg).toContain('>Saigon</text>');
  });

  it('frames a camera view with maplibre’s zoom', () => {
    const svg = renderStaticMap(input());
    expectInsideViewBox(svg);
    const own =
      /<g fill="#b3261e" stroke="#ffffff" stroke-width="2">\n<circle cx="([\d.]+)" cy="([\d.]+)"/.exec(
        svg,
      );
    const [x, y] = mercator(CAMERA as View & { kind: 'camera' }, [106, 17]);
    expect(Number(own![1])).toBeCloseTo(x!, 0);
    expect(Number(own![2])).toBeCloseTo(y!, 0);
  });

  it('fits a bounds view with padding', () => {
    const svg = renderStaticMap(
      input({
        view: {
          kind: 'bounds',
          bounds: [
            [100, 10],
            [110, 20],
          ],
        },
      }),
    );
    expectInsideViewBox(svg);
    // The land square is the bounds: it fills the height less 32 px on each side, centred.
    const [x0, y0, x1, y1] = extent(pathsWith(svg, 'fill="#f3efe6"')[0]!);
    expect(y0).toBeCloseTo(32, 0);
    expect(y1).toBeCloseTo(H - 32, 0);
    expect((x0 + x1) / 2).toBeCloseTo(W / 2, 0);
  });

  it('is deterministic and leaves its input alone', () => {
    const data = input();
    const before = JSON.stringify(data);
    const first = renderStaticMap(data);
    expect(renderStaticMap(data)).toBe(first);
    expect(renderStaticMap(JSON.parse(before) as StaticMapInput)).toBe(first);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('escapes text for XML', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(
      'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;',
    );
  });
});

describe('renderStaticMap on the story', () => {
  // Builds the basemap and draws every step: seconds, more on a busy machine.
  it('renders every step small, with its highlighted places labelled', () => {
    const { story, files } = loadStoryData(process.cwd());
    const read = (name: string) => JSON.parse(files[name]!) as FeatureCollection;
    const basemap = {
      land: read('basemap-land.geojson'),
      coast: read('basemap-coast.geojson'),
      borders: read('basemap-borders.geojson'),
      rivers: read('rivers.geojson'),
    };
    const layers = Object.fromEntries(
      Object.keys(files)
        .filter((name) => !name.startsWith('basemap-') && name !== 'rivers.geojson')
        .map((name) => [name.replace(/\.geojson$/, ''), read(name)]),
    );
    let total = 0;
    let largest = { id: '', size: 0 };
    const outOfFrame: string[] = [];
    for (const step of story.steps) {
      const svg = renderStaticMap({ step, basemap, layers });
      const size = Buffer.byteLength(svg);
      total += size;
      if (size > largest.size) largest = { id: step.id, size };
      expect(size, step.id).toBeLessThan(200_000);
      expect(svg).not.toContain('NaN');
      const drawn = svg.slice(svg.indexOf('</title>'));
      for (const { layer, id } of step.highlight) {
        const place = layers[layer]!.features.find((f) => f.properties?.id === id)!;
        // Only places are labelled; a highlighted line or area has no label to look for.
        if (place.geometry.type !== 'Point') continue;
        const name = `>${escapeXml(nameOf(place, step))}</text>`;
        const [lng = 0, lat = 0] = place.geometry.coordinates;
        // A place is in the frame when it is inside fitted bounds, or projects into a camera's view.
        const view = step.view;
        const inFrame =
          view.kind === 'bounds'
            ? lng >= view.bounds[0][0] &&
              lng <= view.bounds[1][0] &&
              lat >= view.bounds[0][1] &&
              lat <= view.bounds[1][1]
            : ((x, y) => x >= 0 && x <= W && y >= 0 && y <= H)(
                ...(mercator(view, [lng, lat]) as [number, number]),
              );
        if (inFrame) expect(drawn, `${step.id}: ${id}`).toContain(name);
        else if (!drawn.includes(name)) outOfFrame.push(`${step.id}: ${id}`);
      }
    }
    console.log(
      `static maps: ${story.steps.length} steps, ${(total / 1024).toFixed(1)} KB in all, ` +
        `largest ${(largest.size / 1024).toFixed(1)} KB (${largest.id})`,
    );
    if (outOfFrame.length)
      console.log(`highlighted places outside a ${W}x${H} frame: ${outOfFrame.join(', ')}`);
  }, 120_000);
});

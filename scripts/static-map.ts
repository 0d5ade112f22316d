/**
 * Renders one story step's map as a standalone SVG at build time, for readers without the live
 * map: no WebGL, no JavaScript, or a printed page. Same projection (Web Mercator), framing, colours
 * and drawing order as the maplibre map, from the same basemap and prepared layers.
 *
 * Pure: no file or network access, no clock, no randomness; the same input gives the same string.
 *
 * How the output is kept small (a regional view stays well under 120 KB):
 * - every part of every geometry (each polygon of the world's land, each line of the borders) whose
 *   bounding box misses the visible area is dropped before it is projected;
 * - what remains is clipped to the viewport (projection.clipExtent), so only visible geometry is
 *   written;
 * - the projected lines are simplified (Douglas–Peucker, 0.4 px) and rings smaller than a pixel
 *   are dropped;
 * - coordinates are written with one decimal (geoPath().digits(1));
 * - all the features of one style share one <path> and the style sits on it once; no ids, classes
 *   or data attributes per feature.
 */
import { geoArea, geoMercator, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { ACCENT, BORDER, COAST, INK, LAND, RIVER, SEA, STATE_TEXT } from '../src/map/colours.ts';
import { ACTORS, isActor } from '../src/map/actors.ts';
import { patternSvg } from '../src/map/patterns.ts';
import type { Step, View } from '../src/story/types.ts';

export interface StaticMapInput {
  step: Step;
  basemap: {
    land: FeatureCollection;
    coast: FeatureCollection;
    borders: FeatureCollection;
    rivers: FeatureCollection;
  };
  /** Story layers by id, prepared (every feature has numeric `from`/`to` YYYYMMDD properties). */
  layers: Record<string, FeatureCollection>;
  /** Default 720. */
  width?: number;
  /** Default 540. */
  height?: number;
  /**
   * Prefixed to the SVG's ids (title, arrowhead), so several maps can be inlined in one page.
   * Default none: the title's id is then "t".
   */
  idPrefix?: string;
}

const LABEL_HALO = '#fff';
const LABEL_HALO_OPACITY = 0.9;

const FONT = "'Noto Sans', sans-serif";
/** Space kept around fitted bounds, in pixels. */
const FIT_PADDING = 32;
/** The clip rectangle reaches this far beyond the viewport, so that clip edges are never seen. */
const CLIP_MARGIN = 4;
/** Geometry this close to the viewport still counts as in view (wide lines, dots). */
const CULL_MARGIN = 8;
/** Simplification tolerance, in pixels. */
const TOLERANCE = 0.4;
/** Rings smaller than this across, in pixels, are not drawn. */
const MIN_RING = 1;
/** Other places are labelled only when no more than this many are in view. */
const MAX_PLACE_LABELS = 12;
/** maplibre's own cap on zoom, used if bounds are a single point. */
const MAX_ZOOM = 22;

type Box = [number, number, number, number];
type Properties = Record<string, unknown>;
type Part =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Point'; coordinates: Position };

interface Visible {
  west: number;
  east: number;
  south: number;
  north: number;
}

interface Label {
  text: string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  box: Box;
}

export function renderStaticMap(input: StaticMapInput): string {
  const { step, basemap, layers, width = 720, height = 540, idPrefix = '' } = input;
  const projection = frame(step.view, width, height);
  const zoom = Math.log2((projection.scale() * 2 * Math.PI) / 512);
  const visible = visibleArea(projection, width, height);
  const simplified = { stream: (sink: GeoStream) => projection.stream(simplify(sink)) };
  const path = geoPath(simplified).digits(1);

  /** One path's `d` for all the parts of these features that can be seen; '' when none. */
  const pathOf = (features: Feature[]): string => {
    let d = '';
    for (const feature of features) {
      for (const part of parts(feature.geometry)) {
        if (part.type === 'Point' || !intersects(bboxOf(part), visible)) continue;
        d += path(part.type === 'Polygon' ? d3Winding(part) : part) ?? '';
      }
    }
    return d;
  };
  const inViewport = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;

  const shown = new Set(step.layers);
  const highlighted = new Set(step.highlight.map(({ layer, id }) => `${layer}\n${id}`));
  const isHighlighted = (layer: string, feature: Feature) =>
    highlighted.has(`${layer}\n${String(props(feature).id)}`);
  /** The layer's features that exist during the step, split into the others and the highlighted. */
  const storyFeatures = (layer: string): [Feature[], Feature[]] => {
    if (!shown.has(layer)) return [[], []];
    const [from, to] = step.period;
    const existing = (layers[layer]?.features ?? []).filter((feature) => {
      const p = props(feature);
      return typeof p.from === 'number' && typeof p.to === 'number' && p.from <= to && p.to >= from;
    });
    return [
      existing.filter((feature) => !isHighlighted(layer, feature)),
      existing.filter((feature) => isHighlighted(layer, feature)),
    ];
  };

  const body: string[] = [];
  const stroke = (d: string, attributes: string) => {
    if (d) body.push(`<path d="${d}" fill="none" ${attributes}/>`);
  };

  // Basemap: sea, land, its coastline, rivers (never filtered by date), borders.
  body.push(`<rect width="${width}" height="${height}" fill="${SEA}"/>`);
  const land = pathOf(basemap.land.features);
  if (land) body.push(`<path d="${land}" fill="${LAND}"/>`);
  stroke(pathOf(basemap.coast.features), `stroke="${COAST}" stroke-width="0.8"`);
  stroke(
    pathOf(basemap.rivers.features),
    `stroke="${RIVER}" stroke-width="${fmt(interpolate(zoom, 3, 0.8, 7, 2))}" stroke-linecap="round" stroke-linejoin="round"`,
  );
  stroke(
    pathOf(basemap.borders.features),
    `stroke="${BORDER}" stroke-width="0.9" stroke-dasharray="3.6 1.8"`,
  );

  // Story layers, in the live map's order; a step's highlighted features above the others.
  const defs: string[] = [];
  const colourOf = (feature: Feature) => {
    const actor = props(feature).actor;
    return isActor(actor) ? ACTORS[actor].colour : INK;
  };
  /** Features grouped by a key (e.g. their colour), in first-seen order. */
  const groups = (features: Feature[], key: (feature: Feature) => string) => {
    const byKey = new Map<string, Feature[]>();
    for (const feature of features)
      byKey.set(key(feature), [...(byKey.get(key(feature)) ?? []), feature]);
    return [...byKey];
  };

  storyFeatures('zones').forEach((features, i) => {
    for (const [key, group] of groups(features, (f) => `${String(props(f).kind)} ${colourOf(f)}`)) {
      const d = pathOf(group);
      if (!d) continue;
      const [kind, colour] = key.split(' ') as [string, string];
      const id = `${idPrefix}z${defs.length}`;
      defs.push(patternSvg(id, kind, colour));
      body.push(
        `<path d="${d}" fill="url(#${id})" stroke="${colour}" stroke-opacity="0.85" stroke-width="${i ? 2.5 : 1.2}" stroke-linejoin="round"/>`,
      );
    }
  });

  const dmz = storyFeatures('dmz').flat();
  const dmzArea = pathOf(dmz);
  if (dmzArea) {
    body.push(`<path d="${dmzArea}" fill="${ACCENT}" fill-opacity="0.14"/>`);
    stroke(
      dmzArea,
      `stroke="${ACCENT}" stroke-opacity="0.8" stroke-width="1" stroke-dasharray="3 2"`,
    );
  }
  const demarcation = pathOf(storyFeatures('demarcation').flat());
  stroke(demarcation, `stroke="#fff" stroke-width="5"`);
  stroke(demarcation, `stroke="${ACCENT}" stroke-width="2.5"`);

  /** A layer's lines in their actors' colours, thicker where highlighted, dashed in line widths. */
  const dashedByActor = (
    layer: string,
    widths: [number, number],
    dash: string,
    cap: 'butt' | 'round',
  ) =>
    storyFeatures(layer).forEach((features, i) => {
      const w = widths[i]!;
      const dasharray = dash.replace(/[\d.]+/g, (n) => fmt(Number(n) * w));
      for (const [colour, group] of groups(features, colourOf))
        stroke(
          pathOf(group),
          `stroke="${colour}" stroke-width="${w}" stroke-dasharray="${dasharray}" stroke-linecap="${cap}" stroke-linejoin="round"`,
        );
    });

  // maplibre scales dashes by the line width; butt caps keep the gaps open.
  dashedByActor('supply-routes', [3, 4.5], '2 1.2', 'butt');

  // One path per movement, so that each ends in its own arrowhead (one marker per colour).
  storyFeatures('troop-movements').forEach((features, i) => {
    for (const [colour, group] of groups(features, colourOf)) {
      const lines = group.map((feature) => pathOf([feature])).filter(Boolean);
      if (!lines.length) continue;
      const arrow = `${idPrefix}a${defs.length}`;
      defs.push(arrowMarker(arrow, colour));
      body.push(
        `<g fill="none" stroke="${colour}" stroke-opacity="0.85" stroke-width="${i ? 5 : 3.5}" stroke-linecap="round" stroke-linejoin="round" marker-end="url(#${arrow})">`,
        ...lines.map((d) => `<path d="${d}"/>`),
        '</g>',
      );
    }
  });

  // Diplomatic links: dotted, as on the live map (round caps on zero-length dashes).
  dashedByActor('diplomacy', [2, 3], '0 2', 'round');

  // Places: dots, then labels.
  const dot = (feature: Feature): [number, number] | null => {
    const point = firstPoint(feature.geometry);
    const xy = point && projection(point as [number, number]);
    return xy && inViewport(xy) ? xy : null;
  };
  const placesInView = (features: Feature[]) =>
    features.flatMap((feature) => {
      const xy = dot(feature);
      return xy ? [{ xy, name: String(props(feature).name ?? '') }] : [];
    });
  const [others, own] = storyFeatures('places');
  const otherPlaces = placesInView(others);
  const ownPlaces = placesInView(own);
  const otherRadius = interpolate(zoom, 2, 2, 6, 3.5);
  if (otherPlaces.length) {
    body.push(
      `<g fill="${INK}" stroke="#fff" stroke-width="1">`,
      ...otherPlaces.map(({ xy }) => circle(xy, otherRadius)),
      '</g>',
    );
  }
  if (ownPlaces.length) {
    body.push(
      `<g fill="${ACCENT}" stroke="#fff" stroke-width="2">`,
      ...ownPlaces.map(({ xy }) => circle(xy, 6.5)),
      '</g>',
    );
  }

  // Labels are placed by priority (the step's own places, then the period's states, then other
  // places), each skipping spots already taken, and drawn in the reverse order so the first win.
  // The step's own dots are never covered by a label.
  const taken: Box[] = ownPlaces.map(({ xy: [x, y] }) => [x - 7, y - 7, x + 7, y + 7]);
  const place = (
    name: string,
    xy: [number, number],
    size: number,
    radius: number,
    force: boolean,
  ) => placeLabel(name, xy, size, radius, taken, width, height, force);
  const ownLabels = ownPlaces.flatMap(({ xy, name }) => place(name, xy, 14, 6.5, true));
  const stateLabels = storyFeatures('states')
    .flat()
    .flatMap((feature) => {
      const label = props(feature).label;
      const xy = typeof label === 'string' && label ? dot(feature) : null;
      return xy ? stateLabel(label as string, xy, taken, width, height) : [];
    });
  const otherLabels =
    otherPlaces.length + ownPlaces.length <= MAX_PLACE_LABELS
      ? otherPlaces.flatMap(({ xy, name }) => place(name, xy, 12, otherRadius, false))
      : [];
  const halo = (haloWidth: number) =>
    `stroke="${LABEL_HALO}" stroke-opacity="${LABEL_HALO_OPACITY}" stroke-width="${haloWidth}" stroke-linejoin="round" paint-order="stroke"`;
  if (otherLabels.length) {
    body.push(`<g font-size="12" fill="${INK}" ${halo(2.4)}>`, ...otherLabels.map(text), '</g>');
  }
  if (stateLabels.length) {
    body.push(
      `<g font-size="12" letter-spacing="1.4" fill="${STATE_TEXT}" ${halo(2.4)}>`,
      ...stateLabels.map(text),
      '</g>',
    );
  }
  if (ownLabels.length) {
    body.push(`<g font-size="14" fill="${ACCENT}" ${halo(4)}>`, ...ownLabels.map(text), '</g>');
  }

  const title = `${idPrefix}t`;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${title}" font-family="${FONT}">`,
    `<title id="${title}">${escapeXml(titleOf(step, layers))}</title>`,
    ...(defs.length ? ['<defs>', ...defs, '</defs>'] : []),
    ...body,
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}

/** An arrowhead in a movement's colour, its tip a little past the line's end. */
function arrowMarker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto"><path d="M0,0L10,5L0,10L3,5Z" fill="${colour}"/></marker>`;
}

/**
 * The live map's framing in Web Mercator. A camera's zoom z is maplibre's: the world is 512 * 2^z
 * pixels wide. A bounds view is fitted with padding, as maplibre's cameraForBounds does. A static
 * map is drawn north up and seen from above: a camera's bearing and pitch are ignored.
 * Lines are drawn straight in the projected plane, as maplibre draws them (no great-circle
 * resampling: precision 0).
 */
function frame(view: View, width: number, height: number): GeoProjection {
  const projection = geoMercator().precision(0);
  const camera = (center: [number, number], zoom: number) =>
    projection
      .rotate([-center[0], 0])
      .center([0, center[1]])
      .scale((512 * 2 ** zoom) / (2 * Math.PI))
      .translate([width / 2, height / 2]);
  if (view.kind === 'camera') {
    camera(view.center, view.zoom);
  } else {
    const [[west, south], [east0, north]] = view.bounds;
    const east = east0 < west ? east0 + 360 : east0; // bounds across the antimeridian
    const corners = [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
    ];
    projection.rotate([-(west + east) / 2, 0]).fitExtent(
      [
        [FIT_PADDING, FIT_PADDING],
        [width - FIT_PADDING, height - FIT_PADDING],
      ],
      { type: 'MultiPoint', coordinates: corners },
    );
    if (!(projection.scale() <= (512 * 2 ** MAX_ZOOM) / (2 * Math.PI))) {
      camera([(west + east) / 2, (south + north) / 2], MAX_ZOOM);
    }
  }
  return projection.clipExtent([
    [-CLIP_MARGIN, -CLIP_MARGIN],
    [width + CLIP_MARGIN, height + CLIP_MARGIN],
  ]);
}

/** The longitudes (continuous, possibly beyond ±180) and latitudes in view, with a margin. */
function visibleArea(projection: GeoProjection, width: number, height: number): Visible {
  const invert = (x: number, y: number) => projection.invert!([x, y]) ?? [0, 0];
  const center = invert(width / 2, height / 2)[0];
  const half = (((width / 2 + CULL_MARGIN) / projection.scale()) * 180) / Math.PI;
  return {
    west: center - half,
    east: center + half,
    north: invert(width / 2, -CULL_MARGIN)[1],
    south: invert(width / 2, height + CULL_MARGIN)[1],
  };
}

function intersects([x0, y0, x1, y1]: Box, view: Visible): boolean {
  if (y0 > view.north || y1 < view.south) return false;
  if (view.east - view.west >= 360) return true;
  return [-360, 0, 360].some((shift) => x0 + shift <= view.east && x1 + shift >= view.west);
}

function bboxOf(part: Part): Box {
  const positions =
    part.type === 'Polygon'
      ? (part.coordinates[0] ?? [])
      : part.type === 'LineString'
        ? part.coordinates
        : [part.coordinates];
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of positions) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/** Single polygons, lines and points, so each can be culled on its own. */
function parts(geometry: Geometry | null): Part[] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Point':
    case 'LineString':
    case 'Polygon':
      return [geometry];
    case 'MultiPoint':
      return geometry.coordinates.map((coordinates) => ({ type: 'Point', coordinates }));
    case 'MultiLineString':
      return geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    case 'MultiPolygon':
      return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    case 'GeometryCollection':
      return geometry.geometries.flatMap(parts);
  }
}

/**
 * d3 reads polygons on the sphere, where a ring's direction says which side is inside; GeoJSON
 * files (RFC 7946) wind the other way round from d3. A polygon that would cover more than half
 * the globe is taken to be wound the GeoJSON way and reversed.
 */
function d3Winding(polygon: Part & { type: 'Polygon' }): Part {
  if (geoArea(polygon) <= 2 * Math.PI) return polygon;
  return { type: 'Polygon', coordinates: polygon.coordinates.map((ring) => [...ring].reverse()) };
}

/**
 * A stream stage after projection and clipping: simplifies each line and ring in pixels and drops
 * rings too small to see.
 */
function simplify(sink: GeoStream): GeoStream {
  let polygon = false;
  let line: number[] | null = null;
  return {
    point(x, y) {
      if (line) line.push(x, y);
      else sink.point(x, y);
    },
    lineStart() {
      line = [];
    },
    lineEnd() {
      const kept = douglasPeucker(line ?? [], TOLERANCE);
      line = null;
      if (kept.length < (polygon ? 6 : 4)) return;
      if (polygon) {
        const xs = kept.filter((_, i) => i % 2 === 0);
        const ys = kept.filter((_, i) => i % 2 === 1);
        const across = Math.max(
          Math.max(...xs) - Math.min(...xs),
          Math.max(...ys) - Math.min(...ys),
        );
        if (across < MIN_RING) return;
      }
      sink.lineStart();
      for (let i = 0; i < kept.length; i += 2) sink.point(kept[i]!, kept[i + 1]!);
      sink.lineEnd();
    },
    polygonStart() {
      polygon = true;
      sink.polygonStart();
    },
    polygonEnd() {
      polygon = false;
      sink.polygonEnd();
    },
    sphere() {
      sink.sphere?.();
    },
  };
}

/** Douglas–Peucker on flat [x0, y0, x1, y1, …] coordinates; keeps both ends. */
function douglasPeucker(xy: number[], tolerance: number): number[] {
  const n = xy.length / 2;
  if (n <= 2) return xy;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const limit = tolerance * tolerance;
  const stack = [0, n - 1];
  while (stack.length) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let farthest = -1;
    let max = limit;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(xy, i, first, last);
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push(first, farthest, farthest, last);
    }
  }
  return xy.filter((_, i) => keep[i >> 1]);
}

/** Squared distance from point p to the segment a–b, all indexes into flat coordinates. */
function segmentDistance2(xy: number[], p: number, a: number, b: number): number {
  const [px, py, ax, ay, bx, by] = [
    xy[2 * p]!,
    xy[2 * p + 1]!,
    xy[2 * a]!,
    xy[2 * a + 1]!,
    xy[2 * b]!,
    xy[2 * b + 1]!,
  ];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

/**
 * A place label beside its dot, tried right, left, above and below (maplibre's variable anchors),
 * keeping the first spot that stays in the viewport and overlaps no earlier label. The step's own
 * places are always labelled (in the first spot in view); other places only where there is room.
 */
function placeLabel(
  name: string,
  [x, y]: [number, number],
  size: number,
  radius: number,
  taken: Box[],
  width: number,
  height: number,
  force: boolean,
): Label[] {
  if (!name) return [];
  const w = textWidth(name, size, 0);
  const gap = Math.max(radius + 2, 0.7 * size);
  const candidates: Label[] = [
    {
      text: [name],
      x: x + gap,
      y: y + 0.35 * size,
      anchor: 'start',
      size,
      box: [x + gap, y - size / 2, x + gap + w, y + size / 2],
    },
    {
      text: [name],
      x: x - gap,
      y: y + 0.35 * size,
      anchor: 'end',
      size,
      box: [x - gap - w, y - size / 2, x - gap, y + size / 2],
    },
    {
      text: [name],
      x,
      y: y - gap,
      anchor: 'middle',
      size,
      box: [x - w / 2, y - gap - size, x + w / 2, y - gap],
    },
    {
      text: [name],
      x,
      y: y + gap + 0.8 * size,
      anchor: 'middle',
      size,
      box: [x - w / 2, y + gap, x + w / 2, y + gap + size],
    },
  ];
  const fits = (label: Label) =>
    label.box[0] >= 0 && label.box[1] >= 0 && label.box[2] <= width && label.box[3] <= height;
  const free = (label: Label) => !taken.some((box) => overlap(box, label.box));
  const chosen =
    candidates.find((label) => fits(label) && free(label)) ??
    (force ? (candidates.find(fits) ?? candidates[0]) : undefined);
  if (!chosen) return [];
  taken.push(chosen.box);
  return [chosen];
}

/**
 * A state's name, upper case and centred on its point, wrapped at about nine ems as maplibre's
 * text-max-width does; skipped when it would cover an earlier label or leave the viewport.
 */
function stateLabel(
  label: string,
  [x, y]: [number, number],
  taken: Box[],
  width: number,
  height: number,
): Label[] {
  const size = 12;
  const spacing = 0.12 * size;
  const lines: string[] = [];
  for (const word of label.toUpperCase().split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size, spacing, true) <= 9 * size)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const lineHeight = 1.2 * size;
  const w = Math.max(...lines.map((line) => textWidth(line, size, spacing, true)));
  const h = lines.length * lineHeight;
  const box: Box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
  const inside = box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height;
  if (!lines.length || !inside || taken.some((other) => overlap(other, box))) return [];
  taken.push(box);
  return [
    {
      text: lines,
      x,
      y: y - h / 2 + 0.85 * size + (lineHeight - size) / 2,
      anchor: 'middle',
      size,
      box,
    },
  ];
}

/** A rough width for Noto Sans: no fonts are measured at build time. */
function textWidth(text: string, size: number, spacing: number, upper = false): number {
  return text.length * (size * (upper ? 0.68 : 0.56) + spacing);
}

function overlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function text(label: Label): string {
  const anchor = label.anchor === 'start' ? '' : ` text-anchor="${label.anchor}"`;
  const [first, ...more] = label.text;
  if (!more.length) {
    return `<text x="${fmt(label.x)}" y="${fmt(label.y)}"${anchor}>${escapeXml(first ?? '')}</text>`;
  }
  const lineHeight = 1.2 * label.size;
  const lines = label.text.map(
    (line, i) =>
      `<tspan x="${fmt(label.x)}" y="${fmt(label.y + i * lineHeight)}">${escapeXml(line)}</tspan>`,
  );
  return `<text${anchor}>${lines.join('')}</text>`;
}

function circle([x, y]: [number, number], r: number): string {
  return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}"/>`;
}

/** The title read out for the map: its date and what it is about. */
function titleOf(step: Step, layers: Record<string, FeatureCollection>): string {
  const names = step.highlight.flatMap(({ layer, id }) => {
    const feature = layers[layer]?.features.find((f) => props(f).id === id);
    const name = feature && props(feature).name;
    return typeof name === 'string' && name ? [name] : [];
  });
  return names.length ? `Map for ${step.date}: ${names.join(', ')}` : `Map for ${step.date}`;
}

function firstPoint(geometry: Geometry | null): Position | null {
  const point = parts(geometry).find((part) => part.type === 'Point');
  return point ? (point.coordinates as Position) : null;
}

function props(feature: Feature): Properties {
  return (feature.properties ?? {}) as Properties;
}

/** maplibre's ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1]. */
function interpolate(zoom: number, z0: number, v0: number, z1: number, v1: number): number {
  const t = Math.max(0, Math.min(1, (zoom - z0) / (z1 - z0)));
  return v0 + t * (v1 - v0);
}

/** A number with at most one decimal, never "-0". */
function fmt(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

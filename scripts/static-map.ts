/**
 * Renders one story step's map as a standalone SVG at build time, for readers without the live
 * map: no WebGL, no JavaScript, or a printed page. Same projection (Web Mercator), framing,
 * symbols (src/map/symbology.ts) and drawing order as the maplibre map, from the same basemap and
 * prepared layers. Its parts, in static-map/: frame (projection and view), features (what a step
 * draws), geometry, simplify, labels (placement) and svg (writing).
 *
 * Pure: no file or network access, no clock, no randomness; the same input gives the same string.
 *
 * How the output is kept small (a regional view stays well under 120 KB):
 * - every part of every geometry (each polygon of the world's land, each line of the borders) whose
 *   bounding box misses the visible area is dropped before it is projected;
 * - what remains is clipped to the viewport (projection.clipExtent), so only visible geometry is
 *   written;
 * - the projected lines are simplified (Douglas–Peucker by @turf/simplify, 0.4 px) and rings
 *   smaller than a pixel are dropped;
 * - coordinates are written with one decimal (geoPath().digits(1));
 * - all the features of one style share one <path> and the style sits on it once; no ids, classes
 *   or data attributes per feature.
 */
import { geoPath, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { patternSvg } from '../src/map/patterns.ts';
import { atZoom, SYMBOLS, type LineSymbol } from '../src/map/symbology.ts';
import type { Step } from '../src/story/types.ts';
import { colourOf, groups, nameOf, props, stepFeatures, titleOf } from './static-map/features.ts';
import { frame, intersects, visibleArea, zoomOf } from './static-map/frame.ts';
import { bboxOf, d3Winding, firstPoint, parts } from './static-map/geometry.ts';
import { LabelSpace } from './static-map/labels.ts';
import { simplifyStream } from './static-map/simplify.ts';
import { arrowMarker, circle, dots, escapeXml, labels, stroke } from './static-map/svg.ts';

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

const FONT = "'Noto Sans', sans-serif";
/** Other places are labelled only when no more than this many are in view. */
const MAX_PLACE_LABELS = 12;

export function renderStaticMap(input: StaticMapInput): string {
  const { step, basemap, layers, width = 720, height = 540, idPrefix = '' } = input;
  const projection = frame(step.view, width, height);
  const zoom = zoomOf(projection);
  const visible = visibleArea(projection, width, height);
  const simplified = { stream: (sink: GeoStream) => projection.stream(simplifyStream(sink)) };
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

  const storyFeatures = (layer: string) => stepFeatures(step, layers, layer);
  const ownRefs = new Set(step.own.map((f) => `${f.layer}/${f.id}`));
  const isOwn = (layer: string, feature: Feature) =>
    ownRefs.has(`${layer}/${String(props(feature).id)}`);

  const body: string[] = [];
  const line = (d: string, attributes: string) => {
    if (d) body.push(`<path d="${d}" fill="none" ${attributes}/>`);
  };

  // Basemap: sea, land, its coastline, rivers (never filtered by date), borders.
  body.push(`<rect width="${width}" height="${height}" fill="${SYMBOLS.sea.colour}"/>`);
  const land = pathOf(basemap.land.features);
  if (land) body.push(`<path d="${land}" fill="${SYMBOLS.land.colour}"/>`);
  line(pathOf(basemap.coast.features), stroke(SYMBOLS.coast, { zoom }));
  line(
    pathOf(basemap.rivers.features),
    `${stroke(SYMBOLS.river, { zoom })} stroke-linecap="round" stroke-linejoin="round"`,
  );
  line(pathOf(basemap.borders.features), stroke(SYMBOLS.border, { zoom }));

  // Story layers, in the live map's order; a step's highlighted features above the others.
  const defs: string[] = [];
  // Zones: the highlighted carry the frame's pattern, the step's own a wash of their actor's
  // colour, the others a neutral tint.
  storyFeatures('zones').forEach((features, i) => {
    const symbol = SYMBOLS.zoneOutline;
    const tier = (f: Feature) => (i > 0 ? 'pattern' : isOwn('zones', f) ? 'own' : 'context');
    const byKind = groups(
      features,
      (f) => `${tier(f)} ${String(props(f).kind)} ${colourOf(f, symbol)}`,
    );
    for (const [key, group] of byKind) {
      const d = pathOf(group);
      if (!d) continue;
      const [how, kind, colour] = key.split(' ') as [string, string, string];
      const outline = stroke(symbol, {
        zoom,
        highlighted: i > 0,
        context: how === 'context',
        colour,
      });
      let fill: string;
      if (how === 'pattern') {
        const id = `${idPrefix}z${defs.length}`;
        defs.push(patternSvg(id, kind, colour));
        fill = `fill="url(#${id})"`;
      } else {
        const tint =
          how === 'own'
            ? { colour, opacity: SYMBOLS.zoneTint.ownOpacity }
            : SYMBOLS.zoneTint.context;
        fill = `fill="${tint.colour}" fill-opacity="${tint.opacity}"`;
      }
      body.push(`<path d="${d}" ${fill} ${outline} stroke-linejoin="round"/>`);
    }
  });

  const dmz = pathOf(storyFeatures('dmz').flat());
  if (dmz) {
    body.push(
      `<path d="${dmz}" fill="${SYMBOLS.dmzFill.colour}" fill-opacity="${SYMBOLS.dmzFill.opacity}"/>`,
    );
    line(dmz, stroke(SYMBOLS.dmzOutline, { zoom }));
  }
  const demarcation = pathOf(storyFeatures('demarcation').flat());
  const band = pathOf(
    storyFeatures('demarcation')
      .flat()
      .filter((f) => props(f).kind === 'demarcation-line'),
  );
  line(band, `${stroke(SYMBOLS.dmzBand, { zoom })} stroke-linecap="round"`);
  line(demarcation, stroke(SYMBOLS.demarcationCasing, { zoom }));
  line(demarcation, stroke(SYMBOLS.demarcation, { zoom }));

  /** The step's own lines of a layer in their actors' colours (thicker where highlighted), the others grey. */
  const colourFor = (layer: string, f: Feature, symbol: LineSymbol) =>
    isOwn(layer, f) ? colourOf(f, symbol) : 'context';
  const byActor = (layer: string, symbol: LineSymbol, cap: 'butt' | 'round') =>
    storyFeatures(layer).forEach((features, i) => {
      for (const [colour, group] of groups(features, (f) => colourFor(layer, f, symbol)))
        line(
          pathOf(group),
          `${stroke(symbol, { zoom, highlighted: i > 0, context: colour === 'context', colour })} stroke-linecap="${cap}" stroke-linejoin="round"`,
        );
    });

  // Butt caps keep the gaps between the dashes open.
  byActor('supply-routes', SYMBOLS.supplyRoute, 'butt');

  // One path per movement, so that each ends in its own arrowhead (one marker per colour).
  storyFeatures('troop-movements').forEach((features, i) => {
    const symbol = SYMBOLS.troopMovement;
    for (const [colour, group] of groups(features, (f) =>
      colourFor('troop-movements', f, symbol),
    )) {
      const context = colour === 'context';
      // Planned or disputed movements are dashed, as the live map draws them.
      const lines = group.flatMap((feature) => {
        const d = pathOf([feature]);
        const dash = props(feature).status ? ' stroke-dasharray="6 4"' : '';
        return d ? [`<path d="${d}"${dash}/>`] : [];
      });
      if (!lines.length) continue;
      // Context lines carry no arrowheads, as on the live map.
      const arrow = `${idPrefix}a${defs.length}`;
      if (!context) defs.push(arrowMarker(arrow, colour));
      body.push(
        `<g fill="none" ${stroke(symbol, { zoom, highlighted: i > 0, context, colour })} stroke-linecap="round" stroke-linejoin="round"${context ? '' : ` marker-end="url(#${arrow})"`}>`,
        ...lines,
        '</g>',
      );
    }
  });

  byActor('diplomacy', SYMBOLS.diplomaticLink, 'round');

  // Places: dots, then labels.
  const dot = (feature: Feature): [number, number] | null => {
    const point = firstPoint(feature.geometry);
    const xy = point && projection(point as [number, number]);
    return xy && inViewport(xy) ? xy : null;
  };
  const placesInView = (features: Feature[]) =>
    features.flatMap((feature) => {
      const xy = dot(feature);
      return xy ? [{ xy, name: nameOf(feature, step) }] : [];
    });
  const [others, own] = storyFeatures('places');
  // Besides its own, only the places the step names, each with its name or not at all.
  const named = new Set(step.places);
  const otherPlaces = placesInView(
    others.filter((feature) => named.has(String(props(feature).id))),
  );
  const ownPlaces = placesInView(own);
  const otherRadius = SYMBOLS.place.radius;
  const ownRadius = atZoom(SYMBOLS.ownPlace.radius, zoom);
  if (ownPlaces.length) {
    body.push(dots(SYMBOLS.ownPlace), ...ownPlaces.map(({ xy }) => circle(xy, ownRadius)), '</g>');
  }

  // Labels are placed by priority (the step's own places, then the period's states, then other
  // places), each skipping spots already taken, and drawn in the reverse order so the first win.
  // The step's own dots, to the pixel, are never covered by a label.
  const space = new LabelSpace(width, height);
  const rim = Math.ceil(ownRadius);
  for (const {
    xy: [x, y],
  } of ownPlaces)
    space.reserve([x - rim, y - rim, x + rim, y + rim]);
  const ownLabels = ownPlaces.flatMap(({ xy, name }) =>
    space.place(name, xy, SYMBOLS.ownPlaceLabel, ownRadius, true),
  );
  const stateLabels = storyFeatures('states')
    .flat()
    .flatMap((feature) => {
      const label = props(feature).label;
      const xy = typeof label === 'string' && label ? dot(feature) : null;
      return xy ? space.state(label as string, xy, SYMBOLS.stateLabel) : [];
    });
  const otherLabels: ReturnType<typeof space.place> = [];
  const namedDots: string[] = [];
  for (const { xy, name } of otherPlaces.slice(0, MAX_PLACE_LABELS)) {
    const placed = space.place(name, xy, SYMBOLS.placeLabel, otherRadius, false);
    if (placed.length) namedDots.push(circle(xy, otherRadius));
    otherLabels.push(...placed);
  }
  if (namedDots.length)
    body.push(
      `<g fill="${SYMBOLS.place.colour}" stroke="${SYMBOLS.place.halo}" stroke-width="${SYMBOLS.place.haloWidth}">`,
      ...namedDots,
      '</g>',
    );
  body.push(
    ...labels(SYMBOLS.placeLabel, otherLabels),
    ...labels(SYMBOLS.stateLabel, stateLabels),
    ...labels(SYMBOLS.ownPlaceLabel, ownLabels),
  );

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

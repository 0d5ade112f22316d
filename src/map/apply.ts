/**
 * Makes the map match a picture, touching only what differs from the picture shown before: a
 * scroll that changes nothing the reader could see costs nothing, and a new layout moves the
 * camera without redrawing the layers.
 */
import type * as maplibregl from 'maplibre-gl';
import { nameAt, type StoryFeature } from '../geo/features.ts';
import { moveCamera } from './camera.ts';
import { FOCUS_DRAW, FOCUS_SOURCE, MOVING_DRAW, MOVING_SOURCE, STORY_LAYERS } from './layers.ts';
import { movementFrame, type Movement } from './motion.ts';
import type { FeatureRef, MapPicture } from './picture.ts';
import { ALL_OWN } from './paint.ts';

/** The features the map needs in the page as well as in its worker. */
export interface PageData {
  movements: Map<string, Movement>;
  places: Map<string, StoryFeature>;
}

/** The maplibre layers that draw the story layers, by story layer. */
export const DRAW_IDS = STORY_LAYERS.flatMap((layer) =>
  layer.draw.map((_, i) => `${layer.id}-${i}`),
);
export const MOVING_IDS = MOVING_DRAW.map((_, i) => `${MOVING_SOURCE}-${i}`);

/** The layers that write place names: the places' own and the ring's. */
const PLACE_NAME_IDS = [
  ...STORY_LAYERS.filter((layer) => layer.id === 'places').flatMap((layer) =>
    layer.draw.flatMap((draw, i) => (draw.type === 'symbol' ? [`${layer.id}-${i}`] : [])),
  ),
  ...FOCUS_DRAW.flatMap((draw, i) => (draw.type === 'symbol' ? [`${FOCUS_SOURCE}-${i}`] : [])),
];

/** The layer that writes the names of the step's own places. */
const OWN_NAME_ID = STORY_LAYERS.filter((layer) => layer.id === 'places').flatMap((layer) =>
  layer.draw.flatMap((draw, i) =>
    draw.type === 'symbol' && draw.only === 'highlighted' ? [`${layer.id}-${i}`] : [],
  ),
)[0]!;

/** Each anchor maplibre may try, with the offset (in ems) that keeps the name off its dot. */
const ANCHOR_OFFSETS: [string, [number, number]][] = [
  ['left', [0.7, 0]],
  ['right', [-0.7, 0]],
  ['top', [0, 0.7]],
  ['bottom', [0, -0.7]],
  ['top-left', [0.5, 0.5]],
  ['top-right', [-0.5, 0.5]],
  ['bottom-left', [0.5, -0.5]],
  ['bottom-right', [-0.5, -0.5]],
];

/**
 * The anchors maplibre may try for each name: the picture's chosen side first, then the others,
 * less the side the last picture chose for it (maplibre first tries the side a name had before,
 * if it is still on the list: Beijing's name would stay over Pyongyang's dot).
 */
function sidesExpression(
  sides: MapPicture['nameSides'],
  lastSides: MapPicture['nameSides'],
): ExprSpec {
  const all = ['literal', ANCHOR_OFFSETS.flat()];
  if (!sides.length) return all as unknown as ExprSpec;
  const before = new Map(lastSides);
  const order = (id: string, anchor: string) =>
    [...ANCHOR_OFFSETS]
      .filter(([name]) => name === anchor || name !== before.get(id))
      .sort(([a], [b]) => Number(b === anchor) - Number(a === anchor))
      .flat();
  // maplibre's type for `match` spells out its cases one by one; ours vary in number.
  return [
    'match',
    ['get', 'id'],
    ...sides.flatMap(([id, anchor]) => [id, ['literal', order(id, anchor)]]),
    all,
  ] as unknown as ExprSpec;
}

/** What decides the layers' filters: when it is unchanged, no filter is set again. */
export const layersKey = (p: MapPicture) =>
  JSON.stringify([p.layers, p.period, p.emphasis, p.own, p.places, p.moving, p.namesCut]);

export function applyPicture(
  map: maplibregl.Map,
  last: MapPicture | null,
  next: MapPicture,
  data: PageData,
  { animate }: { animate: boolean },
): void {
  const layersChanged = !last || layersKey(last) !== layersKey(next);
  if (layersChanged) {
    drawLayers(map, next, last);
    const names = placeNamesOn(data, next.period[1]);
    for (const id of PLACE_NAME_IDS) map.setLayoutProperty(id, 'text-field', names);
    for (const id of MOVING_IDS)
      map.setLayoutProperty(id, 'visibility', next.moving.length ? 'visible' : 'none');
  }
  if (!last || JSON.stringify(last.nameSides) !== JSON.stringify(next.nameSides)) {
    map.setLayoutProperty(
      OWN_NAME_ID,
      'text-variable-anchor-offset',
      sidesExpression(next.nameSides, last?.nameSides ?? []),
    );
  }
  if (layersChanged || last.drawn !== next.drawn) {
    const moving = next.moving.flatMap((id) => data.movements.get(id) ?? []);
    map
      .getSource<maplibregl.GeoJSONSource>(MOVING_SOURCE)
      ?.setData(movementFrame(moving, next.drawn));
  }
  if (!last || last.ringed !== next.ringed) {
    const place = next.ringed ? data.places.get(next.ringed) : undefined;
    map.getSource<maplibregl.GeoJSONSource>(FOCUS_SOURCE)?.setData({
      type: 'FeatureCollection',
      features: place ? [place] : [],
    });
  }
  if (next.camera) {
    // A new subject flies there (if the reader allows motion); the same one in a new layout jumps,
    // unless it is still being flown to: then the flight re-aims rather than ending in a jump.
    const newSubject = last?.camera?.about !== next.camera.about;
    moveCamera(map, next.camera, animate && last !== null && (newSubject || map.isMoving()));
  }
}

/** Shows the picture's layers as they were in its period, with its features emphasised. */
function drawLayers(map: maplibregl.Map, picture: MapPicture, last: MapPicture | null) {
  const [from, to] = picture.period;
  const existsThen: maplibregl.ExpressionSpecification[] = [
    ['<=', ['get', 'from'], to],
    ['>=', ['get', 'to'], from],
  ];
  const among = (ids: string[]): ExprSpec => ['in', ['get', 'id'], ['literal', ids]];
  const emphasised = among(picture.emphasis.map((feature) => feature.id));
  const own = (layer: string): ExprSpec[] =>
    picture.own === 'all' ? [] : [among(idsOn(picture.own, layer))];
  const named: ExprSpec[] = picture.places === 'all' ? [] : [among(picture.places)];
  // The step's own movements draw themselves on their own layers (MOVING_DRAW).
  const notMoving: maplibregl.ExpressionSpecification = [
    '!',
    ['in', ['get', 'id'], ['literal', picture.moving]],
  ];
  for (const layer of STORY_LAYERS) {
    const visible = picture.layers.includes(layer.id);
    layer.draw.forEach((draw, i) => {
      const id = `${layer.id}-${i}`;
      map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      if (!visible) return;
      const only: ExprSpec[] =
        draw.only === 'highlighted'
          ? [emphasised]
          : draw.only === 'others'
            ? [['!', emphasised], ...(layer.id === 'places' ? named : [])]
            : draw.only === 'own'
              ? own(layer.id)
              : [];
      const moving = layer.id === 'troop-movements' && !draw.alsoMoving ? [notMoving] : [];
      const uncut: maplibregl.ExpressionSpecification[] =
        layer.id === 'states' ? [['!', ['in', ['get', 'id'], ['literal', picture.namesCut]]]] : [];
      // The layer's own filter (the DMZ band's line) stays.
      const its = draw.filter ? [draw.filter as ExprSpec] : [];
      map.setFilter(id, ['all', ...existsThen, ...its, ...only, ...moving, ...uncut]);
    });
  }
  for (const { layer, id } of last?.emphasis ?? [])
    map.setFeatureState({ source: layer, id }, { highlight: false });
  for (const { layer, id } of picture.emphasis)
    map.setFeatureState({ source: layer, id }, { highlight: true });
  const owned = (p: MapPicture | null) => (p?.own === 'all' ? [] : (p?.own ?? []));
  for (const { layer, id } of owned(last))
    map.setFeatureState({ source: layer, id }, { own: false });
  for (const { layer, id } of owned(picture))
    map.setFeatureState({ source: layer, id }, { own: true });
  // The explore view draws every feature as its own (paint.ts reads this state).
  map.setGlobalStateProperty(ALL_OWN, picture.own === 'all');
}

const idsOn = (refs: FeatureRef[], layer: string) =>
  refs.filter((ref) => ref.layer === layer).map((ref) => ref.id);

/**
 * Place names as they were on a day (Peiping before October 1949, Munanguan in 1953-64): the
 * features' default names, but for those renamed since.
 */
type ExprSpec = maplibregl.ExpressionSpecification;

function placeNamesOn(data: PageData, day: number): ExprSpec {
  const renamed = [...data.places.values()].flatMap(({ properties }) => {
    const name = nameAt(properties, day);
    return name === properties.name ? [] : [properties.id, name];
  });
  if (!renamed.length) return ['get', 'name'];
  // maplibre's type for `match` spells out its cases one by one; ours vary in number.
  return ['match', ['get', 'id'], ...renamed, ['get', 'name']] as unknown as ExprSpec;
}

/** The explore view: the reader pans and zooms (gestures, keys, buttons); no rotation. */
export function setInteractive(
  map: maplibregl.Map,
  interactive: boolean,
  zoomButtons: maplibregl.IControl,
  storyConstrain: maplibregl.TransformConstrainFunction,
): void {
  // The story frames its own cameras; the reader's drags keep maplibre's rule (a world that
  // always fills the map from top to bottom).
  map.setTransformConstrain(interactive ? null : storyConstrain);
  const handlers = [
    map.dragPan,
    map.scrollZoom,
    map.keyboard,
    map.doubleClickZoom,
    map.touchZoomRotate,
  ];
  for (const handler of handlers) {
    if (interactive) handler.enable();
    else handler.disable();
  }
  // Zooming and panning only: a rotated map would only disorient here.
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.getCanvas().tabIndex = interactive ? 0 : -1;
  map.getCanvasContainer().classList.toggle('maplibregl-interactive', interactive);
  if (interactive) map.addControl(zoomButtons, 'bottom-left');
  else if (map.hasControl(zoomButtons)) map.removeControl(zoomButtons);
}

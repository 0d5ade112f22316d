/**
 * Draws every story layer once, unseen, before the map is ready: the first draw of each kind of
 * layer compiles its shaders, which otherwise stalls the first step that shows it (a quarter of a
 * second each under software GL). The map is drawn hidden, on a tiny canvas with the whole world
 * in it, so every kind of feature is drawn for almost nothing.
 */
import type * as maplibregl from 'maplibre-gl';
import { applyPicture, type PageData } from './apply.ts';
import { settled } from './camera.ts';
import { STORY_LAYER_IDS } from './layers.ts';
import type { MapPicture } from './picture.ts';

/** The map's size while it warms up. */
const WARM_UP_SIZE = { width: '96px', height: '96px', right: 'auto', bottom: 'auto' };

/** No story layer, no camera: what the map shows before its first picture. */
export const NOTHING: MapPicture = {
  camera: null,
  clearArea: { x: 0, y: 0, width: 0, height: 0 },
  layers: [],
  period: [0, 0],
  emphasis: [],
  own: [],
  places: [],
  moving: [],
  drawn: 1,
  ringed: null,
  interactive: false,
  flow: false,
  namesCut: [],
  nameSides: [],
  callouts: [],
};

/**
 * Call before the map's first draw: it shrinks the container and makes it all but transparent
 * until the first picture is in place. Not hidden: a canvas the compositor never shows has its
 * drawing (and the shaders' compiling) put off until it is shown, and the browser then does all
 * of it in one frame, seconds long under software GL, right as the map appears. At 0.4 % opacity
 * (one step of 255, the least the compositor still draws) each warm-up frame is done in its turn.
 */
export function prepareWarmUp(container: HTMLElement): void {
  container.style.opacity = '0.004';
  Object.assign(container.style, WARM_UP_SIZE);
}

export async function warmUp(
  map: maplibregl.Map,
  data: PageData,
  stalled: () => Promise<void>,
): Promise<void> {
  const movements = [...data.movements.keys()];
  const [place] = data.places.keys();
  // Half the movements draw themselves and half are drawn whole, so both kinds of layer draw;
  // one emphasised place draws the layers that only show a step's own features.
  const everything: MapPicture = {
    ...NOTHING,
    layers: STORY_LAYER_IDS,
    period: [0, 99991231],
    emphasis: place ? [{ layer: 'places', id: place }] : [],
    own: 'all',
    places: 'all',
    moving: movements.slice(0, Math.ceil(movements.length / 2)),
    drawn: 0.5,
    ringed: place ?? null,
  };
  try {
    applyPicture(map, null, everything, data, { animate: false });
    await settled(map, stalled);
  } finally {
    applyPicture(map, everything, NOTHING, data, { animate: false });
    const container = map.getContainer();
    for (const property of Object.keys(WARM_UP_SIZE)) container.style.removeProperty(property);
    map.resize();
  }
}

/** Shows the map once its first picture is in place (a mark for the benchmark to read). */
export function endWarmUp(map: maplibregl.Map): void {
  map.getContainer().style.opacity = '';
  performance.mark('storymap:map-shown');
}

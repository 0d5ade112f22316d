/**
 * Draws every story layer once, unseen, while the reader reads: the first draw of each kind of
 * layer compiles its shaders (and, under software GL, its drawing routines), which would otherwise
 * stall the first step that shows it. The map is drawn on a tiny canvas with the whole world in
 * it, so every kind of feature is drawn for almost nothing, while the reader sees a still of the
 * picture shown. It is not on the way to the map being ready: it starts once the first picture is
 * shown, gives way to the reader's next picture, and starts again when the reader pauses.
 */
import type * as maplibregl from 'maplibre-gl';
import { applyPicture, type PageData } from './apply.ts';
import { readCamera, settled } from './camera.ts';
import { STORY_LAYER_IDS } from './layers.ts';
import type { MapPicture } from './picture.ts';

/** The map's size and camera while it warms up: the whole world on a tiny canvas. */
const WARM_UP_SIZE = { width: '96px', height: '96px', right: 'auto', bottom: 'auto' };
const WHOLE_WORLD = { center: [100, 20] as [number, number], zoom: 0, bearing: 0, pitch: 0 };
/** The least opacity the compositor still draws (see hideUntilDrawn). */
const HIDDEN = '0.004';

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
 * Call before the map's first draw: the map is all but transparent until its first picture is
 * drawn. Not hidden: a canvas the compositor never shows has its drawing (and the shaders'
 * compiling) put off until it is shown, and the browser then does all of it in one frame, seconds
 * long under software GL, right as the map appears. At 0.4 % opacity (one step of 255, the least
 * the compositor still draws) each frame is done in its turn.
 */
export function hideUntilDrawn(container: HTMLElement): void {
  container.style.opacity = HIDDEN;
}

/** Shows the map once its first picture is drawn (a mark for the benchmark to read). */
export function showMap(map: maplibregl.Map): void {
  map.getContainer().style.opacity = '';
  performance.mark('storymap:map-shown');
}

/** How a warm-up ended, and how to show the map again once it has drawn the picture wanted. */
export interface WarmUpEnd {
  /** Whether every layer was drawn (false: interrupted before). */
  complete: boolean;
  /** Takes the still away: call once the map has drawn at its full size again. */
  reveal: () => void;
}

/**
 * Draws every story layer once while the reader sees a still of the picture shown, then puts that
 * picture back (at its size, but not yet drawn: reveal once it is). `interrupted` stops it early:
 * the reader's next picture does not wait for it.
 */
export async function warmUp(
  map: maplibregl.Map,
  shown: MapPicture,
  data: PageData,
  stalled: () => Promise<void>,
  interrupted: Promise<void>,
): Promise<WarmUpEnd> {
  const container = map.getContainer();
  const camera = readCamera(map);
  const still = stillOf(map);
  container.after(still);
  container.style.opacity = HIDDEN;
  Object.assign(container.style, WARM_UP_SIZE);
  map.resize();
  map.jumpTo(WHOLE_WORLD);
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
    applyPicture(map, shown, everything, data, { animate: false });
    const complete = await Promise.race([
      settled(map, stalled).then(() => true),
      interrupted.then(() => false),
    ]);
    return {
      complete,
      reveal: () => {
        container.style.opacity = '';
        still.remove();
      },
    };
  } finally {
    // A lost context takes the style with it; the map draws its picture again when it comes back.
    if (map.style) applyPicture(map, everything, shown, data, { animate: false });
    map.jumpTo(camera);
    for (const property of Object.keys(WARM_UP_SIZE)) container.style.removeProperty(property);
    map.resize();
  }
}

/**
 * A copy of the map's canvas, to lay over the map. The map draws first, in this task: a canvas
 * keeps its pixels only until the frame that drew them is on screen.
 */
function stillOf(map: maplibregl.Map): HTMLCanvasElement {
  const canvas = map.getCanvas();
  const still = document.createElement('canvas');
  [still.width, still.height] = [canvas.width, canvas.height];
  still.className = 'map-still';
  still.setAttribute('aria-hidden', 'true');
  Object.assign(still.style, { position: 'absolute', inset: '0', width: '100%', height: '100%' });
  map.redraw();
  still.getContext('2d')?.drawImage(canvas, 0, 0);
  return still;
}

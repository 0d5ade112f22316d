/**
 * What the picture's unit tests share: the story as the build reads it, the layouts measured in the
 * built page (tests/fixtures/layouts.json) as the app frames in them, and a moment of the story.
 */
import { loadStoryData } from '../../scripts/story-plugin.ts';
import type { Layout } from '../../src/map/frame.ts';
import type { StoryMoment } from '../../src/map/picture.ts';
import { KIOSK_SYMBOL_SCALE } from '../../src/map/symbology.ts';
import fixture from '../fixtures/layouts.json' with { type: 'json' };

export const { story } = loadStoryData(process.cwd());

/** Each measured layout by name; a kiosk draws its labels larger, as the app tells the framing. */
export const layouts = (Object.entries(fixture.layouts) as [string, Layout][]).map(
  ([name, layout]): [string, Layout] => [
    name,
    name.startsWith('kiosk') ? { ...layout, symbolScale: KIOSK_SYMBOL_SCALE } : layout,
  ],
);

/** A moment of the story: the title page, unless the patch says otherwise. */
export const momentOf = (patch: Partial<StoryMoment> = {}): StoryMoment => ({
  step: null,
  progress: 0,
  motion: true,
  explore: null,
  placeShown: null,
  pointedPlace: null,
  places: story.places,
  stateNames: story.stateNames,
  ...patch,
});

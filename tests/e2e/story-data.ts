/** The story and its layers as the build reads them, for tests to compare the page against. */
import { loadStoryData } from '../../scripts/story-plugin.ts';

export const { story, files } = loadStoryData(process.cwd());

/** Every place's position, by id. */
export const places = new Map(
  (
    JSON.parse(files['places.geojson']!) as {
      features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
    }
  ).features.map((f) => [f.properties.id, f.geometry.coordinates]),
);

export const stepById = (id: string) => {
  const step = story.steps.find((s) => s.id === id);
  if (!step) throw new Error(`No step "${id}" in the story`);
  return step;
};

/** The validated story, produced at build time from the content files and geo/ layers. */
import story from 'virtual:story';

export { story };
export const stepsById = new Map(story.steps.map((step) => [step.id, step]));

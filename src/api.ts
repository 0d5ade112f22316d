/** `window.storymap`: the contract tests, kiosk and embed hosts rely on (see the README). */
import type { StoryController, StoryState } from './controller.svelte.ts';

export interface StoryMapApi {
  version: string;
  steps(): { id: string; section: string; index: number }[];
  state(): StoryState;
  goTo(stepId: string, opts?: { animate?: boolean }): Promise<void>;
  on(event: 'step' | 'ready', cb: (state: StoryState) => void): () => void;
}

declare global {
  interface Window {
    storymap: StoryMapApi;
  }
}

export function installApi(controller: StoryController, version: string): StoryMapApi {
  const api: StoryMapApi = {
    version,
    steps: () => controller.scopedSteps.map(({ id, section, index }) => ({ id, section, index })),
    state: () => controller.state(),
    goTo: (stepId, opts) => controller.goTo(stepId, opts),
    on: (event, cb) => controller.on(event, cb),
  };
  window.storymap = api;
  return api;
}

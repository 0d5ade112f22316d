/** The validated story, produced at build time from the content files and geo/ layers. */
import story from 'virtual:story';
import type { Inline } from './types.ts';

/**
 * The built page's bundle leaves out the paragraphs (see scripts/story-plugin.ts): they are read
 * back from the prerendered article before the app hydrates it, so both hold the same text. Each
 * text part is one text node there, each note mark one link and each place name one button.
 */
function prerenderedParagraphs(stepId: string): Inline[][] {
  const card = document.getElementById(stepId)?.querySelector('.card');
  return [...(card?.children ?? [])]
    .filter((p) => p.tagName === 'P')
    .map((p) =>
      [...p.childNodes].flatMap((node): Inline[] => {
        if (node.nodeType === Node.TEXT_NODE) return [(node as Text).data];
        if (node instanceof HTMLElement && node.matches('a.note-mark'))
          return [{ note: Number(node.textContent) }];
        if (node instanceof HTMLElement && node.matches('button.place-link'))
          return [{ place: node.dataset.placeId!, text: node.textContent! }];
        return [];
      }),
    );
}

if (typeof document !== 'undefined') {
  for (const step of story.steps) {
    if (step.paragraphs.length === 0) step.paragraphs = prerenderedParagraphs(step.id);
  }
}

export { story };
export const stepsById = new Map(story.steps.map((step) => [step.id, step]));

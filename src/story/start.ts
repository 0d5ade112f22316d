/**
 * Where the story opens: `#step-id`, `?step=step-id` or `?section=section-id` (embeds and shared
 * links). Anything that names no step opens at the title, with a warning saying why.
 */
import type { Story } from './types.ts';

export interface Start {
  stepId: string | null;
  warnings: string[];
}

export function startStep(
  url: { hash: string; search: string },
  story: Story,
  /** Whether the page has an element with this id (a note, a section heading). */
  isPageAnchor: (id: string) => boolean,
): Start {
  const params = new URLSearchParams(url.search);
  const warnings: string[] = [];
  const known = (id: string) => story.steps.some((step) => step.id === id);
  const hash = decodedHash(url.hash);
  if (hash && known(hash)) return { stepId: hash, warnings };
  const step = params.get('step');
  if (step !== null) {
    if (known(step)) return { stepId: step, warnings };
    warnings.push(`There is no step "${step}": opening at the title.`);
  }
  const section = params.get('section');
  if (section !== null) {
    const first = story.sections.find((s) => s.id === section)?.stepIds[0];
    if (first) return { stepId: first, warnings };
    warnings.push(
      `There is no section "${section}" (sections: ${story.sections.map((s) => s.id).join(', ')}): opening at the title.`,
    );
  }
  // Other anchors (a note, a section) are the browser's to scroll to, not ours to warn about.
  if (hash && !isPageAnchor(hash)) {
    warnings.push(`There is no step "${hash}": opening at the title.`);
  }
  return { stepId: null, warnings };
}

/** The hash without its `#`, percent-decoded; a malformed escape (`#%`) is kept as typed. */
function decodedHash(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

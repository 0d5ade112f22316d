/**
 * Links and iframe code for sharing the story, one of its sections or one step: what the
 * "Share / embed" dialog shows. Embeds open in embed mode at a fixed height and scroll inside.
 */

export type ShareScope = 'story' | 'section' | 'step';

export interface ShareRequest {
  /** The address the story is served from, without query or hash. */
  pageUrl: string;
  scope: ShareScope;
  /** The section and step the reader is at (null at the title). */
  section: { id: string; title: string } | null;
  stepId: string | null;
  /** The iframe's height in CSS pixels; its width is always 100 % of the course page's column. */
  height: number;
  /** The story's title, for the iframe's `title` attribute (named by screen readers). */
  title: string;
}

export interface Share {
  link: string;
  embedUrl: string;
  iframe: string;
}

/** The heights offered: fixed, because course-page editors keep an iframe's size but not scripts. */
export const EMBED_HEIGHTS = [
  { label: 'Compact (600 px)', height: 600 },
  { label: 'Standard (720 px)', height: 720 },
  { label: 'Tall (800 px)', height: 800 },
] as const;

export function share({ pageUrl, scope, section, stepId, height, title }: ShareRequest): Share {
  const base = pageUrl.replace(/[?#].*$/, '');
  const embed = new URLSearchParams({ mode: 'embed' });
  let link = base;
  let frameTitle = title;
  if (scope !== 'story' && section) {
    // A step's embed shows its section, opened at the step: the reader keeps the context.
    embed.set('section', section.id);
    frameTitle = `${title}: ${section.title}`;
    link = `${base}?section=${encodeURIComponent(section.id)}`;
  }
  if (scope === 'step' && stepId) {
    embed.set('step', stepId);
    link = `${base}#${encodeURIComponent(stepId)}`;
  }
  const embedUrl = `${base}?${embed}`;
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(frameTitle)}" ` +
    `width="100%" height="${Math.round(height)}" style="border:0" loading="lazy" allowfullscreen></iframe>`;
  return { link, embedUrl, iframe };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Optional oEmbed discovery (https://oembed.com/): with the address the site will be served from
 * (the STORYMAP_URL environment variable, read by the caller), the build writes `oembed.json`, a
 * "rich" response whose html is the story's iframe, and links to it from index.html, so tools that
 * understand oEmbed can embed the story from its link alone. Without an address it does nothing:
 * the build itself keeps relative URLs and works from any folder.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

export const OEMBED_FILE = 'oembed.json';
export const AUTHOR_NAME = 'Yang Kuisong';
/** The iframe title of the "Share or embed" dialog (src/components/ShareDialog.svelte). */
export const STORY_TITLE =
  'Changes in Mao Zedong’s Attitude toward the Indochina War, 1949–1973 (story map)';
export const EMBED_WIDTH = 800;
export const EMBED_HEIGHT = 720;

export interface OEmbedResponse {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name: string;
  provider_name: string;
  provider_url: string;
  width: number;
  height: number;
  html: string;
}

/**
 * The site address, checked: an absolute http(s) URL of a folder (ending in "/"), without query or
 * fragment, since the embed address is made by appending "?mode=embed" and the response file's
 * address by appending its name. Returns the address as the URL parser writes it.
 */
export function checkSiteUrl(siteUrl: string): string {
  const problem = (why: string) =>
    new Error(
      `STORYMAP_URL=${JSON.stringify(siteUrl)} cannot be used: ${why}. It must be the ` +
        `absolute http(s) address of the folder the site is served from, ending in "/" ` +
        `(for example https://example.edu/mao-indochina/), or be left unset for no oEmbed.`,
    );
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw problem('it is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw problem('it is not an http or https address');
  if (url.username || url.password) throw problem('it must not contain a user name or password');
  if (url.search || url.hash || siteUrl.includes('?') || siteUrl.includes('#'))
    throw problem('it must not have a query (?…) or fragment (#…)');
  if (!siteUrl.endsWith('/') || !url.pathname.endsWith('/')) throw problem('it must end in "/"');
  return url.href;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The oEmbed 1.0 response for the story served at `siteUrl` (checked with checkSiteUrl). */
export function oembedResponse(siteUrl: string, title: string): OEmbedResponse {
  const site = checkSiteUrl(siteUrl);
  const src = `${site}?mode=embed`;
  // The same code as the "Share or embed" dialog's for the whole story (src/modes/share.ts).
  const html =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${EMBED_HEIGHT}" style="border:0" loading="lazy" allowfullscreen>` +
    `</iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    author_name: AUTHOR_NAME,
    provider_name: new URL(site).host,
    provider_url: site,
    width: EMBED_WIDTH,
    height: EMBED_HEIGHT,
    html,
  };
}

/**
 * `siteUrl` is the value of STORYMAP_URL (undefined or empty: no oEmbed); `title` is the story's
 * title for the response and the discovery link.
 */
export function oembedPlugin(siteUrl: string | undefined, title: string = STORY_TITLE): Plugin {
  const given = siteUrl?.trim();
  if (!given) return { name: 'storymap-oembed' };
  // Checked when the config is loaded, so a bad address stops the build before it starts.
  const response = oembedResponse(given, title);
  const link: HtmlTagDescriptor = {
    tag: 'link',
    attrs: {
      rel: 'alternate',
      type: 'application/json+oembed',
      href: `${response.provider_url}${OEMBED_FILE}`,
      title,
    },
    injectTo: 'head',
  };
  return {
    name: 'storymap-oembed',
    apply: 'build',
    transformIndexHtml: () => [link],
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: OEMBED_FILE,
        source: `${JSON.stringify(response, null, 2)}\n`,
      });
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import {
  STORY_TITLE,
  checkSiteUrl,
  oembedPlugin,
  oembedResponse,
} from '../../scripts/oembed-plugin.ts';

const SITE = 'https://example.edu/mao-indochina/';

interface Emitted {
  type: string;
  fileName: string;
  source: string;
}

/** Runs the plugin's build hooks as Vite would, with a fake `this` that records emitted files. */
function runHooks(plugin: Plugin): { emitted: Emitted[]; tags: HtmlTagDescriptor[] } {
  const emitted: Emitted[] = [];
  const fakeThis = { emitFile: (file: Emitted) => emitted.push(file) };
  const generate = plugin.generateBundle;
  const generateFn = typeof generate === 'function' ? generate : generate?.handler;
  (generateFn as ((...args: unknown[]) => void) | undefined)?.call(fakeThis, {}, {}, false);
  const transform = plugin.transformIndexHtml;
  const transformFn = typeof transform === 'function' ? transform : transform?.handler;
  const result = (transformFn as ((...args: unknown[]) => unknown) | undefined)?.call(
    undefined,
    '<!doctype html><html><head></head><body></body></html>',
    { path: '/index.html', filename: 'index.html' },
  );
  return { emitted, tags: Array.isArray(result) ? (result as HtmlTagDescriptor[]) : [] };
}

describe('oembedResponse', () => {
  it('is an oEmbed 1.0 rich response whose html is the embed iframe', () => {
    expect(oembedResponse(SITE, STORY_TITLE)).toEqual({
      version: '1.0',
      type: 'rich',
      title: STORY_TITLE,
      author_name: 'Yang Kuisong',
      provider_name: 'example.edu',
      provider_url: SITE,
      width: 800,
      height: 720,
      html:
        `<iframe src="https://example.edu/mao-indochina/?mode=embed" title="${STORY_TITLE}" ` +
        'width="100%" height="720" style="border:0" loading="lazy" allowfullscreen></iframe>',
    });
  });

  it('escapes the title and the address inside the html attributes', () => {
    const { html, title } = oembedResponse('https://example.edu/a&b/', 'Mao & "the" <war>');
    expect(title).toBe('Mao & "the" <war>');
    expect(html).toContain('src="https://example.edu/a&amp;b/?mode=embed"');
    expect(html).toContain('title="Mao &amp; &quot;the&quot; &lt;war&gt;"');
  });
});

describe('checkSiteUrl', () => {
  it('accepts absolute http(s) folder addresses', () => {
    expect(checkSiteUrl(SITE)).toBe(SITE);
    expect(checkSiteUrl('http://localhost:8080/')).toBe('http://localhost:8080/');
    expect(checkSiteUrl('https://Example.EDU/story/')).toBe('https://example.edu/story/');
  });

  it.each([
    ['a relative path', '/mao-indochina/'],
    ['no trailing slash', 'https://example.edu/mao-indochina'],
    ['a host without the slash', 'https://example.edu'],
    ['another protocol', 'ftp://example.edu/mao/'],
    ['a file URL', 'file:///srv/mao/'],
    ['a query', 'https://example.edu/?x=1/'],
    ['a fragment', 'https://example.edu/#a/'],
    ['credentials', 'https://user:pw@example.edu/mao/'],
    ['not a URL', 'example.edu/mao/'],
  ])('rejects %s, naming STORYMAP_URL and the value', (_why, bad) => {
    expect(() => checkSiteUrl(bad)).toThrowError(/STORYMAP_URL/);
    expect(() => checkSiteUrl(bad)).toThrowError(JSON.stringify(bad));
  });
});

describe('oembedPlugin', () => {
  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', '  '],
  ])('does nothing when STORYMAP_URL is %s', (_why, value) => {
    const plugin = oembedPlugin(value, STORY_TITLE);
    expect(runHooks(plugin)).toEqual({ emitted: [], tags: [] });
  });

  it('stops at once on a bad address', () => {
    expect(() => oembedPlugin('https://example.edu/mao', STORY_TITLE)).toThrowError(
      /STORYMAP_URL="https:\/\/example\.edu\/mao"/,
    );
  });

  it('emits oembed.json and links to it from index.html', () => {
    const plugin = oembedPlugin(SITE, STORY_TITLE);
    expect(plugin.apply).toBe('build');
    const { emitted, tags } = runHooks(plugin);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'asset', fileName: 'oembed.json' });
    expect(JSON.parse(emitted[0]!.source)).toEqual(oembedResponse(SITE, STORY_TITLE));
    expect(tags).toEqual([
      {
        tag: 'link',
        attrs: {
          rel: 'alternate',
          type: 'application/json+oembed',
          href: 'https://example.edu/mao-indochina/oembed.json',
          title: STORY_TITLE,
        },
        injectTo: 'head',
      },
    ]);
  });

  it('uses the article title when no title is given', () => {
    const { emitted } = runHooks(oembedPlugin(SITE));
    expect(JSON.parse(emitted[0]!.source).title).toBe(STORY_TITLE);
  });
});

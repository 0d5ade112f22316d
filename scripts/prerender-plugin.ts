/**
 * Puts the article's HTML into the built index.html (text first): the page is readable before
 * JavaScript runs, with JavaScript off, and to anything that does not run scripts.
 */
import { createServer, type Plugin } from 'vite';

const APP_ROOT = '<div id="app"></div>';

export function prerenderPlugin(): Plugin {
  let configFile: string | false | undefined;
  return {
    name: 'storymap-prerender',
    apply: 'build',
    configResolved(config) {
      configFile = config.configFile;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(APP_ROOT))
          throw new Error(`index.html must contain ${APP_ROOT} to prerender into`);
        // A short-lived server renders with the same plugins (Svelte, the story content) as the build.
        const server = await createServer({
          configFile,
          logLevel: 'error',
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
        });
        try {
          const { renderArticle } = (await server.ssrLoadModule('/src/prerender.ts')) as {
            renderArticle: () => string;
          };
          return withoutCorsStylesheets(
            html.replace(APP_ROOT, `<div id="app">${renderArticle()}</div>`),
          );
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * The page's stylesheets as plain requests. Vite marks them `crossorigin`, a CORS request that a
 * frame sandboxed without its own origin cannot make: its text would be unstyled. Styles need no
 * CORS (only scripts and fonts do), so a sandboxed embed at least reads as it should.
 */
export function withoutCorsStylesheets(html: string): string {
  return html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) =>
    tag.replace(/\s+crossorigin(?:="[^"]*")?(?=[\s>])/, ''),
  );
}

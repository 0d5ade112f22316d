/** The built page's markup: scripts/prerender-plugin.ts. */
import { describe, expect, it } from 'vitest';
import { withoutCorsStylesheets } from '../../scripts/prerender-plugin.ts';

describe('withoutCorsStylesheets', () => {
  it('drops crossorigin from stylesheets only, so a sandboxed frame still gets its styles', () => {
    const html = [
      '<link rel="stylesheet" crossorigin href="./assets/index.css">',
      '<link rel="stylesheet" href="./a.css" crossorigin="anonymous">',
      '<script type="module" crossorigin src="./assets/index.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/map.js">',
      '<link rel="preload" as="font" type="font/woff2" crossorigin href="./f.woff2">',
    ].join('\n');
    expect(withoutCorsStylesheets(html).split('\n')).toEqual([
      '<link rel="stylesheet" href="./assets/index.css">',
      '<link rel="stylesheet" href="./a.css">',
      '<script type="module" crossorigin src="./assets/index.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/map.js">',
      '<link rel="preload" as="font" type="font/woff2" crossorigin href="./f.woff2">',
    ]);
  });
});

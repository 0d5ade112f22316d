import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { coursePackagePlugin } from './scripts/course-package.ts';
import { oembedPlugin } from './scripts/oembed-plugin.ts';
import { offlinePlugin } from './scripts/offline-plugin.ts';
import { prerenderPlugin } from './scripts/prerender-plugin.ts';
import { storyPlugin } from './scripts/story-plugin.ts';
import pkg from './package.json' with { type: 'json' };

const story = storyPlugin();

export default defineConfig({
  // Relative asset URLs: the built site works from any folder of any static host.
  base: './',
  publicDir: 'static',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    svelte(),
    story,
    prerenderPlugin(),
    // Optional oEmbed discovery, for sites that know their public address (docs/embedding.md).
    oembedPlugin(process.env.STORYMAP_URL),
    offlinePlugin(),
    // SCORM packages of the built site for LMSs, in dist-package/ (README, "Course packages").
    coursePackagePlugin(pkg.name, pkg.version, () => story.api.story()),
  ],
  build: {
    target: 'es2022',
    // maplibre is one large chunk by nature; it is loaded after the text.
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run test:matrix` only: every step at every layout, too long for every run.
        extends: true,
        test: {
          name: 'matrix',
          include: ['tests/matrix/**/*.matrix.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run bench` only (npm test names its projects): figures against budgets.
        extends: true,
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

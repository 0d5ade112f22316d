/** Serves the built site (npm test builds it first) for the browser tests, on a free port. */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  findChromium();
  if (!existsSync('dist/index.html'))
    throw new Error('No build in dist/: run `npm run build` first.');
  server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

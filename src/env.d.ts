/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:story' {
  const story: import('./story/types').Story;
  export default story;
}

/** package.json's version, set by vite.config.ts. */
declare const __APP_VERSION__: string;

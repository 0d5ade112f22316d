import { mount } from 'svelte';
import App from './App.svelte';
import type { Mode } from './controller.svelte.ts';
import './app.css';

/** The mode comes from the URL: `/`, `/?mode=kiosk` or `/?mode=embed`; anything else reads as scroll. */
function modeFromUrl(search: string): Mode {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'kiosk' || mode === 'embed' ? mode : 'scroll';
}

const mode = modeFromUrl(location.search);
document.documentElement.dataset.mode = mode;
mount(App, { target: document.getElementById('app')!, props: { mode } });

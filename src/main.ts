import { hydrate, mount } from 'svelte';
import { installApi } from './api.ts';
import App from './App.svelte';
import { loadConfig } from './config.ts';
import { StoryController, type Mode } from './controller.svelte.ts';
import { connectToHost } from './modes/embed.ts';
import { story } from './story/story.ts';
import './app.css';

/**
 * The mode comes from the URL: `/`, `/?mode=kiosk`, `/?mode=embed` or `/?mode=course` (the course
 * package's launch); anything else reads as scroll.
 */
function modeFromUrl(search: string): Mode {
  const mode = new URLSearchParams(search).get('mode');
  if (mode === 'kiosk' || mode === 'embed' || mode === 'scroll' || mode === 'course') return mode;
  if (mode !== null)
    console.warn(
      `Unknown mode "${mode}" (use scroll, kiosk, embed or course): reading in scroll mode.`,
    );
  return 'scroll';
}

const root = document.documentElement;
// The controls that need this script are shown from now on (app.css): where it never runs (a frame
// sandboxed without its own origin), they stay hidden rather than dead.
root.classList.add('scripted');
const mode = modeFromUrl(location.search);
root.dataset.mode = mode;
// An embed or a course package may show one section only (`&section=…`); elsewhere `?section=`
// just says where to start.
const section =
  mode === 'embed' || mode === 'course'
    ? new URLSearchParams(location.search).get('section')
    : null;
const controller = new StoryController(mode, story, section);
installApi(controller, __APP_VERSION__);
const target = document.getElementById('app')!;
// The build prerenders the article into the page; the app takes it over rather than redrawing it.
const start = target.firstElementChild ? hydrate : mount;
start(App, { target, props: { controller } });

if (mode === 'embed') {
  void loadConfig(story.steps.map((step) => step.id)).then((config) =>
    connectToHost(controller, config.embed.allowedOrigins),
  );
}
// Only the course package talks to an LMS: its code is fetched there alone.
if (mode === 'course') {
  void import('./course/lms.ts').then(({ connectToLms }) => connectToLms(controller, story));
}

// The offline cache (scripts/service-worker.js): built sites only, and only where the browser
// allows one (not in a sandboxed iframe without its own origin, for instance). Its downloads wait
// until the map is up (or a while, if the map never comes), so they do not compete with it.
function registerOfflineCache() {
  try {
    navigator.serviceWorker?.register('./sw.js').catch((error: unknown) => {
      console.warn('No offline cache:', error);
    });
  } catch (error) {
    console.warn('No offline cache:', error);
  }
}
// Not in a course package: an LMS serves its files from paths of its own, under its own rules.
if (import.meta.env.PROD && mode !== 'course') {
  const fallback = setTimeout(registerOfflineCache, 15_000);
  const stop = controller.on('ready', () => {
    stop();
    clearTimeout(fallback);
    registerOfflineCache();
  });
}

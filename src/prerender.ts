/** Renders the article to HTML at build time, so that it reads before (and without) JavaScript. */
import { render } from 'svelte/server';
import App from './App.svelte';
import { StoryController } from './controller.svelte.ts';
import { story } from './story/story.ts';

export function renderArticle(): string {
  return render(App, { props: { controller: new StoryController('scroll', story) } }).body;
}

/**
 * The story's content becomes HTML only through Svelte's text interpolation: markup in a content
 * file is shown as text, never parsed, so nothing a curator types can inject a script or a tag.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StepText from '../../src/components/StepText.svelte';
import type { Step } from '../../src/story/types.ts';

const step: Step = {
  id: 'x',
  section: 's',
  index: 0,
  date: '1954',
  period: [19540101, 19541231],
  mapText: 'A map" onerror="alert(1)',
  caption: '',
  callouts: [],
  own: [],
  places: [],
  layers: [],
  highlight: [],
  moving: [],
  view: { kind: 'camera', center: [105, 20], zoom: 5, bearing: 0, pitch: 0 },
  subject: null,
  key: [],
  paragraphs: [['<script>alert(1)</script> and <img src=x onerror=alert(1)>', { note: 3 }]],
};

describe('content HTML', () => {
  it('escapes markup in the text and in attributes', () => {
    const { body } = render(StepText, { props: { step, active: false } });
    expect(body).not.toMatch(/<script|<img src=x/);
    expect(body).toContain('&lt;script>alert(1)&lt;/script> and &lt;img src=x onerror=alert(1)>');
    expect(body).toContain('alt="A map&quot; onerror=&quot;alert(1)"');
    // The only elements are the ones the component writes.
    const tags = new Set([...body.matchAll(/<([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'div', 'figure', 'img', 'p', 'sup']);
  });
});

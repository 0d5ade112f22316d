import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledStory, loadStoryData } from '../../scripts/story-plugin.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'minimal');
let copies: string[] = [];
afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies = [];
});

/** A copy of the minimal fixture project with one file replaced. */
function fixtureWith(path: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'storymap-'));
  copies.push(dir);
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, path), content);
  return dir;
}

describe('loadStoryData', () => {
  it('builds the story and the data files from a project', () => {
    const { story, files } = loadStoryData(fixture);
    expect(story.steps.map((step) => step.id)).toEqual(['first', 'geneva-talks']);
    expect(story.notes).toEqual([
      { number: 1, text: 'A surviving note.' },
      { number: 2, text: null },
    ]);
    expect(Object.keys(files).sort()).toEqual([
      'basemap-borders.geojson',
      'basemap-coast.geojson',
      'basemap-land.geojson',
      'basemap-locator.geojson',
      'demarcation.geojson',
      'diplomacy.geojson',
      'dmz.geojson',
      'places.geojson',
      'rivers.geojson',
      'states.geojson',
      'supply-routes.geojson',
      'troop-movements.geojson',
      'zones.geojson',
    ]);
  });

  it('fails when a layer file has no map layer, or a map layer no file', () => {
    const dir = fixtureWith(
      'geo/airfields.geojson',
      '{"type": "FeatureCollection", "features": []}',
    );
    expect(() => loadStoryData(dir)).toThrow(/geo\/airfields\.geojson: no map layer is defined/);
    rmSync(join(dir, 'geo', 'airfields.geojson'));
    rmSync(join(dir, 'geo', 'dmz.geojson'));
    expect(() => loadStoryData(dir)).toThrow(/geo\/dmz\.geojson: missing/);
  });
});

describe('bundledStory', () => {
  const { story } = loadStoryData(process.cwd());

  it('leaves the paragraphs out of the bundle and keeps everything else', () => {
    const bundled = bundledStory(story);
    expect(bundled.steps.every((step) => step.paragraphs.length === 0)).toBe(true);
    expect(bundled.steps.map(({ paragraphs, ...rest }) => rest)).toEqual(
      story.steps.map(({ paragraphs, ...rest }) => rest),
    );
    expect(bundled.notes).toEqual(story.notes);
  });

  it('keeps paragraphs that the prerendered page gives back part for part', () => {
    // The page reads each text part back as one text node: an empty part or two text parts in a
    // row would come back merged or missing.
    for (const step of story.steps) {
      expect(step.paragraphs.length, step.id).toBeGreaterThan(0);
      for (const paragraph of step.paragraphs) {
        expect(paragraph.length, step.id).toBeGreaterThan(0);
        paragraph.forEach((part, i) => {
          if (typeof part !== 'string') return;
          expect(part, step.id).not.toBe('');
          expect(typeof paragraph[i + 1], `${step.id}: two text parts in a row`).not.toBe('string');
        });
      }
    }
  });
});

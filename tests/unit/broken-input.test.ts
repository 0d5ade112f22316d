/**
 * Every kind of broken input stops the build with a message naming the file, the item and the
 * fix. Each case is a fixture in tests/fixtures/broken/, dropped into a copy of the minimal project.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function projectWith(fixture: string, target: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'storymap-broken-'));
  copies.push(dir);
  cpSync(join(fixtures, 'minimal'), dir, { recursive: true });
  cpSync(join(fixtures, 'broken', fixture), join(dir, target));
  return dir;
}

const PLACES = 'geo/places.geojson';
const INTRO = 'src/story/sections/1-intro.md';

describe.each([
  // Broken GeoJSON
  [
    'invalid-json.geojson',
    PLACES,
    /^ {2}geo\/places\.geojson: not valid JSON \(.+\); fix the syntax/m,
  ],
  [
    'wrong-geometry-type.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hanoi": a Polygon in a layer of points; draw it as a Point or MultiPoint/,
  ],
  [
    'unclosed-ring.geojson',
    'geo/dmz.geojson',
    /geo\/dmz\.geojson: feature "dmz": a polygon ring is not closed; repeat its first position at the end/,
  ],
  [
    'coordinates-out-of-range.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hanoi": has a position outside the world: \[21\.03, 105\.85\] \(longitude first, then latitude\)/,
  ],
  [
    'duplicate-ids.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hanoi": the id is used twice in this file; give each feature its own id/,
  ],
  [
    'missing-property.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hanoi": property "source" is missing or empty; add where its position and dates come from/,
  ],
  [
    'bad-dates.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hanoi": bad dates \("1954-13" has no month 13\); use YYYY, YYYY-MM or YYYY-MM-DD/,
  ],
  [
    'clockwise-ring.geojson',
    'geo/dmz.geojson',
    /geo\/dmz\.geojson: feature "dmz": the outer ring runs clockwise; reverse its positions \(RFC 7946 wants counterclockwise\)/,
  ],
  [
    'missing-actor.geojson',
    'geo/troop-movements.geojson',
    /geo\/troop-movements\.geojson: feature "cmag": "actor" is missing; use one of prc, ccp, drv, .*international/,
  ],
  [
    'unused-feature.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hue": no step draws it; add "places" to a step in its period, fix its dates, or mark it "explore": true/,
  ],
  [
    'explore-but-drawn.geojson',
    PLACES,
    /geo\/places\.geojson: feature "saigon": marked "explore": true but step "first" draws it; remove the mark/,
  ],
  [
    'bad-period-names.geojson',
    PLACES,
    /geo\/places\.geojson: feature "hanoi": "names" entry 1 \("Ke Cho"\) runs 1940 to 1950, outside the feature's own start and end; keep it within them/,
  ],
  [
    'bad-period-names.geojson',
    PLACES,
    /feature "hanoi": "names" entry 2 \("Hanoi"\) starts before "Ke Cho" ends; list the names in order, without overlaps/,
  ],
  [
    'bad-status.geojson',
    'geo/troop-movements.geojson',
    /geo\/troop-movements\.geojson: feature "cmag": "status" is "rumoured"; use planned or disputed/,
  ],
  [
    'planned-unsaid.geojson',
    'geo/troop-movements.geojson',
    /1-intro\.md:8: step "first": the map sentence or caption names "cmag" but not that it is planned; say so/,
  ],
  // Broken story content
  [
    'unknown-layer.md',
    INTRO,
    /1-intro\.md:6: step "first": names a layer "airfields" that is not in geo\/ \(known: .*places.*\)/,
  ],
  [
    'unknown-feature.md',
    INTRO,
    /1-intro\.md:6: step "first": highlights "hue", which is in none of its layers \(places, states\); fix the id or add its layer/,
  ],
  [
    'unknown-note.md',
    INTRO,
    /1-intro\.md:\d+: step "geneva-talks": marks note 9, which does not exist \(the article has 2\); fix the mark/,
  ],
  [
    'duplicate-step.md',
    INTRO,
    /1-intro\.md:\d+: step "first": the id is already used at .*1-intro\.md:6; rename one of the two/,
  ],
  [
    'malformed-view.md',
    INTRO,
    /1-intro\.md:\d+: step "geneva-talks": line \d+: expected 2 comma-separated number\(s\), got "6\.14 46\.2"/,
  ],
  [
    'map-text-mismatch.md',
    INTRO,
    /1-intro\.md:8: step "first": neither the map sentence nor the caption names "hanoi" \(Hanoi\), which the step highlights; name it in "map:" by its name, an alias or its period name, or drop it from "highlight"/,
  ],
  [
    'map-text-mismatch.md',
    INTRO,
    /1-intro\.md:8: step "first": the map sentence names "geneva" \(places feature "geneva"\), which the map does not draw at this step \(it exists 1954-04-26 to 1954-07-21, not at the step's date\); draw it or take it out of "map:"/,
  ],
  [
    'map-text-mismatch.md',
    INTRO,
    /1-intro\.md:8: step "first": the caption names "geneva" \(places feature "geneva"\), which the map does not draw at this step \(it exists 1954-04-26 to 1954-07-21, not at the step's date\); draw it or take it out of "caption:"/,
  ],
  [
    'empty-section.md',
    'src/story/sections/2-empty.md',
    /2-empty\.md: the section has no steps; add a "## step: <id>" with its text, or delete the file/,
  ],
])('%s', (fixture, target, message) => {
  it('stops the build with the file, the item and the fix', () => {
    expect(() => loadStoryData(projectWith(fixture, target))).toThrow(message);
  });
});

/** The course packages (scripts/course-package.ts): valid manifests that list every file. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  manifest,
  packageZip,
  schemaFiles,
  storyScos,
  type Edition,
  type PackageSpec,
} from '../../scripts/course-package.ts';
import { launches, listedFiles, manifestErrors } from './manifest-check.ts';

const SECTIONS = [
  { id: 'introduction', title: 'Introduction', stepIds: ['a', 'b'] },
  { id: 'conclusion', title: 'Conclusion & after', stepIds: ['c'] },
];
const spec = (edition: Edition, bySection = false): PackageSpec => ({
  name: 'story',
  version: '1.0.0',
  edition,
  scos: storyScos({ sections: SECTIONS }, bySection),
});

/** A built site in a temporary folder: a page, a script, data, and the offline worker. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storymap-site-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'data', 'static'), { recursive: true });
  const files = {
    'index.html': '<!doctype html><title>Story</title>',
    'assets/index-1.js': 'console.log(1)',
    'data/places.geojson': '{}',
    'data/static/a.svg': '<svg/>',
    'sw.js': 'self.addEventListener("fetch", () => {})',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the course package', () => {
  for (const edition of ['scorm12', 'scorm2004'] as const) {
    it(`has a ${edition} manifest valid against the schemas the standard ships`, async () => {
      const files = ['index.html', 'assets/index-1.js', 'data/places.geojson'];
      expect(await manifestErrors(edition, manifest(spec(edition), files))).toEqual([]);
      expect(await manifestErrors(edition, manifest(spec(edition, true), files))).toEqual([]);
      // The check can fail: a resource of a kind SCORM does not know is refused.
      const wrong = manifest(spec(edition), files).replace(/(scorm[tT]ype)="sco"/, '$1="lesson"');
      expect((await manifestErrors(edition, wrong)).join('\n')).toMatch(/'lesson' is not/);
    });

    it(`zips the site, its ${edition} manifest and schemas: no file missing, none extra`, () => {
      const zip = unzipSync(packageZip(spec(edition), site()));
      const xml = strFromU8(zip['imsmanifest.xml']!);
      const files = listedFiles(xml);
      const extra = new Set(['imsmanifest.xml', ...schemaFiles(edition)]);
      // Every file listed is in the zip; every file in the zip is listed, or is the manifest or
      // one of its schemas; the offline worker stays out (an LMS's paths are not its to cache).
      expect([...files].filter((file) => !(file in zip))).toEqual([]);
      expect(Object.keys(zip).filter((file) => !files.has(file) && !extra.has(file))).toEqual([]);
      expect(files).toEqual(
        new Set(['index.html', 'assets/index-1.js', 'data/places.geojson', 'data/static/a.svg']),
      );
      expect(strFromU8(zip['index.html']!)).toContain('<title>Story</title>');
    });
  }

  it('launches the story in course mode, whole or one SCO per section', () => {
    expect(launches(manifest(spec('scorm12'), ['index.html']))).toEqual(['index.html?mode=course']);
    const bySection = manifest(spec('scorm2004', true), ['index.html']);
    expect(launches(bySection)).toEqual([
      'index.html?mode=course&section=introduction',
      'index.html?mode=course&section=conclusion',
    ]);
    expect(bySection).toContain('href="index.html?mode=course&amp;section=conclusion"');
    // Titles are escaped: a section's "&" does not break the manifest.
    expect(bySection).toContain('<title>2. Conclusion &amp; after</title>');
  });

  it('says whose article it is', () => {
    const xml = manifest(spec('scorm12'), ['index.html']);
    expect(xml).toMatch(/<title>Changes in Mao Zedong’s Attitude[^<]*: a story map<\/title>/);
    expect(xml).toMatch(/<item [^>]+>\s*<title>[^<]*by Yang Kuisong, translated by Qiang Zhai/);
  });
});

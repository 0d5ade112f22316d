/**
 * The course packages: the built site as SCORM packages that an LMS imports as a graded activity
 * (README, "Course packages"). Each zip holds the site as built (less its offline worker), an
 * `imsmanifest.xml` that launches it in course mode (`?mode=course`, src/course/lms.ts), and the
 * schema files the manifest names, as the standard asks.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import type { Plugin } from 'vite';
import { credits } from '../src/story/credits.ts';
import { escapeXml } from './static-map/svg.ts';
import type { Story } from '../src/story/types.ts';

export type Edition = 'scorm12' | 'scorm2004';

/** One SCO: what the LMS lists, and the page it launches. */
interface Sco {
  id: string;
  title: string;
  /** The launch address, relative to the package (a query is allowed). */
  launch: string;
}

export interface PackageSpec {
  /** The package's identifier and the zip's name: `<name>-<edition>.zip`. */
  name: string;
  version: string;
  edition: Edition;
  scos: Sco[];
}

/** The schema files each edition's manifest names, shipped beside it (scripts/scorm/). */
const SCHEMA_DIR = new URL('./scorm/', import.meta.url);
export const schemaFiles = (edition: Edition): string[] =>
  readdirSync(new URL(`schemas-${edition}/`, SCHEMA_DIR)).sort();
const schemaText = (edition: Edition, file: string): string =>
  readFileSync(new URL(`schemas-${edition}/${file}`, SCHEMA_DIR), 'utf8');

/** The site's files that stay out of a package: the offline worker would cache an LMS's paths. */
const NOT_PACKAGED = new Set(['sw.js']);

/**
 * The title an LMS shows for the package, and the article's credit: the whole story's item says
 * whose article it is (LMSs show item titles; SCORM 1.2's metadata schema is one that validators
 * cannot compile, so no LOM record carries it), and the manifest's opening comment gives it whole.
 */
const PACKAGE_TITLE = `${credits.title}: ${credits.kicker.toLowerCase()}`;
const AUTHORSHIP = `by ${credits.author}, translated by ${credits.translator}`;
const PACKAGE_CREDIT = `${credits.title}, ${AUTHORSHIP}. ${credits.source}`;

/** The SCOs of the whole story, or one per section (so a course can assign a part a week). */
export function storyScos(story: Pick<Story, 'sections'>, bySection: boolean): Sco[] {
  if (!bySection) {
    return [
      { id: 'story', title: `${credits.title}, ${AUTHORSHIP}`, launch: 'index.html?mode=course' },
    ];
  }
  return story.sections.map((section, i) => ({
    id: `section-${section.id}`,
    title: `${i + 1}. ${section.title}`,
    launch: `index.html?mode=course&section=${section.id}`,
  }));
}

/**
 * The manifest: one organisation with an item per SCO, a resource per SCO launching the story,
 * and one asset resource listing every other file, on which each SCO depends.
 */
export function manifest(spec: PackageSpec, files: readonly string[]): string {
  const scorm12 = spec.edition === 'scorm12';
  const x = escapeXml;
  const pageFiles = files.filter((file) => file !== 'index.html');
  const head = scorm12
    ? `<manifest identifier="${x(spec.name)}" version="${x(spec.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>`
    : `<manifest identifier="${x(spec.name)}" version="${x(spec.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>`;
  const scormType = scorm12 ? 'adlcp:scormtype' : 'adlcp:scormType';
  const items = spec.scos
    .map(
      (sco) => `      <item identifier="item-${x(sco.id)}" identifierref="sco-${x(sco.id)}">
        <title>${x(sco.title)}</title>
      </item>`,
    )
    .join('\n');
  const scoResources = spec.scos
    .map(
      (
        sco,
      ) => `    <resource identifier="sco-${x(sco.id)}" type="webcontent" ${scormType}="sco" href="${x(sco.launch)}">
      <file href="index.html"/>
      <dependency identifierref="story-files"/>
    </resource>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- ${x(PACKAGE_CREDIT)} -->
${head}
  <organizations default="story-map">
    <organization identifier="story-map">
      <title>${x(PACKAGE_TITLE)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scoResources}
    <resource identifier="story-files" type="webcontent" ${scormType}="asset">
${pageFiles.map((file) => `      <file href="${x(file)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** Every file under a folder, by its path from there (with forward slashes), sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The package's files: the site's, the manifest and its schemas. Fixed dates: same input, same zip. */
export function packageZip(spec: PackageSpec, site: string): Uint8Array {
  const files = filesUnder(site).filter((file) => !NOT_PACKAGED.has(file));
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const add = (name: string, data: Uint8Array | string) => {
    entries[name] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { mtime }];
  };
  add('imsmanifest.xml', manifest(spec, files));
  for (const file of schemaFiles(spec.edition)) add(file, schemaText(spec.edition, file));
  for (const file of files) add(file, readFileSync(join(site, file)));
  return zipSync(entries, { level: 6 });
}

/** The zips a build writes to `dist-package/`. */
function coursePackages(
  name: string,
  version: string,
  story: Pick<Story, 'sections'>,
): { file: string; spec: PackageSpec }[] {
  const whole = storyScos(story, false);
  return [
    { file: `${name}-scorm12.zip`, spec: { name, version, edition: 'scorm12', scos: whole } },
    { file: `${name}-scorm2004.zip`, spec: { name, version, edition: 'scorm2004', scos: whole } },
    {
      file: `${name}-sections-scorm12.zip`,
      spec: { name, version, edition: 'scorm12', scos: storyScos(story, true) },
    },
  ];
}

/** Writes the course packages next to the built site, once it is all written. */
export function coursePackagePlugin(
  name: string,
  version: string,
  story: () => Pick<Story, 'sections'>,
): Plugin {
  let outDir = '';
  let root = '';
  let log: (line: string) => void = () => {};
  return {
    name: 'storymap-course-package',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = join(config.root, config.build.outDir);
      log = (line) => config.logger.info(line);
    },
    closeBundle() {
      const target = join(root, 'dist-package');
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target);
      for (const { file, spec } of coursePackages(name, version, story())) {
        const zip = packageZip(spec, outDir);
        writeFileSync(join(target, file), zip);
        log(`course package: dist-package/${file} (${(zip.length / 1e6).toFixed(1)} MB)`);
      }
    },
  };
}

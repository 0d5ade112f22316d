/** Reads and validates a course package's manifest (scripts/course-package.ts). */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { schemaFiles, type Edition } from '../../scripts/course-package.ts';

/** The namespaces each edition's manifest uses, and the schema that defines each. */
const NAMESPACES: Record<Edition, [namespace: string, file: string][]> = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

/**
 * The errors xmllint finds in a manifest. One schema imports every namespace the manifest uses,
 * so that the extension points (`xsd:any`, processed laxly) validate the ADL elements and
 * attributes too, rather than let them through unchecked.
 */
export async function manifestErrors(edition: Edition, xml: string): Promise<string[]> {
  const imports = NAMESPACES[edition]
    .map(([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${file}"/>`)
    .join('');
  const driver = `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imports}</xs:schema>`;
  const dir = new URL(`../../scripts/scorm/schemas-${edition}/`, import.meta.url);
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'manifest-driver.xsd', contents: driver }],
    preload: schemaFiles(edition).map((file) => ({
      fileName: file,
      contents: readFileSync(new URL(file, dir), 'utf8'),
    })),
  });
  return result.errors.map((error) => error.rawMessage);
}

/** The files a manifest lists. */
export const listedFiles = (xml: string): Set<string> =>
  new Set([...xml.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]!));

/** The launch addresses of a manifest's SCOs, in order, as the LMS opens them (unescaped). */
export const launches = (xml: string): string[] =>
  [...xml.matchAll(/scorm[tT]ype="sco" href="([^"]+)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  );

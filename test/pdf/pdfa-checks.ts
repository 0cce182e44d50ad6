import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect } from 'vitest';
import { expectValidPdfWithEmbeddedFonts } from './print-support';

/**
 * PDF/A-2b (DESIGN.md §6, ISO 19005-2) read back from a PDF's bytes, the
 * same checks for every PDF Lotse writes: single documents (render.ts) and
 * the combined ones (concat.ts: serial letters, documents.printMany).
 * veraPDF cannot be had on this machine (neither Debian nor npm carries it),
 * so the file is read with qpdf (structure, its JSON view of every object),
 * poppler (pdffonts, pdfinfo) and xmllint (the XMP packet), and each rule is
 * asserted on what they report:
 *
 * - header `%PDF-1.7` and a binary comment line; `qpdf --check` clean; every
 *   font embedded; no encryption; a file ID in the trailer;
 * - the catalog names the language (`/Lang`), an uncompressed XMP metadata
 *   stream (`/Metadata`, `/Type /Metadata /Subtype /XML`) and an sRGB output
 *   intent (`/S /GTS_PDFA1` with an ICC profile stream of 3 components);
 * - no malformed `/length` key beside `/Length`, neither in the raw bytes,
 *   nor in qpdf's uncompressed rewrite, nor in any object qpdf parses;
 * - the XMP is well-formed XML whatever the titles say, names part 2,
 *   conformance B and the language (`dc:language`);
 * - every Info entry says what its XMP property says (ISO 19005-2 6.6.2.3.1):
 *   Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate;
 *   Creator, Producer and CreationDate must be there.
 */

/** Titles that break XML pasted together by hand, or a PDF string: for the Info dictionary and the XMP of every PDF. */
export const HOSTILE_TITLES = [
  'Müller & Söhne <GmbH>',
  '</rdf:li></rdf:Alt></dc:title><x:evil/>',
  `"Anführung" und 'Apostroph' & &amp; &#x26; <![CDATA[ ]]>`,
  'Glocke\u0007 und Formfeed\u000c',
];

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
interface QpdfObject {
  value?: JsonValue;
  stream?: { dict: Record<string, JsonValue>; data?: string };
}

export interface PdfAReport {
  /** The XMP packet as stored (UTF-8). */
  xmp: string;
  /** The Info dictionary, strings decoded (dates as PDF writes them, `D:…`). */
  info: Record<string, string>;
  /** qpdf's uncompressed rewrite of the file (latin1), also left at `${file}.check.pdf`. */
  qdf: string;
}

/** Every object of the file as qpdf's JSON (version 2) gives it, stream data inline (base64). */
function qpdfObjects(file: string): { objects: Record<string, QpdfObject>; pdfVersion: string } {
  const json = execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const [header, objects] = (JSON.parse(json) as { qpdf: [{ pdfversion: string }, Record<string, QpdfObject>] }).qpdf;
  return { objects, pdfVersion: header.pdfversion };
}

/** `u:` is a text string qpdf decoded, `b:` one it gives as hex bytes. */
function textOf(value: JsonValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}

function keysNamed(value: JsonValue | undefined, name: string, found: string[], where: string): void {
  if (Array.isArray(value)) value.forEach((item, index) => keysNamed(item, name, found, `${where}[${index}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (key === name) found.push(where);
      keysNamed(entry, name, found, `${where}${key}`);
    }
  }
}

/** xmllint parses strictly (well-formedness, entities, encoding); it exits non-zero and says why otherwise. */
export function expectWellFormedXml(xml: string, file: string): void {
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    expect.fail(`XMP is not well-formed XML:\n${(error as { stderr?: string }).stderr ?? String(error)}\n${xml}`);
  }
}

/** XML text as a parser reads it back (the five entities and numeric references). */
export const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, name: string) =>
    name.startsWith('#x')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name]!,
  );

/** One XMP property's text (the first `rdf:li` of an Alt/Seq/Bag, or the element's own text), unescaped; undefined when absent. */
function xmpProperty(xmp: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>\\s*(?:<rdf:(?:Alt|Seq|Bag)>\\s*<rdf:li(?: xml:lang="x-default")?>)?([^<]*)<`).exec(xmp);
  return match ? unescapeXml(match[1]!) : undefined;
}

/** `D:20261125100000Z` (what pdfkit and the concatenator write) as XMP writes it: `2026-11-25T10:00:00Z`. */
function xmpDateOf(pdfDate: string): string {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(pdfDate);
  expect(match, `an unexpected PDF date ${pdfDate}`).not.toBeNull();
  const [, year, month, day, hour, minute, second] = match!;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
}

/** Info entries and the XMP properties that must say the same (ISO 19005-2 6.6.2.3.1, table 1 of XMP for PDF/A). */
const INFO_TO_XMP: Array<[info: string, xmp: string, date?: true]> = [
  ['Title', 'dc:title'],
  ['Author', 'dc:creator'],
  ['Subject', 'dc:description'],
  ['Keywords', 'pdf:Keywords'],
  ['Creator', 'xmp:CreatorTool'],
  ['Producer', 'pdf:Producer'],
  ['CreationDate', 'xmp:CreateDate', true],
  ['ModDate', 'xmp:ModifyDate', true],
];

export function expectPdfA2b(file: string, { language = 'de-DE' }: { language?: string } = {}): PdfAReport {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
  // The binary comment right after the header: at least four bytes above 127.
  const second = bytes.subarray(9, bytes.indexOf(0x0a, 9));
  expect(second[0]).toBe(0x25);
  expect([...second].filter((byte) => byte > 127).length).toBeGreaterThanOrEqual(4);
  expectValidPdfWithEmbeddedFonts(file);

  // No malformed `/length` beside `/Length`: in the bytes as written and in qpdf's uncompressed rewrite.
  expect(bytes.includes('/length'), 'a /length key in the raw bytes').toBe(false);
  const qdfFile = `${file}.check.pdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdfFile]);
  const qdf = fs.readFileSync(qdfFile).toString('latin1');
  expect(qdf).not.toMatch(/\/length\b/);

  const { objects, pdfVersion } = qpdfObjects(file);
  expect(pdfVersion).toBe('1.7');
  const object = (reference: JsonValue | undefined): QpdfObject => {
    expect(typeof reference === 'string' && / 0 R$/.test(reference), `a reference, not ${JSON.stringify(reference)}`).toBe(true);
    const found = objects[`obj:${reference as string}`];
    expect(found, `object ${String(reference)}`).toBeDefined();
    return found!;
  };
  const resolve = (value: JsonValue | undefined): JsonValue | undefined => (typeof value === 'string' && / 0 R$/.test(value) ? object(value).value : value);
  const lowercase: string[] = [];
  for (const [name, entry] of Object.entries(objects)) {
    keysNamed(entry.value, '/length', lowercase, name);
    keysNamed(entry.stream?.dict, '/length', lowercase, name);
  }
  expect(lowercase, 'objects with a /length key').toEqual([]);

  const trailer = objects.trailer!.value as Record<string, JsonValue>;
  expect(trailer['/Encrypt']).toBeUndefined();
  // The file ID PDF/A asks for: two strings of 16 bytes.
  const id = trailer['/ID'] as string[];
  expect(id).toHaveLength(2);
  for (const part of id) expect(part).toMatch(/^b:[0-9a-f]{32}$/);

  const catalog = object(trailer['/Root']).value as Record<string, JsonValue>;
  expect(catalog['/Type']).toBe('/Catalog');
  expect(textOf(catalog['/Lang'])).toBe(language);
  const metadata = object(catalog['/Metadata']).stream;
  expect(metadata, 'the catalog names no metadata stream').toBeDefined();
  expect(metadata!.dict).toMatchObject({ '/Type': '/Metadata', '/Subtype': '/XML' });
  expect(metadata!.dict['/Filter'], 'the XMP must be stored uncompressed').toBeUndefined();
  const intents = resolve(catalog['/OutputIntents']) as JsonValue[];
  expect(Array.isArray(intents) && intents.length > 0, 'no output intent').toBe(true);
  const intent = resolve(intents[0]) as Record<string, JsonValue>;
  expect(intent).toMatchObject({ '/Type': '/OutputIntent', '/S': '/GTS_PDFA1' });
  expect(textOf(intent['/OutputConditionIdentifier'])).toBe('sRGB IEC61966-2.1');
  const profile = object(intent['/DestOutputProfile']).stream!;
  expect(profile.dict['/N']).toBe(3);
  // An ICC profile: its header says so at bytes 36–39.
  expect(Buffer.from(profile.data!, 'base64').subarray(36, 40).toString('latin1')).toBe('acsp');

  const xmp = Buffer.from(metadata!.data!, 'base64').toString('utf8');
  expect(xmp).toMatch(/^<\?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
  expect(xmp).toMatch(/<\?xpacket end="w"\?>$/);
  expectWellFormedXml(xmp, `${file}.xmp.xml`);
  expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
  expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  expect(xmp).toMatch(new RegExp(`<dc:language>\\s*<rdf:Bag>\\s*<rdf:li>${language}</rdf:li>\\s*</rdf:Bag>\\s*</dc:language>`));

  const infoDict = object(trailer['/Info']).value as Record<string, JsonValue>;
  const info = Object.fromEntries(Object.entries(infoDict).map(([key, value]) => [key.slice(1), textOf(resolve(value)) ?? String(resolve(value))]));
  for (const required of ['Creator', 'Producer', 'CreationDate']) expect(info[required], `Info /${required}`).toBeDefined();
  for (const [infoKey, xmpName, date] of INFO_TO_XMP) {
    const inInfo = info[infoKey];
    const inXmp = xmpProperty(xmp, xmpName);
    expect(inXmp, `XMP ${xmpName} for Info /${infoKey}`).toBe(inInfo === undefined ? undefined : date ? xmpDateOf(inInfo) : inInfo);
  }
  return { xmp, info, qdf };
}

/** What pdfinfo reads from the Info dictionary, as it prints it. */
export function pdfInfo(file: string): Record<string, string> {
  const lines = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }).split('\n');
  return Object.fromEntries(
    lines.flatMap((line) => {
      const match = /^([A-Za-z ]+):\s?(.*)$/.exec(line);
      return match ? [[match[1]!.trim(), match[2]!.replace(/^\s+/, '')]] : [];
    }),
  );
}

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontkitForPdfkit, forgetGlyphs, loadFonts } from './fonts';
import { installScriptLayout } from './script-layout';
import { installStyleLookup } from './style-lookup';
import { escapeXml, xmlSafeText, xmpLanguage } from './xmp';

/**
 * The pdfkit document pdfmake 0.3 hands out before it is ended (`getStream`).
 * Only what Lotse touches: the Info entries and the methods that turn them
 * into the XMP packet and its stream (pdfkit's internals, pinned by the tests
 * that read the packet back).
 */
interface PdfKitDocument extends Readable {
  info: Record<string, unknown>;
  _addInfo(): void;
  appendXML(xml: string): void;
  endMetadata(): void;
  ref(data?: Record<string, unknown>): unknown;
  end(): void;
}

/** The part of pdfmake 0.3's server API Lotse uses (@types/pdfmake describes 0.2). */
interface PdfmakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getStream(): Promise<PdfKitDocument> };
}

let pdfmakeServer: PdfmakeServer | undefined;

/**
 * pdfmake (and with it pdfkit and fontkit), loaded on the first document, not
 * at start (fonts.ts). fontkit's sharing wrapper goes into the module cache
 * first, so pdfkit takes the wrapper (test/pdf/fonts.test.ts, sharedFontCount).
 */
function loadPdfmake(): PdfmakeServer {
  if (pdfmakeServer) return pdfmakeServer;
  fontkitForPdfkit();
  pdfmakeServer = createRequire(__filename)('pdfmake') as PdfmakeServer;
  return pdfmakeServer;
}

export interface RenderedPdfBytes {
  bytes: Buffer;
  sha256: string;
  pages: number;
}

/** What every PDF names as the program that made it (Info /Creator, XMP xmp:CreatorTool). */
export const PDF_CREATOR = 'Lotse';
const PDF_PRODUCER = 'Lotse (pdfmake 0.3, PDFKit)';

let configured = false;

/**
 * pdfmake is a process-wide singleton: give it the shipped fonts through its
 * virtual file system and close every other door. A document definition
 * built from user text must never make pdfmake fetch a URL or read a file
 * (images travel inside the definition as data URLs, which need neither).
 * Done once per process: later documents reuse the font bytes.
 */
function configurePdfmake(): PdfmakeServer {
  const pdfmake = loadPdfmake();
  if (configured) return pdfmake;
  const fonts = loadFonts();
  for (const [name, bytes] of Object.entries(fonts.files)) pdfmake.virtualfs.writeFileSync(name, bytes);
  pdfmake.setFonts(fonts.descriptors);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  installStyleLookup();
  // A fallback family's files enter the virtual file system when a document first needs them (script-layout.ts).
  const written = new Set<string>();
  installScriptLayout((family) => {
    if (written.has(family)) return;
    for (const [name, bytes] of Object.entries(fonts.family(family).files)) pdfmake.virtualfs.writeFileSync(name, bytes);
    written.add(family);
  });
  configured = true;
  return pdfmake;
}

/**
 * pdfkit's XMP packet, made right for PDF/A (pinned by test/pdf/pdfa.test.ts,
 * which reads the packet back):
 *
 * - pdfkit pastes the Info strings into an XML template unescaped: a title
 *   such as `Müller & Söhne <GmbH>` would make the metadata malformed XML.
 *   The packet is built in `_addInfo`, after the Info dictionary has been
 *   written: for that one call the entries are swapped for escaped copies, so
 *   the Info dictionary keeps the text as it is and the XMP gets it escaped.
 * - pdfkit names the language only in the catalog (`/Lang`); `_addInfo` also
 *   appends it as `dc:language`.
 * - `endMetadata` makes the metadata stream with a lowercase `length` key
 *   beside the `/Length` every stream gets: a malformed entry. The stream is
 *   the one object `endMetadata` makes with `ref`, and it is written as soon
 *   as it ends, so for that call `ref` drops the key before pdfkit fills it.
 */
function patchMetadataOf(doc: PdfKitDocument, language: string): void {
  const buildPacket = doc._addInfo;
  doc._addInfo = function escapedAddInfo(this: PdfKitDocument) {
    const original = this.info;
    this.info = Object.fromEntries(Object.entries(original).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
    try {
      buildPacket.call(this);
    } finally {
      this.info = original;
    }
    this.appendXML(xmpLanguage(language));
  };
  const endMetadata = doc.endMetadata;
  doc.endMetadata = function endMetadataWithoutLength(this: PdfKitDocument) {
    const ref = this.ref;
    this.ref = function refWithoutLength(this: PdfKitDocument, data?: Record<string, unknown>) {
      if (data !== undefined && data.Type === 'Metadata') delete data.length;
      return ref.call(this, data);
    };
    try {
      endMetadata.call(this);
    } finally {
      this.ref = ref;
    }
  };
}

function collect(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Renders a pdfmake document definition to PDF/A-2b bytes (DESIGN.md §6):
 * PDF 1.7, fonts embedded, the sRGB output intent and an XMP packet that
 * names the conformance, language `de-DE`.
 *
 * Deterministic: the definition must give `info.creationDate` (drafts: now;
 * final documents: the finalization time). pdfkit derives the file ID from
 * the Info entries, the font subset tags from the font order, and writes no
 * other time or random bytes, so the same definition gives the same bytes in
 * any process.
 */
export function renderPdf(definition: TDocumentDefinitions): Promise<RenderedPdfBytes> {
  const run = queue.then(() => renderNow(definition));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * One document at a time: the fonts pdfkit shares start each document with
 * empty glyph caches (fonts.ts, forgetGlyphs), and no other document may lay
 * out text between that and its end. Rendering is synchronous work apart
 * from a few awaits, so a queue costs nothing.
 */
let queue: Promise<unknown> = Promise.resolve();

async function renderNow(definition: TDocumentDefinitions): Promise<RenderedPdfBytes> {
  const creationDate = definition.info?.creationDate;
  if (!(creationDate instanceof Date) || Number.isNaN(creationDate.getTime())) {
    // Without it pdfkit takes the clock, and no reprint would match its original.
    throw new Error('renderPdf: info.creationDate fehlt');
  }
  const pdfmake = configurePdfmake();
  forgetGlyphs();
  let pages = 0;
  const userFooter = definition.footer;
  const info = Object.fromEntries(
    Object.entries({ ...definition.info, creator: PDF_CREATOR, producer: PDF_PRODUCER }).map(([key, value]) => [
      key,
      typeof value === 'string' ? xmlSafeText(value) : value,
    ]),
  );
  const language = definition.language ?? 'de-DE';
  const pdfA: TDocumentDefinitions = {
    ...definition,
    version: '1.7',
    subset: 'PDF/A-2b',
    language,
    info,
    // pdfmake tells the page count only to per-page callbacks; the footer is one.
    footer: (currentPage, pageCount, pageSize) => {
      pages = pageCount;
      return typeof userFooter === 'function' ? userFooter(currentPage, pageCount, pageSize) : (userFooter ?? null);
    },
  } as TDocumentDefinitions;
  const doc = await pdfmake.createPdf(pdfA).getStream();
  patchMetadataOf(doc, language);
  const bytes = await collect(doc);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}

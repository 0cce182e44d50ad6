import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { forgetGlyphs, loadFonts } from './fonts';

/**
 * The pdfkit document pdfmake 0.3 hands out before it is ended (`getStream`).
 * Only what Lotse touches: the Info entries and the method that turns them
 * into the XMP packet (pdfkit's internals, pinned by the tests that read the
 * packet back).
 */
interface PdfKitDocument extends Readable {
  info: Record<string, unknown>;
  _addInfo(): void;
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

const pdfmake = createRequire(__filename)('pdfmake') as PdfmakeServer;

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
function configurePdfmake(): void {
  if (configured) return;
  const fonts = loadFonts();
  for (const [name, bytes] of Object.entries(fonts.files)) pdfmake.virtualfs.writeFileSync(name, bytes);
  pdfmake.setFonts(fonts.descriptors);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/**
 * Characters XML 1.0 cannot carry at all, not even escaped (C0 controls but
 * tab and line breaks, lone surrogates, U+FFFE/U+FFFF). They have no place
 * in a title either, so they become spaces in the Info dictionary and in the
 * XMP alike: PDF/A wants the two to say the same.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, ' ');
}

/** The five XML special characters as entities (text and attribute values alike). */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!);
}

/**
 * pdfkit writes the XMP packet by pasting the Info strings into an XML
 * template unescaped: a title such as `Müller & Söhne <GmbH>` would make the
 * metadata of a PDF/A file malformed XML. The packet is built in `_addInfo`,
 * after the Info dictionary has been written: for that one call the entries
 * are swapped for escaped copies, so the Info dictionary keeps the text as it
 * is and the XMP gets it escaped.
 */
function escapeXmpOf(doc: PdfKitDocument): void {
  const buildPacket = doc._addInfo;
  doc._addInfo = function escapedAddInfo(this: PdfKitDocument) {
    const original = this.info;
    this.info = Object.fromEntries(Object.entries(original).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
    try {
      buildPacket.call(this);
    } finally {
      this.info = original;
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
  configurePdfmake();
  forgetGlyphs();
  let pages = 0;
  const userFooter = definition.footer;
  const info = Object.fromEntries(
    Object.entries({ ...definition.info, creator: PDF_CREATOR, producer: PDF_PRODUCER }).map(([key, value]) => [
      key,
      typeof value === 'string' ? xmlSafeText(value) : value,
    ]),
  );
  const pdfA: TDocumentDefinitions = {
    ...definition,
    version: '1.7',
    subset: 'PDF/A-2b',
    language: definition.language ?? 'de-DE',
    info,
    // pdfmake tells the page count only to per-page callbacks; the footer is one.
    footer: (currentPage, pageCount, pageSize) => {
      pages = pageCount;
      return typeof userFooter === 'function' ? userFooter(currentPage, pageCount, pageSize) : (userFooter ?? null);
    },
  } as TDocumentDefinitions;
  const doc = await pdfmake.createPdf(pdfA).getStream();
  escapeXmpOf(doc);
  const bytes = await collect(doc);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}

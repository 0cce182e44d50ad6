import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadFonts } from './fonts';

/** The part of pdfmake 0.3's server API Lotse uses (@types/pdfmake describes 0.2). */
interface PdfmakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const pdfmake = createRequire(__filename)('pdfmake') as PdfmakeServer;

export interface RenderedPdfBytes {
  bytes: Buffer;
  sha256: string;
  pages: number;
}

let configured = false;

/**
 * pdfmake is a process-wide singleton: give it the shipped fonts through its
 * virtual file system and close every other door. A document definition
 * built from user text must never make pdfmake fetch a URL or read a file.
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

/** Renders a pdfmake document definition to bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<RenderedPdfBytes> {
  configurePdfmake();
  let pages = 0;
  const userFooter = definition.footer;
  // pdfmake tells the page count only to per-page callbacks; the footer is one.
  const countingDefinition: TDocumentDefinitions = {
    ...definition,
    footer: (currentPage, pageCount, pageSize) => {
      pages = pageCount;
      return typeof userFooter === 'function' ? userFooter(currentPage, pageCount, pageSize) : (userFooter ?? null);
    },
  };
  const bytes = await pdfmake.createPdf(countingDefinition).getBuffer();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}

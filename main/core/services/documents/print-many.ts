import { createHash } from 'node:crypto';
import type { RenderedPdf } from '../../../../shared/api/contract';
import type { Core } from '../../core';
import { PdfConcatenator } from '../../pdf/concat';
import { recordAudit } from '../audit';
import { getDocument } from './drafts';
import { renderDocument } from './finalize';

/**
 * Several documents as one PDF to print (the documents list's selection, or
 * a serial letter printed again): each document is rendered exactly as
 * `documents.render` renders it alone — a final one from its frozen
 * snapshot, so its pages are the ones it was finalized with; a draft marked
 * as a draft on every page — and the PDFs are put one after another by the
 * same concatenator the serial letters use (pdf/concat.ts). Whatever makes a
 * single document's PDF (PDF/A metadata included) stays in one place.
 */
export async function printDocuments(core: Core, ids: readonly string[]): Promise<RenderedPdf> {
  // Every id first: one that does not exist (any more) refuses the whole print before anything is rendered.
  const documents = ids.map((id) => getDocument(core, id));
  const now = core.now();
  const combined = new PdfConcatenator({ title: `Sammeldruck: ${documents.length} Dokumente`, language: 'de-DE', creationDate: now });
  const printed: Array<{ id: string; clientId: string; sha256: string }> = [];
  for (const document of documents) {
    const rendered = await renderDocument(core, document.id);
    combined.add(Buffer.from(rendered.pdfBase64, 'base64'));
    if (document.status === 'final') printed.push({ id: document.id, clientId: document.clientId, sha256: rendered.sha256 });
    // Rendering is synchronous work: let the host answer other requests between two documents.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const bytes = combined.finish();
  // Final documents handed out are lines of the trail, one per document as documents.render writes them; a draft's print is not.
  core.db.transaction(() => {
    for (const document of printed) {
      recordAudit(core, {
        action: 'documents.printMany',
        subjectType: 'document',
        subjectId: document.id,
        clientId: document.clientId,
        details: { sha256: document.sha256, documents: documents.length },
      });
    }
  })();
  return { pdfBase64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex'), pages: combined.pageCount };
}

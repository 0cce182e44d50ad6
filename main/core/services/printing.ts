import { createHash } from 'node:crypto';
import type { Core } from '../core';
import { recordAudit } from './audit';
import { DomainError, invalid } from '../errors';

/** `pdf.print`: the host's print dialog, where the host has one (Electron passes it in as `printPdf`). */
export async function printPdf(core: Core, input: { pdfBase64: string; title: string }): Promise<{ printed: boolean }> {
  if (!core.printPdf) {
    throw new DomainError('not_supported', { key: 'printing.browserPrints' });
  }
  const bytes = Buffer.from(input.pdfBase64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw invalid({ pdfBase64: { key: 'printing.notAPdf' } });
  }
  const outcome = await core.printPdf(bytes, input.title);
  // A final document's PDF has the sha256 the document keeps (documents.get) and documents.render's line holds; the title may name a person and stays out.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  core.db.transaction(() =>
    recordAudit(core, { action: 'pdf.print', subjectType: 'pdf', subjectId: null, clientId: null, details: { sha256, printed: outcome.printed } }),
  )();
  return outcome;
}

import type { Core } from '../core';
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
  return core.printPdf(bytes, input.title);
}

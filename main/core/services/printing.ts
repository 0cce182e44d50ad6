import type { Core } from '../core';
import { DomainError } from '../errors';

/** `pdf.print`: the host's print dialog, where the host has one (Electron passes it in as `printPdf`). */
export async function printPdf(core: Core, input: { pdfBase64: string; title: string }): Promise<{ printed: boolean }> {
  if (!core.printPdf) {
    throw new DomainError('not_supported', 'Im Browser-Modus wird über die Druckfunktion des Browsers gedruckt: die PDF öffnet sich dafür in einem neuen Tab.');
  }
  const bytes = Buffer.from(input.pdfBase64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new DomainError('invalid_input', 'Bitte die Eingaben prüfen.', { pdfBase64: 'Das ist keine PDF-Datei.' });
  }
  return core.printPdf(bytes, input.title);
}

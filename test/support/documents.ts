import type { Core } from '../../main/core/core';
import { settleFinalSha256s } from '../../main/core/services/documents/finalize';
import type { LotseDocument, RenderedPdf } from '../../shared/api/contract';
import { pdfText } from './pdf-words';
import { callOk } from './results';

/** `documents.render` through dispatch, and the PDF's text as pdfText gives it. */
export async function renderedText(core: Core, id: string): Promise<string> {
  return pdfText((await callOk<RenderedPdf>(core, 'documents.render', { id })).pdfBase64);
}

/**
 * `documents.finalize` through dispatch, then the document once the host has
 * kept its PDF's sha256 (finalizing renders nothing; the PDF is rendered after
 * the commit): for tests that compare reprints with the stored sha256.
 */
export async function finalizeWithSha256(
  core: Core,
  input: { id: string; omitFields?: string[]; otherLegalBasis?: { basis: string; reason: string } },
): Promise<LotseDocument> {
  const { id } = await callOk<LotseDocument>(core, 'documents.finalize', input);
  await settleFinalSha256s(core);
  return callOk<LotseDocument>(core, 'documents.get', { id });
}

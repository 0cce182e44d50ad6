import type { Core } from '../../main/core/core';
import { settleFinalSha256s } from '../../main/core/services/documents/finalize';
import type { LotseDocument, MethodInput, RenderedPdf } from '../../shared/api/contract';
import { SAMPLE_CLIENT } from './core';
import { pdfText } from './pdf-words';
import { callOk } from './results';

/** `documents.render` through dispatch, and the PDF's text as pdfText gives it. */
export async function renderedText(core: Core, id: string): Promise<string> {
  return pdfText((await callOk<RenderedPdf>(core, 'documents.render', { id })).pdfBase64);
}

/**
 * The client of most document tests (and the bench's letter): a Duldung (a
 * residence field a consent may leave out), languages, a phone, a file number.
 */
export const REFERRAL_CLIENT: MethodInput<'clients.create'> = {
  ...SAMPLE_CLIENT,
  phone: '0176 1234567',
  languages: [{ language: 'Türkisch', interpreterNeeded: false }],
  counselingFields: ['recognition', 'language-courses'],
  residenceStatus: 'duldung',
  residenceValidUntil: '2027-02-15',
  fileNumber: 'KI-2026-0815',
};

/** A legal basis other than consent, with its reason, as finalize takes it when no consent covers the recipient. */
export const OTHER_BASIS = { basis: '§ 69 SGB X', reason: 'Übermittlung an einen Sozialleistungsträger für dessen gesetzliche Aufgabe' };

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

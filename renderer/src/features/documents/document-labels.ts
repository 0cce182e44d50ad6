import type { LotseDocument } from '../../../../shared/api/contract';
import { localIsoDate, safeFileNamePart } from '../../ui/format';

/** The subject a letter's author gave it, where the form has one. */
export function documentSubject(document: LotseDocument): string {
  const subject = document.values.subject;
  return typeof subject === 'string' ? subject.trim() : '';
}

/** How a document is named in lists and headings: its subject, else its form's title. */
export function documentTitle(document: LotseDocument): string {
  return documentSubject(document) || document.templateTitle;
}

/** `Freier_Brief-Anna_Müller-2026-01-05.pdf`; a draft's name says so (`suffix`). */
export function pdfFileName(document: LotseDocument, suffix?: string): string {
  const day = localIsoDate(document.finalizedAt ?? document.updatedAt);
  const parts = [safeFileNamePart(document.templateTitle), safeFileNamePart(document.clientName), day, ...(suffix ? [suffix] : [])];
  return `${parts.join('-')}.pdf`;
}

/** The first characters of a checksum, enough to compare a printout by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

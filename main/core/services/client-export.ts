import { strToU8, zipSync } from 'fflate';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import { listAuditEntries } from '../db/queries/audit';
import { listConsents } from '../db/queries/consents';
import { listDocuments } from '../db/queries/documents';
import { recordAudit } from './audit';
import { getClient } from './clients';
import { renderDataAccessInformation } from './data-access-information';
import { renderDocument } from './documents';

function safeFileNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}-]+/gu, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'Klientin'
  );
}

/** The Art. 15 information in the ZIP: the letter a person reads first. */
export const DATA_ACCESS_PDF = 'Auskunft-nach-Art-15-DSGVO.pdf';

/**
 * GDPR Art. 15: everything Lotse holds about the person as one ZIP: the
 * information as a German letter to read (`DATA_ACCESS_PDF`), a JSON file with
 * the record, consents, documents and their audit lines, and each document as
 * the PDF it prints as.
 */
export async function exportClient(core: Core, id: string): Promise<{ fileName: string; zipBase64: string }> {
  const client = getClient(core, id);
  const today = todayIso(core.now());
  const files: Record<string, Uint8Array> = {};
  const pdfNames: Record<string, string> = {};
  for (const [index, document] of listDocuments(core.db, { clientId: id }).entries()) {
    const rendered = await renderDocument(core, document.id);
    const name = `dokumente/${String(index + 1).padStart(3, '0')}-${document.templateId}-${document.createdAt.slice(0, 10)}.pdf`;
    files[name] = Buffer.from(rendered.pdfBase64, 'base64');
    pdfNames[document.id] = name;
  }
  // Read after rendering: a document finalized a moment ago keeps its sha256 at its first render.
  const documents = listDocuments(core.db, { clientId: id });
  const consents = listConsents(core.db, id, today);
  const audit = listAuditEntries(core.db, 10_000, id);
  const record = {
    format: 'lotse-auskunft',
    formatVersion: 1,
    exportedAt: core.now().toISOString(),
    client,
    consents,
    documents: documents.map((document) => ({ ...document, pdf: pdfNames[document.id] ?? null })),
    audit,
  };
  files[DATA_ACCESS_PDF] = (await renderDataAccessInformation(core, { client, consents, documents, audit })).bytes;
  files['klientin.json'] = strToU8(JSON.stringify(record, null, 2));
  const zip = zipSync(files, { mtime: core.now() });
  // Handing out a person's whole record is itself a line of the trail (after the record's lines were read: the export does not list itself).
  core.db.transaction(() =>
    recordAudit(core, {
      action: 'clients.export',
      subjectType: 'client',
      subjectId: id,
      clientId: id,
      details: { documents: documents.length, consents: record.consents.length },
    }),
  )();
  return { fileName: `Auskunft-${safeFileNamePart(client.familyName)}-${today}.zip`, zipBase64: Buffer.from(zip).toString('base64') };
}

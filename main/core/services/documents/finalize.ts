import type { LotseDocument, RenderedPdf } from '../../../../shared/api/contract';
import { undeliverableMessage } from '../../../../shared/domain/postal-address';
import type { FormDefinition } from '../../../../shared/forms';
import type { FormValues } from '../../../../shared/forms/values';
import type { Core } from '../../core';
import * as queries from '../../db/queries/documents';
import { DomainError, invalid } from '../../errors';
import { undeliverable } from '../../pdf/recipients';
import { recordAudit } from '../audit';
import { createConsentFromForm } from '../consent-forms';
import { assertSetUp } from '../settings';
import { loadedSnapshot, storedSnapshot } from '../final-snapshot';
import { templateDefinition } from '../templates';
import { legalBasisFor, omitFields } from './consent-gate';
import { checkedValues, contextOfDocument, getDocument, getDraft, refreshRecipientValues } from './drafts';
import { printContextOf, renderDocumentPdf, snapshotOf, type FinalSnapshot } from './pdf';

/**
 * Documents from draft to final (DESIGN.md §5), the final half. Finalizing
 * checks the draft complete, applies the consent gate, freezes values,
 * recipient and everything the PDF is made of, and keeps the PDF's sha256;
 * a reprint renders the same bytes.
 */

async function renderWith(
  form: FormDefinition,
  values: FormValues,
  omittedFields: string[],
  snapshot: FinalSnapshot,
  creationDate: Date,
  kind: 'draft' | 'final',
): Promise<RenderedPdf> {
  const { bytes, sha256, pages } = await renderDocumentPdf(form, values, omittedFields, snapshot, creationDate, kind);
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}

/** A draft as it stands now, or a final document from its frozen snapshot: the same bytes every time. */
export async function renderDocument(core: Core, id: string): Promise<RenderedPdf> {
  const document = getDocument(core, id);
  if (document.status === 'draft') {
    const context = contextOfDocument(core, document);
    const values = document.values as FormValues;
    return renderWith(context.form, values, document.omittedFields, snapshotOf(printContextOf(context, values)), context.now, 'draft');
  }
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  const snapshot = loadedSnapshot(core, queries.finalSnapshot(core.db, id));
  return renderWith(form, document.values as FormValues, document.omittedFields, snapshot, new Date(document.finalizedAt ?? document.updatedAt), 'final');
}

/**
 * `documents.render` as a caller asks for it: a final document handed out
 * (to view, print or save) is a line of the trail; a draft's preview is not
 * (it changes with every keystroke and nothing has left the desk).
 */
export async function renderDocumentForCaller(core: Core, id: string): Promise<RenderedPdf> {
  const document = getDocument(core, id);
  const rendered = await renderDocument(core, id);
  if (document.status === 'final') {
    core.db.transaction(() =>
      recordAudit(core, {
        action: 'documents.render',
        subjectType: 'document',
        subjectId: id,
        clientId: document.clientId,
        details: { sha256: rendered.sha256 },
      }),
    )();
  }
  return rendered;
}

/**
 * Freezes a draft once the setup is done: complete values, the consent gate, fields left out, the
 * recipient and letterhead as they are now, the PDF's sha256. A consent form
 * pre-creates its consent record. One transaction; nothing half written.
 */
export async function finalizeDocument(
  core: Core,
  input: { id: string; omitFields: string[]; otherLegalBasis?: { basis: string; reason: string } },
): Promise<LotseDocument> {
  const document = getDraft(core, input.id);
  const context = contextOfDocument(core, document);
  assertSetUp(context.prefill.settings);
  const { form } = context;
  if (form.recipient === 'partner' && document.partnerId === null) throw invalid({ partnerId: { key: 'documents.recipientMissing' } });
  // A letter whose window shows no deliverable address must not go out; `recipientAddress` tells the editor to link to the record.
  const address = context.recipient && undeliverable(context.recipient);
  if (address) {
    const message = undeliverableMessage(address);
    throw new DomainError('invalid_input', message, { recipientAddress: message });
  }
  const current = refreshRecipientValues(context, { values: document.values as FormValues, prefilled: document.prefilled });
  const values = omitFields(form, checkedValues(context, current.values, true), input.omitFields);
  const legalBasis = legalBasisFor(context, values, input.otherLegalBasis);
  const omittedFields = [...new Set(input.omitFields)];
  const snapshot = snapshotOf(printContextOf(context, values));
  const pdf = await renderWith(form, values, omittedFields, snapshot, context.now, 'final');
  return core.db.transaction(() => {
    const consentId = form.effect === 'consent-record' ? createConsentFromForm(core, document, values).id : null;
    const done = queries.finalizeDraft(core.db, document.id, document.updatedAt, {
      values,
      finalizedAt: context.now.toISOString(),
      sha256: pdf.sha256,
      snapshot: storedSnapshot(core, snapshot),
      legalBasis,
      omittedFields,
      referralStatus: form.tracksReferral ? 'created' : null,
      consentId,
    });
    if (!done) throw new DomainError('conflict', { key: 'documents.draftChanged' });
    recordAudit(
      core,
      {
        action: 'documents.finalize',
        subjectType: 'document',
        subjectId: document.id,
        clientId: document.clientId,
        details: {
          templateId: form.id,
          templateVersion: form.version,
          sha256: pdf.sha256,
          omittedFields,
          // Another legal basis (the consent gate overridden) is marked here; basis and reason are free text and stay with the
          // document (erased with the person), since the trail outlives an erasure and must hold no personal values.
          ...(legalBasis === null ? {} : legalBasis.kind === 'consent' ? { consentId: legalBasis.consentId } : { otherLegalBasis: true }),
        },
      },
      { now: context.now, settings: context.prefill.settings },
    );
    return getDocument(core, document.id);
  })();
}

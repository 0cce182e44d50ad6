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
import { checkedDocumentDefinition, printContextOf, printTranslationOf, renderDocumentPdf, snapshotOf, type FinalSnapshot } from './pdf';

/**
 * Documents from draft to final (DESIGN.md §5), the final half. Finalizing
 * checks the draft complete, applies the consent gate, runs the print check,
 * and freezes values, recipient and everything the PDF is made of: write and
 * audit, no rendering. The final PDF's bytes follow from what is frozen, so
 * its sha256 is kept after the commit, off the request path (`keepSha256Later`),
 * or at the document's first render, whichever comes first; every reprint
 * renders the same bytes.
 */

/**
 * How long after finalizing the final PDF is rendered for its sha256: the
 * editor asks for the final PDF at once (`documents.render`), which keeps the
 * sha256 itself, so the background render mostly finds nothing left to do.
 */
const KEEP_SHA256_AFTER_MS = 1000;

interface PendingSha256s {
  timers: Map<string, NodeJS.Timeout>;
  running: Set<Promise<void>>;
  closed: boolean;
}

const pendingByCore = new WeakMap<Core, PendingSha256s>();

function pendingOf(core: Core): PendingSha256s {
  let pending = pendingByCore.get(core);
  if (!pending) {
    const created: PendingSha256s = { timers: new Map(), running: new Set(), closed: false };
    pendingByCore.set(core, created);
    core.onClose(() => {
      created.closed = true;
      for (const timer of created.timers.values()) clearTimeout(timer);
      created.timers.clear();
    });
    pending = created;
  }
  return pending;
}

/** Renders a final document that has no sha256 yet, which keeps it (renderDocument); nothing when it has one. */
function keepSha256Now(core: Core, pending: PendingSha256s, id: string): Promise<void> {
  const job = (async () => {
    if (pending.closed) return;
    const document = queries.getDocument(core.db, id);
    if (!document || document.status !== 'final' || document.sha256 !== null) return;
    await renderDocument(core, id);
  })()
    .catch((error: unknown) => {
      // The store closed or was replaced meanwhile, or the document went with an erasure: the first render keeps the sha256.
      if (!pending.closed && !(error instanceof DomainError)) console.error(`[lotse] keeping the sha256 of document ${id} failed:`, error);
    })
    .finally(() => pending.running.delete(job));
  pending.running.add(job);
  return job;
}

/** After the commit of a finalization: the final PDF is rendered a little later, in the background, for its sha256. */
function keepSha256Later(core: Core, id: string): void {
  const pending = pendingOf(core);
  const timer = setTimeout(() => {
    pending.timers.delete(id);
    void keepSha256Now(core, pending, id);
  }, KEEP_SHA256_AFTER_MS);
  // A host that is closing does not wait for it: the first render keeps the sha256.
  timer.unref();
  pending.timers.set(id, timer);
}

/** Keeps every sha256 still waiting, now (tests and the bench wait for them): resolves when all are kept. */
export async function settleFinalSha256s(core: Core): Promise<void> {
  const pending = pendingByCore.get(core);
  if (!pending) return;
  for (const [id, timer] of [...pending.timers]) {
    clearTimeout(timer);
    pending.timers.delete(id);
    void keepSha256Now(core, pending, id);
  }
  await Promise.all([...pending.running]);
}

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

/**
 * A draft as it stands now, or a final document from its frozen snapshot: the
 * same bytes every time. A final document without a sha256 yet (just
 * finalized, or the host stopped before the background render) keeps the one
 * rendered here.
 */
export async function renderDocument(core: Core, id: string): Promise<RenderedPdf> {
  const document = getDocument(core, id);
  if (document.status === 'draft') {
    const context = contextOfDocument(core, document);
    const values = document.values as FormValues;
    const snapshot = snapshotOf(printContextOf(context, values, printTranslationOf(context.form, document)));
    return renderWith(context.form, values, document.omittedFields, snapshot, context.now, 'draft');
  }
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  const snapshot = loadedSnapshot(core, queries.finalSnapshot(core.db, id));
  const rendered = await renderWith(
    form,
    document.values as FormValues,
    document.omittedFields,
    snapshot,
    new Date(document.finalizedAt ?? document.updatedAt),
    'final',
  );
  if (document.sha256 === null) queries.recordFinalSha256(core.db, id, rendered.sha256);
  return rendered;
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
 * recipient and letterhead as they are now. Whatever the final PDF would
 * refuse to print (characters no shipped font has) is refused
 * here, before anything is final; the PDF itself is rendered after the
 * commit for its sha256 (the returned document has none yet). A consent form
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
  const translation = printTranslationOf(form, document);
  const snapshot = snapshotOf(printContextOf(context, values, translation));
  // The print check of the final PDF, without rendering it: the rendering waits until after the commit.
  checkedDocumentDefinition(form, values, omittedFields, snapshot, context.now, 'final');
  const finalized = core.db.transaction(() => {
    const consentId = form.effect === 'consent-record' ? createConsentFromForm(core, document, values).id : null;
    const done = queries.finalizeDraft(core.db, document.id, document.updatedAt, {
      values,
      finalizedAt: context.now.toISOString(),
      sha256: null,
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
          // No sha256: the PDF is not rendered yet. Every time it leaves the desk its sha256 is a line of the
          // trail (documents.render, documents.printMany, pdf.print), and the document keeps it (documents.get).
          omittedFields,
          // The language printed beside the German and whether its translation was checked: no personal data.
          ...(translation === null ? {} : { translationLanguage: translation.language, translationChecked: translation.review !== null }),
          // Another legal basis (the consent gate overridden) is marked here; basis and reason are free text and stay with the
          // document (erased with the person), since the trail outlives an erasure and must hold no personal values.
          ...(legalBasis === null ? {} : legalBasis.kind === 'consent' ? { consentId: legalBasis.consentId } : { otherLegalBasis: true }),
        },
      },
      { now: context.now, settings: context.prefill.settings },
    );
    return getDocument(core, document.id);
  })();
  keepSha256Later(core, finalized.id);
  return finalized;
}

import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  Client,
  Consent,
  Disclosure,
  DocumentListFilter,
  LegalBasis,
  LotseDocument,
  Partner,
  ReferralStatus,
  RenderedPdf,
} from '../../../shared/api/contract';
import type { FieldErrors } from '../../../shared/api/errors';
import { todayIso } from '../../../shared/domain/iso-date';
import { inputFieldsOf, type FormDefinition, type InputFieldDefinition } from '../../../shared/forms';
import { prefilledValues } from '../../../shared/forms/fill';
import type { PrefillContext } from '../../../shared/forms/prefill';
import { blankValue, displayValue, isBlankValue, validateFormValues, type FormValues } from '../../../shared/forms/values';
import type { Core } from '../core';
import * as queries from '../db/queries/documents';
import { coveringConsentIds, getConsent } from '../db/queries/consents';
import { getPartner as findPartner } from '../db/queries/partners';
import { getResidenceStatus } from '../db/queries/residence-statuses';
import { DomainError, notFound } from '../errors';
import { addressBlock } from '../pdf/address-block';
import { recordAudit } from './audit';
import { getClient } from './clients';
import { createConsentFromForm } from './consent-forms';
import { clientRecipient, renderDocumentPdf, type FinalSnapshot } from './document-pdf';
import { loadedSnapshot, storedSnapshot } from './final-snapshot';
import { getPartner, partnerAddressBlock } from './partners';
import { getSettings } from './settings';
import { templateDefinition } from './templates';

/**
 * Documents from draft to final (DESIGN.md §5). A draft is prefilled from
 * the client, the partner, the settings and a covering consent, and
 * autosaved while incomplete. Finalizing checks it complete, applies the
 * consent gate, freezes values, recipient and everything the PDF is made
 * of, and keeps the PDF's sha256; a reprint renders the same bytes.
 */

function invalid(fields: FieldErrors): never {
  throw new DomainError('invalid_input', 'Bitte die Eingaben prüfen.', fields);
}

function partnerOrNull(core: Core, partnerId: string | null): Partner | null {
  return partnerId === null ? null : getPartner(core, partnerId);
}

function partnerExists(core: Core): (id: string) => boolean {
  const today = todayIso(core.now());
  return (id) => findPartner(core.db, id, today) !== undefined;
}

/** The newest valid consent that covers the partner for the client today. */
function coveringConsent(core: Core, clientId: string, partner: Partner | null): Consent | null {
  if (partner === null) return null;
  const today = todayIso(core.now());
  const [newest] = coveringConsentIds(core.db, { clientId, partnerId: partner.id, recipientName: partner.name, date: today });
  return newest === undefined ? null : (getConsent(core.db, newest, today) ?? null);
}

function prefillContext(core: Core, client: Client, partner: Partner | null): PrefillContext {
  const status = client.residenceStatus === null ? undefined : getResidenceStatus(core.db, client.residenceStatus);
  return {
    client,
    partner,
    settings: getSettings(core),
    consent: coveringConsent(core, client.id, partner),
    residenceStatusLabel: status?.label ?? '',
    today: todayIso(core.now()),
  };
}

/** Who the document is addressed to must fit the form: a partner form names a partner, a form without recipient none. */
function checkRecipient(form: FormDefinition, partnerId: string | null): void {
  if (form.recipient === 'none' && partnerId !== null) invalid({ partnerId: `„${form.title}“ wird nicht an einen Partner adressiert.` });
}

function checkedValues(core: Core, form: FormDefinition, values: Record<string, unknown>, complete: boolean): FormValues {
  const result = validateFormValues(form, values, { complete, partnerExists: partnerExists(core) });
  if (Object.keys(result.errors).length > 0) invalid(result.errors);
  return result.values;
}

export function getDocument(core: Core, id: string): LotseDocument {
  const document = queries.getDocument(core.db, id);
  if (!document) throw notFound('Das Dokument');
  return document;
}

function getDraft(core: Core, id: string): LotseDocument {
  const document = getDocument(core, id);
  if (document.status !== 'draft') {
    throw new DomainError('conflict', 'Ein endgültiges Dokument wird nicht mehr geändert. Für eine Korrektur bitte ein neues Dokument anlegen.');
  }
  return document;
}

/**
 * A new draft from the newest template version. A correction starts from
 * the values of the final document it corrects; values given win over both.
 */
export function createDocument(
  core: Core,
  input: { templateId: string; clientId: string; partnerId: string | null; values: Record<string, unknown>; correctsId?: string },
): LotseDocument {
  const form = templateDefinition(core, input.templateId);
  const corrected = input.correctsId === undefined ? null : getDocument(core, input.correctsId);
  if (corrected && (corrected.status !== 'final' || corrected.clientId !== input.clientId || corrected.templateId !== input.templateId)) {
    invalid({ correctsId: 'Korrigiert wird ein endgültiges Dokument derselben Vorlage für dieselbe Person.' });
  }
  const partnerId = input.partnerId ?? corrected?.partnerId ?? null;
  checkRecipient(form, partnerId);
  const client = getClient(core, input.clientId);
  const prefill = prefilledValues(form, prefillContext(core, client, partnerOrNull(core, partnerId)));
  const known = new Set(inputFieldsOf(form).map((field) => field.id));
  const carried = corrected ? Object.fromEntries(Object.entries(corrected.values).filter(([key]) => known.has(key))) : {};
  const given = { ...carried, ...input.values };
  const values = checkedValues(core, form, { ...prefill.values, ...given }, false);
  const prefilled = prefill.prefilled.filter((key) => !(key in given));
  const id = randomUUID();
  return core.db.transaction(() => {
    queries.insertDocument(
      core.db,
      { id, templateId: form.id, templateVersion: form.version, clientId: client.id, partnerId, values, prefilled, correctsId: corrected?.id ?? null },
      core.now().toISOString(),
    );
    recordAudit(core, {
      action: 'documents.create',
      subjectType: 'document',
      subjectId: id,
      clientId: client.id,
      details: { templateId: form.id, templateVersion: form.version, ...(corrected ? { correctsId: corrected.id } : {}) },
    });
    return getDocument(core, id);
  })();
}

/** Whether a field's prefill comes from the recipient (the partner or the consent that covers it). */
function dependsOnPartner(field: InputFieldDefinition): boolean {
  return field.prefill?.startsWith('partner.') === true || field.prefill?.startsWith('consent.') === true;
}

/**
 * Values that depend on the recipient (the partner and the consent covering
 * it) and still are as prefilled, or empty, are prefilled again: after the
 * partner changed, and at finalization (a consent signed since the draft was
 * made is the one the letter refers to). What the counselor typed stays.
 */
function refreshRecipientValues(
  core: Core,
  form: FormDefinition,
  clientId: string,
  partnerId: string | null,
  draft: { values: FormValues; prefilled: string[] },
): { values: FormValues; prefilled: string[] } {
  const fresh = prefilledValues(form, prefillContext(core, getClient(core, clientId), partnerOrNull(core, partnerId)));
  const refreshed = new Set(
    inputFieldsOf(form)
      .filter((field) => dependsOnPartner(field) && (draft.prefilled.includes(field.id) || isBlankValue(draft.values[field.id])))
      .map((field) => field.id),
  );
  const values = { ...draft.values };
  for (const fieldId of refreshed) values[fieldId] = fresh.values[fieldId] ?? values[fieldId] ?? '';
  return {
    values,
    prefilled: [...draft.prefilled.filter((key) => !refreshed.has(key)), ...fresh.prefilled.filter((key) => refreshed.has(key))],
  };
}

/** Autosave: a draft keeps incomplete values; wrong ones are refused. A field stays "prefilled" while unchanged. */
export function updateDocument(core: Core, id: string, values: Record<string, unknown>, partnerId: string | null | undefined): LotseDocument {
  const document = getDraft(core, id);
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  const nextPartnerId = partnerId === undefined ? document.partnerId : partnerId;
  checkRecipient(form, nextPartnerId);
  if (nextPartnerId !== null) getPartner(core, nextPartnerId);
  const clean = checkedValues(core, form, values, false);
  const unchanged = document.prefilled.filter((key) => isDeepStrictEqual(document.values[key], clean[key]));
  const draft =
    nextPartnerId === document.partnerId
      ? { values: clean, prefilled: unchanged }
      : refreshRecipientValues(core, form, document.clientId, nextPartnerId, { values: clean, prefilled: unchanged });
  core.db.transaction(() => {
    if (!queries.updateDraft(core.db, id, { ...draft, partnerId: nextPartnerId }, core.now().toISOString())) {
      throw notFound('Der Entwurf');
    }
  })();
  return getDocument(core, id);
}

export function listDocuments(core: Core, filter: DocumentListFilter): LotseDocument[] {
  return queries.listDocuments(core.db, filter);
}

export function discardDocument(core: Core, id: string): void {
  const document = getDraft(core, id);
  core.db.transaction(() => {
    queries.deleteDraft(core.db, id);
    recordAudit(core, { action: 'documents.discard', subjectType: 'document', subjectId: id, clientId: document.clientId, details: {} });
  })();
}

/** Personal fields of the form that carry a value, as they would print. */
function personalFields(form: FormDefinition, values: FormValues, partnerName: (id: string) => string) {
  return inputFieldsOf(form).flatMap((field) =>
    field.personal !== undefined && !isBlankValue(values[field.id])
      ? [{ field, kind: field.personal, value: field.type === 'lines' ? '' : displayValue(field, values[field.id], partnerName) }]
      : [],
  );
}

function consentCoversKind(consent: Consent, kind: string): boolean {
  return kind === 'health' ? consent.healthData : (consent.dataCategories as string[]).includes(kind);
}

function livePartnerName(core: Core): (id: string) => string {
  const today = todayIso(core.now());
  return (id) => findPartner(core.db, id, today)?.name ?? '';
}

/** What would reach the recipient, and whether the covering consent names each kind of data. */
export function documentDisclosure(core: Core, id: string): Disclosure {
  const document = getDocument(core, id);
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  const consent = form.consentGate ? coveringConsent(core, document.clientId, partnerOrNull(core, document.partnerId)) : null;
  const values = document.values as FormValues;
  return {
    consentGate: form.consentGate,
    consent:
      consent && consent.signedOn !== null
        ? {
            id: consent.id,
            signedOn: consent.signedOn,
            validUntil: consent.validUntil,
            dataCategories: [...consent.dataCategories],
            healthData: consent.healthData,
          }
        : null,
    items: personalFields(form, values, livePartnerName(core)).map(({ field, kind, value }) => ({
      fieldId: field.id,
      label: field.label,
      kind,
      value,
      covered: consent !== null && consentCoversKind(consent, kind),
    })),
  };
}

function recipientLines(core: Core, form: FormDefinition, partnerId: string | null, client: Client): string[] {
  if (partnerId !== null) return partnerAddressBlock(core, partnerId).lines;
  if (form.recipient !== 'client') return [];
  return addressBlock(clientRecipient(client)).lines;
}

/** Names of the partners the values pick (partner fields), so a final reprint does not depend on the directory. */
function partnerNamesOf(core: Core, form: FormDefinition, values: FormValues): Record<string, string> {
  const name = livePartnerName(core);
  return Object.fromEntries(
    inputFieldsOf(form).flatMap((field) => {
      const value = values[field.id];
      return field.type === 'partner' && typeof value === 'string' && value !== '' ? [[value, name(value)]] : [];
    }),
  );
}

/** What a final document of this form for this client and recipient is made of today, besides its values. */
function snapshotFor(core: Core, form: FormDefinition, client: Client, partnerId: string | null, values: FormValues): FinalSnapshot {
  const { context, partnerNames } = snapshotWithoutRecipient(core, form, client, partnerId, values);
  return { context, recipientLines: recipientLines(core, form, partnerId, client), partnerNames };
}

/**
 * The snapshot of a final document but its address lines, which the caller
 * lays out itself (the serial-letter worker does, off the host's thread).
 */
export function snapshotWithoutRecipient(
  core: Core,
  form: FormDefinition,
  client: Client,
  partnerId: string | null,
  values: FormValues,
): Omit<FinalSnapshot, 'recipientLines'> {
  const context = prefillContext(core, client, partnerOrNull(core, partnerId));
  return {
    // The notes are the counselor's own and never printed: they stay out of the frozen copy.
    context: { ...context, client: { ...client, notes: '' } },
    partnerNames: partnerNamesOf(core, form, values),
  };
}

function liveSnapshot(core: Core, form: FormDefinition, document: LotseDocument): FinalSnapshot {
  return snapshotFor(core, form, getClient(core, document.clientId), document.partnerId, document.values as FormValues);
}

/** The values a new document of this form for this client (no partner) starts with. */
export function clientPrefill(core: Core, form: FormDefinition, client: Client): { values: FormValues; prefilled: string[] } {
  return prefilledValues(form, prefillContext(core, client, null));
}

/** Checks values as a draft (`complete: false`) or for finalizing; the errors by field path. */
export function validateDocumentValues(core: Core, form: FormDefinition, values: Record<string, unknown>, complete: boolean) {
  return validateFormValues(form, values, { complete, partnerExists: partnerExists(core) });
}

async function renderWith(
  form: FormDefinition,
  document: LotseDocument,
  values: FormValues,
  snapshot: FinalSnapshot,
  creationDate: Date,
): Promise<RenderedPdf> {
  const { bytes, sha256, pages } = await renderDocumentPdf(form, values, document.omittedFields, snapshot, creationDate);
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}

/** A draft as it stands today, or a final document from its frozen snapshot: the same bytes every time. */
export async function renderDocument(core: Core, id: string): Promise<RenderedPdf> {
  const document = getDocument(core, id);
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  if (document.status === 'draft') return renderWith(form, document, document.values as FormValues, liveSnapshot(core, form, document), core.now());
  const snapshot = loadedSnapshot(core, queries.finalSnapshot(core.db, id));
  return renderWith(form, document, document.values as FormValues, snapshot, new Date(document.finalizedAt ?? document.updatedAt));
}

/** Blanks the personal fields the counselor leaves out; only personal fields may be left out. */
function omitFields(form: FormDefinition, values: FormValues, omit: string[]): FormValues {
  const fields = new Map(inputFieldsOf(form).map((field) => [field.id, field]));
  const errors: FieldErrors = {};
  const result = { ...values };
  for (const fieldId of omit) {
    const field = fields.get(fieldId);
    if (!field || field.personal === undefined) errors[`omitFields.${fieldId}`] = `„${fieldId}“ ist kein Feld mit persönlichen Daten dieser Vorlage.`;
    else result[fieldId] = blankValue(field);
  }
  if (Object.keys(errors).length > 0) invalid(errors);
  return result;
}

/**
 * The consent gate (DOMAIN.md): personal data go to a partner only under a
 * valid consent naming it, and only the kinds of data that consent names —
 * or under another legal basis the counselor states with a reason.
 */
function legalBasisFor(
  core: Core,
  form: FormDefinition,
  document: LotseDocument,
  values: FormValues,
  otherLegalBasis: { basis: string; reason: string } | undefined,
): LegalBasis | null {
  if (!form.consentGate) return null;
  if (otherLegalBasis) return { kind: 'other', ...otherLegalBasis };
  const partner = partnerOrNull(core, document.partnerId);
  const consent = coveringConsent(core, document.clientId, partner);
  if (consent === null || consent.signedOn === null) {
    throw new DomainError(
      'consent_missing',
      `Für die Übermittlung an „${partner?.name ?? ''}“ liegt heute keine gültige Einwilligung vor. Bitte eine Einwilligung erfassen oder eine andere Rechtsgrundlage mit Begründung angeben.`,
    );
  }
  const uncovered: FieldErrors = {};
  for (const { field, kind } of personalFields(form, values, livePartnerName(core))) {
    if (!consentCoversKind(consent, kind)) {
      uncovered[`values.${field.id}`] = `${field.label}: Die Einwilligung vom ${consent.signedOn} umfasst diese Daten nicht. Bitte weglassen.`;
    }
  }
  if (Object.keys(uncovered).length > 0) {
    throw new DomainError('consent_missing', 'Die Einwilligung deckt nicht alle Angaben ab, die übermittelt würden. Bitte diese Felder weglassen.', uncovered);
  }
  return { kind: 'consent', consentId: consent.id, signedOn: consent.signedOn };
}

/**
 * Freezes a draft: complete values, the consent gate, fields left out, the
 * recipient and letterhead as they are now, the PDF's sha256. A consent form
 * pre-creates its consent record. One transaction; nothing half written.
 */
export async function finalizeDocument(
  core: Core,
  input: { id: string; omitFields: string[]; otherLegalBasis?: { basis: string; reason: string } },
): Promise<LotseDocument> {
  const document = getDraft(core, input.id);
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  if (form.recipient === 'partner' && document.partnerId === null) invalid({ partnerId: 'Bitte die Empfänger*in aus dem Netzwerk wählen.' });
  const current = refreshRecipientValues(core, form, document.clientId, document.partnerId, {
    values: document.values as FormValues,
    prefilled: document.prefilled,
  });
  const values = omitFields(form, checkedValues(core, form, current.values, true), input.omitFields);
  const legalBasis = legalBasisFor(core, form, document, values, input.otherLegalBasis);
  const finalizedAt = core.now();
  const snapshot = liveSnapshot(core, form, document);
  const frozen = { ...document, omittedFields: [...new Set(input.omitFields)] };
  const pdf = await renderWith(form, frozen, values, snapshot, finalizedAt);
  return core.db.transaction(() => {
    const consentId = form.effect === 'consent-record' ? createConsentFromForm(core, document, values).id : null;
    const done = queries.finalizeDraft(core.db, document.id, document.updatedAt, {
      values,
      finalizedAt: finalizedAt.toISOString(),
      sha256: pdf.sha256,
      snapshot: storedSnapshot(core, snapshot),
      legalBasis,
      omittedFields: frozen.omittedFields,
      referralStatus: form.tracksReferral ? 'created' : null,
      consentId,
    });
    if (!done) throw new DomainError('conflict', 'Der Entwurf wurde gerade geändert. Bitte die Vorschau prüfen und erneut abschließen.');
    recordAudit(core, {
      action: 'documents.finalize',
      subjectType: 'document',
      subjectId: document.id,
      clientId: document.clientId,
      details: {
        templateId: form.id,
        templateVersion: form.version,
        sha256: pdf.sha256,
        omittedFields: frozen.omittedFields,
        // Another legal basis is kept here with its reason (DOMAIN.md); the trail of an erased client goes with it.
        ...(legalBasis === null
          ? {}
          : legalBasis.kind === 'consent'
            ? { consentId: legalBasis.consentId }
            : { legalBasis: legalBasis.basis, reason: legalBasis.reason }),
      },
    });
    return getDocument(core, document.id);
  })();
}

/** erstellt → übergeben → Rückmeldung erhalten → abgeschlossen; a follow-up date feeds the deadline list. */
export function setReferralStatus(core: Core, id: string, status: ReferralStatus, followUpDate: string | null): LotseDocument {
  const document = getDocument(core, id);
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  if (!form.tracksReferral) invalid({ referralStatus: `„${form.title}“ hat keinen Überleitungsstatus.` });
  if (document.status !== 'final') invalid({ referralStatus: 'Den Status gibt es erst, wenn das Dokument endgültig ist.' });
  core.db.transaction(() => {
    queries.setReferralStatus(core.db, id, status, status === 'closed' ? null : followUpDate, core.now().toISOString());
    recordAudit(core, {
      action: 'documents.setStatus',
      subjectType: 'document',
      subjectId: id,
      clientId: document.clientId,
      details: { referralStatus: status, followUpDate },
    });
  })();
  return getDocument(core, id);
}

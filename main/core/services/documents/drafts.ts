import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { BilingualLayout, DocumentListFilter, LanguageCode, LotseDocument, ReferralStatus } from '../../../../shared/api/contract';
import { LANGUAGES, languageCodeOf } from '../../../../shared/domain/languages';
import { inputFieldsOf, type FormDefinition, type InputFieldDefinition } from '../../../../shared/forms';
import { prefilledValues } from '../../../../shared/forms/fill';
import { isBlankValue, validateFormValues, type FormValues } from '../../../../shared/forms/values';
import type { Core } from '../../core';
import * as queries from '../../db/queries/documents';
import { DomainError, invalid, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { consentValuesForReferral } from '../consent-forms';
import { documentTemplateDefinition, templateDefinition } from '../templates';
import { loadDocumentContext, type DocumentContext, type LetterAddressing } from './context';

/**
 * Documents from draft to final (DESIGN.md §5), the draft half: a draft is
 * prefilled from its context (client, partner, settings, covering consent)
 * and autosaved while incomplete.
 */

/** Checks values as a draft (`complete: false`) or for finalizing; partners picked in fields must exist. */
export function checkedValues(context: DocumentContext, values: Record<string, unknown>, complete: boolean): FormValues {
  const result = validateFormValues(context.form, values, { complete, partnerExists: (id) => context.findPartner(id) !== undefined });
  if (Object.keys(result.errors).length > 0) throw invalid(result.errors);
  return result.values;
}

/** Who the document is addressed to must fit the form: a form without recipient names no partner. */
function checkRecipient(form: FormDefinition, partnerId: string | null): void {
  if (form.recipient === 'none' && partnerId !== null) throw invalid({ partnerId: { key: 'documents.notToPartner', params: { title: form.title } } });
}

export function getDocument(core: Core, id: string): LotseDocument {
  const document = queries.getDocument(core.db, id);
  if (!document) throw notFound('document');
  return document;
}

export function getDraft(core: Core, id: string): LotseDocument {
  const document = getDocument(core, id);
  if (document.status !== 'draft') {
    throw new DomainError('conflict', { key: 'documents.finalIsFinal' });
  }
  return document;
}

/** What an editor may change about whom a draft goes to; left out: as the document has it. */
export interface RecipientChoice {
  partnerId?: string | null | undefined;
  contactId?: string | null | undefined;
  salutationOverride?: string | null | undefined;
}

/** Partner and addressing after a choice: another partner drops the contact (it was one of the old partner's) unless one is named. */
function chosenRecipient(document: LotseDocument, choice: RecipientChoice): { partnerId: string | null; addressing: LetterAddressing } {
  const partnerId = choice.partnerId === undefined ? document.partnerId : choice.partnerId;
  const contactId = choice.contactId !== undefined ? choice.contactId : partnerId === document.partnerId ? document.contactId : null;
  const salutationOverride = choice.salutationOverride === undefined ? document.salutationOverride : choice.salutationOverride;
  return { partnerId, addressing: { contactId, salutationOverride } };
}

/** A contact named by the caller must be one of the recipient partner's (a stored one the partner dropped since just counts as none). */
function checkContact(context: DocumentContext, contactId: string | null | undefined): void {
  if (contactId !== undefined && contactId !== null && context.contact === null) throw invalid({ contactId: { key: 'documents.contactUnknown' } });
}

/** The context of a document as it stands, or with another recipient (partner, contact, greeting) chosen in the editor. */
export function contextOfDocument(core: Core, document: LotseDocument, choice: RecipientChoice = {}): DocumentContext {
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  const { partnerId, addressing } = chosenRecipient(document, choice);
  checkRecipient(form, partnerId);
  return loadDocumentContext(core, form, document.clientId, partnerId, addressing);
}

/**
 * The values a consent form takes from the referral it is started from (same
 * client, a form with the consent gate): recipient, purpose, kinds of data.
 */
function valuesFromReferral(core: Core, consentForm: FormDefinition, clientId: string, referralId: string): FormValues {
  const referral = getDocument(core, referralId);
  const context = contextOfDocument(core, referral);
  if (consentForm.effect !== 'consent-record' || referral.clientId !== clientId || !context.form.consentGate) {
    throw invalid({ fromDocumentId: { key: 'documents.consentFormMismatch' } });
  }
  return consentValuesForReferral(consentForm, context, referral.values as FormValues);
}

/**
 * The language a new document prints beside the German: the one asked for
 * (null: German only), else the first of the client's languages the
 * template version has a translation in, else none.
 */
function chosenTranslation(form: FormDefinition, clientLanguages: Array<{ language: string }>, asked: LanguageCode | null | undefined): LanguageCode | null {
  if (asked !== undefined) {
    checkTranslation(form, asked);
    return asked;
  }
  for (const entry of clientLanguages) {
    const code = languageCodeOf(entry.language);
    if (code !== null && form.translations?.[code] !== undefined) return code;
  }
  return null;
}

/** A language asked for must have a translation in the template version. */
function checkTranslation(form: FormDefinition, language: LanguageCode | null): void {
  if (language !== null && form.translations?.[language] === undefined) {
    throw invalid({ translationLanguage: { key: 'documents.noTranslation', params: { title: form.title, language: LANGUAGES[language].german } } });
  }
}

/**
 * A new draft from the newest template version. A correction starts from
 * the values of the final document it corrects; a consent form from what
 * its referral asks consent for; values given win over both.
 */
export function createDocument(
  core: Core,
  input: {
    templateId: string;
    clientId: string;
    partnerId: string | null;
    contactId?: string | null | undefined;
    salutationOverride?: string | null | undefined;
    values: Record<string, unknown>;
    correctsId?: string | undefined;
    fromDocumentId?: string | undefined;
    translationLanguage?: LanguageCode | null | undefined;
  },
): LotseDocument {
  const form = documentTemplateDefinition(core, input.templateId);
  const corrected = input.correctsId === undefined ? null : getDocument(core, input.correctsId);
  if (corrected && (corrected.status !== 'final' || corrected.clientId !== input.clientId || corrected.templateId !== input.templateId)) {
    throw invalid({ correctsId: { key: 'documents.correctionMismatch' } });
  }
  const partnerId = input.partnerId ?? corrected?.partnerId ?? null;
  checkRecipient(form, partnerId);
  // A correction goes to whom the corrected letter went, greeted as it was, unless told otherwise.
  const addressing: LetterAddressing = {
    contactId: input.contactId !== undefined ? input.contactId : corrected?.partnerId === partnerId ? (corrected?.contactId ?? null) : null,
    salutationOverride: input.salutationOverride !== undefined ? input.salutationOverride : (corrected?.salutationOverride ?? null),
  };
  const context = loadDocumentContext(core, form, input.clientId, partnerId, addressing);
  checkContact(context, input.contactId);
  // A correction prints in the language and layout of the document it corrects (where the template still has that translation).
  const keptLanguage =
    corrected && (corrected.translationLanguage === null || form.translations?.[corrected.translationLanguage] !== undefined)
      ? corrected.translationLanguage
      : undefined;
  const translationLanguage = chosenTranslation(
    form,
    context.prefill.client.languages,
    input.translationLanguage !== undefined ? input.translationLanguage : keptLanguage,
  );
  const prefill = prefilledValues(form, context.prefill);
  const known = new Set(inputFieldsOf(form).map((field) => field.id));
  const carried = corrected ? Object.fromEntries(Object.entries(corrected.values).filter(([key]) => known.has(key))) : {};
  const fromReferral = input.fromDocumentId === undefined ? {} : valuesFromReferral(core, form, input.clientId, input.fromDocumentId);
  const given = { ...carried, ...input.values };
  const values = checkedValues(context, { ...prefill.values, ...fromReferral, ...given }, false);
  // What the referral filled in counts as prefilled: the editor marks it for the counselor to check.
  const prefilled = [...prefill.prefilled, ...Object.keys(fromReferral)].filter((key) => !(key in given));
  const id = randomUUID();
  return core.db.transaction(() => {
    queries.insertDocument(
      core.db,
      {
        id,
        templateId: form.id,
        templateVersion: form.version,
        clientId: input.clientId,
        partnerId,
        contactId: context.contact?.id ?? null,
        salutationOverride: context.salutationOverride,
        values,
        prefilled,
        correctsId: corrected?.id ?? null,
        translationLanguage,
        bilingualLayout: corrected?.bilingualLayout ?? 'sequential',
      },
      context.now.toISOString(),
    );
    recordAudit(
      core,
      {
        action: 'documents.create',
        subjectType: 'document',
        subjectId: id,
        clientId: input.clientId,
        details: {
          templateId: form.id,
          templateVersion: form.version,
          ...(corrected ? { correctsId: corrected.id } : {}),
          ...(input.fromDocumentId === undefined ? {} : { fromDocumentId: input.fromDocumentId }),
          ...(translationLanguage === null ? {} : { translationLanguage }),
        },
      },
      { now: context.now, settings: context.prefill.settings },
    );
    return getDocument(core, id);
  })();
}

/** Whether a field's prefill comes from the recipient (the partner or the consent that covers it). */
function dependsOnRecipient(field: InputFieldDefinition): boolean {
  return field.prefill?.startsWith('partner.') === true || field.prefill?.startsWith('consent.') === true;
}

/**
 * Values that depend on the recipient (the partner and the consent covering
 * it) and still are as prefilled, or empty, are prefilled again: after the
 * partner changed, and at finalization (a consent signed since the draft was
 * made is the one the letter refers to). What the counselor typed stays.
 */
export function refreshRecipientValues(
  context: DocumentContext,
  draft: { values: FormValues; prefilled: string[] },
): { values: FormValues; prefilled: string[] } {
  const fresh = prefilledValues(context.form, context.prefill);
  const refreshed = new Set(
    inputFieldsOf(context.form)
      .filter((field) => dependsOnRecipient(field) && (draft.prefilled.includes(field.id) || isBlankValue(draft.values[field.id])))
      .map((field) => field.id),
  );
  const values = { ...draft.values };
  for (const fieldId of refreshed) values[fieldId] = fresh.values[fieldId] ?? values[fieldId] ?? '';
  return {
    values,
    prefilled: [...draft.prefilled.filter((key) => !refreshed.has(key)), ...fresh.prefilled.filter((key) => refreshed.has(key))],
  };
}

/**
 * Autosave: a draft keeps incomplete values; wrong ones are refused. A field
 * stays "prefilled" while unchanged. Partner, contact and greeting change
 * where given.
 */
export function updateDocument(
  core: Core,
  input: {
    id: string;
    values: Record<string, unknown>;
    translationLanguage?: LanguageCode | null | undefined;
    bilingualLayout?: BilingualLayout | undefined;
  } & RecipientChoice,
): LotseDocument {
  const { id, values } = input;
  const document = getDraft(core, id);
  const context = contextOfDocument(core, document, input);
  checkContact(context, input.contactId);
  const translationLanguage = input.translationLanguage === undefined ? document.translationLanguage : input.translationLanguage;
  if (translationLanguage !== document.translationLanguage) checkTranslation(context.form, translationLanguage);
  const bilingualLayout = input.bilingualLayout ?? document.bilingualLayout;
  const nextPartnerId = context.prefill.partner?.id ?? null;
  const clean = checkedValues(context, values, false);
  const unchanged = document.prefilled.filter((key) => isDeepStrictEqual(document.values[key], clean[key]));
  const draft =
    nextPartnerId === document.partnerId ? { values: clean, prefilled: unchanged } : refreshRecipientValues(context, { values: clean, prefilled: unchanged });
  core.db.transaction(() => {
    const addressing = { contactId: context.contact?.id ?? null, salutationOverride: context.salutationOverride };
    if (
      !queries.updateDraft(core.db, id, { ...draft, partnerId: nextPartnerId, ...addressing, translationLanguage, bilingualLayout }, context.now.toISOString())
    ) {
      throw notFound('draft');
    }
    // Field names only, never what was typed; an autosave that changed nothing leaves no line.
    const fields = [...new Set([...Object.keys(document.values), ...Object.keys(draft.values)])]
      .filter((key) => !isDeepStrictEqual(document.values[key], draft.values[key]))
      .sort();
    const recipient = {
      ...(nextPartnerId === document.partnerId ? {} : { partnerId: nextPartnerId }),
      ...(addressing.contactId === document.contactId ? {} : { contactId: addressing.contactId }),
      ...(addressing.salutationOverride === document.salutationOverride ? {} : { salutationChanged: true }),
      ...(translationLanguage === document.translationLanguage ? {} : { translationLanguage }),
      ...(bilingualLayout === document.bilingualLayout ? {} : { bilingualLayout }),
    };
    if (fields.length > 0 || Object.keys(recipient).length > 0) {
      recordAudit(
        core,
        { action: 'documents.update', subjectType: 'document', subjectId: id, clientId: document.clientId, details: { fields, ...recipient } },
        { now: context.now, settings: context.prefill.settings },
      );
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

/** erstellt → übergeben → Rückmeldung erhalten → abgeschlossen; a follow-up date feeds the deadline list. */
export function setReferralStatus(core: Core, id: string, status: ReferralStatus, followUpDate: string | null): LotseDocument {
  const document = getDocument(core, id);
  const form = templateDefinition(core, document.templateId, document.templateVersion);
  if (!form.tracksReferral) throw invalid({ referralStatus: { key: 'documents.noReferralStatus', params: { title: form.title } } });
  if (document.status !== 'final') throw invalid({ referralStatus: { key: 'documents.referralNeedsFinal' } });
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

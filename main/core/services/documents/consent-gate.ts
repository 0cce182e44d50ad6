import type { Consent, Disclosure, LegalBasis } from '../../../../shared/api/contract';
import type { FieldIssues } from '../../../../shared/i18n/error-message';
import { formatGermanDate } from '../../../../shared/domain/iso-date';
import { inputFieldsOf, type FormDefinition } from '../../../../shared/forms';
import { blankValue, displayValue, isBlankValue, type FormValues } from '../../../../shared/forms/values';
import { DomainError, invalid } from '../../errors';
import { addressBlock } from '../../pdf/address-block';
import { undeliverable } from '../../pdf/recipients';
import { partnerNameIn, type DocumentContext } from './context';

/**
 * The consent gate and the minimisation preview (DOMAIN.md): personal data
 * go to a partner only under a valid consent naming it, and only the kinds
 * of data that consent names — or under another legal basis the counselor
 * states with a reason. Both read the covering consent of the document's
 * context, so what the preview shows is what the gate decides.
 */

/** Personal fields of the form that carry a value, as they would print. */
export function personalFields(context: DocumentContext, values: FormValues) {
  const partnerName = partnerNameIn(context);
  return inputFieldsOf(context.form).flatMap((field) =>
    field.personal !== undefined && !isBlankValue(values[field.id])
      ? [{ field, kind: field.personal, value: field.type === 'lines' ? '' : displayValue(field, values[field.id], partnerName) }]
      : [],
  );
}

function consentCoversKind(consent: Consent, kind: string): boolean {
  return kind === 'health' ? consent.healthData : (consent.dataCategories as string[]).includes(kind);
}

/** The covering consent where the form is gated and the consent signed. */
function gatingConsent(context: DocumentContext): Consent | null {
  const { consent } = context.prefill;
  return context.form.consentGate && consent !== null && consent.signedOn !== null ? consent : null;
}

/**
 * What would reach the recipient, whether the covering consent names each
 * kind of data, and whether the address can be delivered to as it prints
 * (what is missing, what had to be shortened).
 */
export function disclosureOf(context: DocumentContext, values: FormValues): Omit<Disclosure, 'ageMismatch'> {
  const consent = gatingConsent(context);
  return {
    consentGate: context.form.consentGate,
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
    items: personalFields(context, values).map(({ field, kind, value }) => ({
      fieldId: field.id,
      label: field.label,
      kind,
      value,
      covered: consent !== null && consentCoversKind(consent, kind),
    })),
    undeliverable: context.recipient && undeliverable(context.recipient),
    addressShortened: context.recipient ? addressBlock(context.recipient).shortened : [],
  };
}

/** Blanks the personal fields the counselor leaves out; only personal fields may be left out. */
export function omitFields(form: FormDefinition, values: FormValues, omit: string[]): FormValues {
  const fields = new Map(inputFieldsOf(form).map((field) => [field.id, field]));
  const errors: FieldIssues = {};
  const result = { ...values };
  for (const fieldId of omit) {
    const field = fields.get(fieldId);
    if (!field || field.personal === undefined) errors[`omitFields.${fieldId}`] = { key: 'documents.notPersonalField', params: { fieldId } };
    else result[fieldId] = blankValue(field);
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return result;
}

/** The legal basis the values may go out under, or `consent_missing`; null for a form without the gate. */
export function legalBasisFor(context: DocumentContext, values: FormValues, otherLegalBasis: { basis: string; reason: string } | undefined): LegalBasis | null {
  if (!context.form.consentGate) return null;
  if (otherLegalBasis) return { kind: 'other', ...otherLegalBasis };
  const consent = gatingConsent(context);
  if (consent === null || consent.signedOn === null) {
    throw new DomainError('consent_missing', { key: 'documents.noConsent', params: { partner: context.prefill.partner?.name ?? '' } });
  }
  const uncovered: FieldIssues = {};
  for (const { field, kind } of personalFields(context, values)) {
    if (!consentCoversKind(consent, kind)) {
      uncovered[`values.${field.id}`] = { key: 'documents.fieldNotCovered', params: { label: field.label, signedOn: formatGermanDate(consent.signedOn) } };
    }
  }
  if (Object.keys(uncovered).length > 0) {
    throw new DomainError('consent_missing', { key: 'documents.notCovered' }, uncovered);
  }
  return { kind: 'consent', consentId: consent.id, signedOn: consent.signedOn };
}

import type { Consent, LotseDocument } from '../../../shared/api/contract';
import { DATA_CATEGORIES, EXCHANGE_DIRECTIONS } from '../../../shared/api/contract';
import { issueMessage } from '../../../shared/api/german-messages';
import { ConsentInputSchema } from '../../../shared/api/schemas/consent';
import { looseKey } from '../../../shared/domain/fold';
import { todayIso } from '../../../shared/domain/iso-date';
import type { FormDefinition } from '../../../shared/forms';
import { fillText } from '../../../shared/forms/fill';
import { resolvePrefill } from '../../../shared/forms/prefill';
import type { FormValues, LineRow } from '../../../shared/forms/values';
import { listPartners } from '../db/queries/partners';
import type { Core } from '../core';
import { invalid } from '../errors';
import { createConsent } from './consents';
import { personalFields } from './documents/consent-gate';
import { partnerNameIn, type DocumentContext } from './documents/context';

/**
 * A printed consent form (`effect: 'consent-record'`) pre-creates the consent
 * it asks for: its recipients, purposes and kinds of data, unsigned. It
 * covers nothing until the counselor marks it signed (`consents.sign`).
 * The form's field ids are the ones the loader requires for this effect
 * (CONSENT_RECORD_FIELDS in shared/forms/load.ts).
 */

function textColumn(rows: FormValues[string] | undefined, column: string): string[] {
  if (!Array.isArray(rows)) return [];
  return (rows as LineRow[]).map((row) => row[column]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/** A recipient typed or picked by name is tied to its directory entry when exactly one entry has that name. */
function directoryIdFor(core: Core, name: string): string | null {
  const key = looseKey(name);
  const matches = listPartners(core.db, todayIso(core.now()), { includeArchived: false }).filter(
    (partner) => looseKey(partner.name) === key || looseKey(`${partner.name}, ${partner.department}`) === key,
  );
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function createConsentFromForm(core: Core, document: LotseDocument, values: FormValues): Consent {
  const categories = Array.isArray(values.dataCategories) ? (values.dataCategories as string[]) : [];
  const parsed = ConsentInputSchema.safeParse(
    {
      clientId: document.clientId,
      recipients: textColumn(values.recipients, 'name').map((name) => ({ partnerId: directoryIdFor(core, name), name })),
      purposes: textColumn(values.purposes, 'purpose'),
      dataCategories: DATA_CATEGORIES.filter((category) => categories.includes(category)),
      healthData: values.healthData === true,
      exchange: oneOf(EXCHANGE_DIRECTIONS, values.exchange, 'one-way'),
      signedOn: null,
      validUntil: typeof values.validUntil === 'string' && values.validUntil !== '' ? values.validUntil : null,
      explainedIn: typeof values.explainedIn === 'string' ? values.explainedIn : '',
      interpreter: typeof values.interpreter === 'string' ? values.interpreter : '',
      notes: '',
    },
    { reportInput: true },
  );
  if (!parsed.success) {
    // The form's required fields make this rare; a consent must still never be recorded half.
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [`values.${issue.path.join('.')}`, issueMessage(issue)]));
    throw invalid(fields, { key: 'consents.formIncomplete' });
  }
  return createConsent(core, parsed.data, document.id);
}

/** The longest text a column of the consent form takes (a purpose longer than that is cut, the counselor sees it). */
function columnMax(form: FormDefinition, fieldId: string, columnId: string): number {
  const field = form.sections.flatMap((section) => section.fields).find((entry) => entry.id === fieldId);
  const column = field?.type === 'lines' ? field.columns.find((entry) => entry.id === columnId) : undefined;
  return column?.type === 'text' && column.max !== undefined ? column.max : 200;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What a consent form started from a referral asks consent for: the
 * referral's recipient, the purpose its form names (`consentPurpose`), and
 * the kinds of data its personal fields carry (health data on its own
 * checkbox). The counselor checks them on the consent form before printing.
 */
export function consentValuesForReferral(consentForm: FormDefinition, referral: DocumentContext, values: FormValues): FormValues {
  const { form, prefill } = referral;
  const kinds = new Set<string>(personalFields(referral, values).map(({ kind }) => kind));
  const purpose =
    form.consentPurpose === undefined ? '' : fillText(form.consentPurpose, { form, values, context: prefill, partnerName: partnerNameIn(referral) }).trim();
  const recipient = prefill.partner === null ? '' : String(resolvePrefill('partner.name', prefill));
  return {
    recipients: recipient === '' ? [] : [{ name: cut(recipient, columnMax(consentForm, 'recipients', 'name')) }],
    purposes: purpose === '' ? [] : [{ purpose: cut(purpose, columnMax(consentForm, 'purposes', 'purpose')) }],
    dataCategories: DATA_CATEGORIES.filter((category) => kinds.has(category)),
    healthData: kinds.has('health'),
  };
}

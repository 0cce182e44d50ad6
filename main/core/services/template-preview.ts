import type { Client, Partner, RenderedPdf, ResidenceStatus, TemplateUpdate } from '../../../shared/api/contract';
import { ClientSchema } from '../../../shared/api/schemas/client';
import { PartnerSchema } from '../../../shared/api/schemas/partner';
import { addMonthsIso, todayIso } from '../../../shared/domain/iso-date';
import { inputFieldsOf, type FormDefinition, type InputFieldDefinition } from '../../../shared/forms';
import { prefilledValues } from '../../../shared/forms/fill';
import type { FieldValue, FormValues } from '../../../shared/forms/values';
import type { Core } from '../core';
import { listResidenceStatuses } from '../db/queries/residence-statuses';
import { makeDocumentContext, NO_ADDRESSING } from './documents/context';
import { printContextOf, printTranslationOf, renderDocumentPdf, snapshotOf } from './documents/pdf';
import { LANGUAGE_CODES } from '../../../shared/domain/languages';
import { renderDataAccessLetter } from './data-access-information';
import { getSettings } from './settings';
import { currentCounselor } from './audit';
import { editedDefinition, getTemplate } from './templates';

/**
 * A template as it prints, before it is saved: the office's edit applied to
 * the version it was made on, filled with a made-up person and agency (the
 * office's own letterhead). Nothing is stored; it prints as a draft.
 */

/** A person who is plainly made up: the name says so, the address is a sample street. */
function sampleClient(today: string, now: string, residenceStatus: ResidenceStatus | undefined): Client {
  return ClientSchema.parse({
    id: 'sample-client',
    familyName: 'Beispiel',
    givenName: 'Alex',
    sex: 'diverse',
    // Young enough for every age limit a form may have: the preview shows all its parts.
    birthDate: addMonthsIso(today, -12 * 24),
    birthPlace: 'Musterstadt',
    nationalities: ['Beispielland'],
    address: { street: 'Musterweg 1', postalCode: '12345', city: 'Musterstadt' },
    phone: '01234 567890',
    email: 'alex.beispiel@example.org',
    languages: [{ language: 'Arabisch', interpreterNeeded: true }],
    customerNumber: '000A000000',
    bgNumber: '00000BG0000000',
    fileNumber: 'BEISPIEL-0001',
    counselingFields: ['recognition'],
    germanLevel: { level: 'A2', certificate: 'Beispielzertifikat A2', certificateDate: addMonthsIso(today, -6) },
    education: 'Beispiel: 12 Jahre Schule, Berufsausbildung',
    qualifications: [
      {
        titleOriginal: 'Beispielabschluss',
        titleGerman: 'Beispielberuf',
        country: 'Beispielland',
        year: 2020,
        kind: 'Berufsausbildung',
        referenceOccupation: 'Beispielberuf',
        regulated: false,
      },
    ],
    residenceStatus: residenceStatus?.code ?? null,
    residenceValidUntil: residenceStatus ? addMonthsIso(today, 6) : null,
    createdAt: now,
    updatedAt: now,
  });
}

function samplePartner(now: string): Partner {
  return PartnerSchema.parse({
    id: 'sample-partner',
    name: 'Beispielstelle (fiktiv)',
    department: 'Beratung',
    address: { street: 'Beispielstraße 2', postalCode: '12345', city: 'Musterstadt' },
    services: [],
    contacts: [],
    archived: false,
    verification: 'unverified',
    createdAt: now,
    updatedAt: now,
  });
}

/** A value for a field nothing prefills: what the counselor would type, marked as an example. */
function sampleValue(field: InputFieldDefinition, today: string): FieldValue | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const text = `Beispiel: ${field.label}`;
      return field.max !== undefined ? text.slice(0, field.max) : text;
    }
    case 'date':
      return today;
    case 'select':
      return field.options[0]?.value ?? '';
    case 'multiselect':
      return field.options.slice(0, 1).map((option) => option.value);
    default:
      return undefined;
  }
}

function sampleValues(form: FormDefinition, prefilled: FormValues, today: string): FormValues {
  const values = { ...prefilled };
  for (const field of inputFieldsOf(form)) {
    const blank = values[field.id] === '' || (Array.isArray(values[field.id]) && (values[field.id] as unknown[]).length === 0);
    const sample = blank && !field.prefill ? sampleValue(field, today) : undefined;
    if (sample !== undefined) values[field.id] = sample;
  }
  return values;
}

export async function previewTemplate(core: Core, edit: TemplateUpdate): Promise<RenderedPdf> {
  const now = core.now();
  const today = todayIso(now);
  const form = editedDefinition(getTemplate(core, edit.id, edit.baseVersion).definition, edit, { name: currentCounselor(core), today });
  // A status that runs out, so the forms' status and valid-until lines show.
  const residenceStatus = listResidenceStatuses(core.db).find((status) => status.expires);
  const client = sampleClient(today, now.toISOString(), residenceStatus);
  const context = makeDocumentContext({
    now,
    form,
    client,
    partner: form.recipient === 'partner' ? samplePartner(now.toISOString()) : null,
    consent: null,
    settings: getSettings(core),
    residenceStatusLabel: residenceStatus?.label ?? '',
    lookUpPartner: () => undefined,
    addressing: NO_ADDRESSING,
  });
  const values = sampleValues(form, prefilledValues(form, context.prefill).values, today);
  // A translation in the edit prints beside the German (the first language sent), as a document in that language would.
  const language = LANGUAGE_CODES.find((code) => edit.translations[code] !== undefined) ?? null;
  const translation = language === null ? null : printTranslationOf(form, { translationLanguage: language, bilingualLayout: 'sequential' });
  // A sample is never a letter to send: it carries the draft mark. A form Lotse fills itself shows what it fills in, for the made-up person.
  const { bytes, sha256, pages } =
    form.purpose === 'data-access'
      ? await renderDataAccessLetter(form, context, { client, consents: [], documents: [], audit: [] }, 'draft')
      : await renderDocumentPdf(form, values, [], snapshotOf(printContextOf(context, values, translation)), now, 'draft');
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}

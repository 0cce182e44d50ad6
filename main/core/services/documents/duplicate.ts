import { randomUUID } from 'node:crypto';
import type { DuplicateResult } from '../../../../shared/api/contract';
import { inputFieldsOf, type InputFieldDefinition } from '../../../../shared/forms';
import { prefilledValues } from '../../../../shared/forms/fill';
import { isBlankValue, validateFormValues, type FormValues } from '../../../../shared/forms/values';
import type { Core } from '../../core';
import * as queries from '../../db/queries/documents';
import { recordAudit } from '../audit';
import { templateDefinition } from '../templates';
import { loadDocumentContext } from './context';
import { checkedValues, getDocument } from './drafts';

/**
 * "Duplizieren" and "Für andere Person kopieren" in the documents list: a new
 * draft with the values of a document, draft or final (a final one is only
 * read). The new draft is written with the template's current version, so a
 * copy of an old letter gets today's wording; values of fields that version
 * no longer has (or no longer takes as they were, e.g. a removed option) are
 * left behind and named in `droppedFields`.
 *
 * What was prefilled and is unchanged is prefilled anew (today's date, the
 * client's current address). For another client, every value whose field is
 * prefilled from the person — name, birth date, address, numbers, the
 * consent covering the recipient, the greeting — comes from the new client,
 * also where the counselor had typed over it: the old client's social data
 * must never travel into another person's file.
 */

/** Whether a field's prefill is about the person the document is for (their record, their consent, the greeting they are due). */
function aboutThePerson(field: InputFieldDefinition): boolean {
  const source = field.prefill;
  return source !== undefined && (source.startsWith('client.') || source.startsWith('consent.') || source === 'salutation');
}

/** The field a validation path (`values.rows.0.amount`) is about. */
function fieldOfPath(path: string): string {
  return path.split('.')[1] ?? path;
}

export function duplicateDocument(core: Core, input: { id: string; clientId?: string | undefined }): DuplicateResult {
  const source = getDocument(core, input.id);
  const clientId = input.clientId ?? source.clientId;
  const otherClient = clientId !== source.clientId;
  const form = templateDefinition(core, source.templateId);
  const sourceForm = templateDefinition(core, source.templateId, source.templateVersion);
  const partnerId = form.recipient === 'none' ? null : source.partnerId;
  // The greeting the counselor wrote names the old person: another client gets the computed one.
  const addressing = { contactId: partnerId === null ? null : source.contactId, salutationOverride: otherClient ? null : source.salutationOverride };
  const context = loadDocumentContext(core, form, clientId, partnerId, addressing);
  const fresh = prefilledValues(form, context.prefill);

  const sourceValues = source.values as FormValues;
  const carried = new Set<string>();
  const values: FormValues = { ...fresh.values };
  for (const field of inputFieldsOf(form)) {
    if (!Object.hasOwn(sourceValues, field.id)) continue;
    const prefilledAnew = field.prefill !== undefined && (source.prefilled.includes(field.id) || (otherClient && aboutThePerson(field)));
    if (prefilledAnew) continue;
    values[field.id] = sourceValues[field.id]!;
    carried.add(field.id);
  }

  const labels = new Map([...inputFieldsOf(sourceForm), ...inputFieldsOf(form)].map((field) => [field.id, field.label]));
  const known = new Set(inputFieldsOf(form).map((field) => field.id));
  const dropped = new Set(Object.keys(sourceValues).filter((key) => !known.has(key) && !isBlankValue(sourceValues[key])));
  // A carried value the current version refuses (an option it no longer has, a partner since deleted) starts as a new draft would.
  const check = validateFormValues(form, values, { complete: false, partnerExists: (id) => context.findPartner(id) !== undefined });
  for (const path of Object.keys(check.errors)) {
    const fieldId = fieldOfPath(path);
    if (!carried.has(fieldId)) continue;
    values[fieldId] = fresh.values[fieldId]!;
    carried.delete(fieldId);
    dropped.add(fieldId);
  }
  const clean = checkedValues(context, values, false);
  const prefilled = fresh.prefilled.filter((key) => !carried.has(key));

  const id = randomUUID();
  const droppedFields = [...dropped].sort();
  return core.db.transaction(() => {
    queries.insertDocument(
      core.db,
      {
        id,
        templateId: form.id,
        templateVersion: form.version,
        clientId,
        partnerId,
        contactId: context.contact?.id ?? null,
        salutationOverride: context.salutationOverride,
        values: clean,
        prefilled,
        correctsId: null,
      },
      context.now.toISOString(),
    );
    // Ids and field names only: the trail outlives an erasure of either person.
    recordAudit(
      core,
      {
        action: 'documents.duplicate',
        subjectType: 'document',
        subjectId: id,
        clientId,
        details: {
          fromDocumentId: source.id,
          templateId: form.id,
          templateVersion: form.version,
          fromTemplateVersion: source.templateVersion,
          otherClient,
          droppedFields,
        },
      },
      { now: context.now, settings: context.prefill.settings },
    );
    return { document: getDocument(core, id), droppedFields: droppedFields.map((key) => labels.get(key) ?? key) };
  })();
}

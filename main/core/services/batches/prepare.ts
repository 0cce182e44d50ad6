import type { Client, Partner } from '../../../../shared/api/contract';
import type { Appointment, BatchFilter, BatchInput, BatchSkipped } from '../../../../shared/api/schemas/batch';
import { addMonthsIso, todayIso } from '../../../../shared/domain/iso-date';
import { fullName } from '../../../../shared/domain/person-name';
import { undeliverableMessage } from '../../../../shared/domain/postal-address';
import { inputFieldsOf, type FormDefinition, type InputFieldDefinition } from '../../../../shared/forms';
import { prefilledValues } from '../../../../shared/forms/fill';
import { appointmentFieldsIn, fillMergeFields, mergeFieldLabel, unknownMergeFields } from '../../../../shared/forms/merge-fields';
import { isBlankValue, validateFormValues, type FormValues } from '../../../../shared/forms/values';
import { germanText, type FieldIssues } from '../../../../shared/i18n/error-message';
import type { Core } from '../../core';
import { clientIdsMatching, getClient } from '../../db/queries/clients';
import { getPartner } from '../../db/queries/partners';
import { listResidenceStatuses } from '../../db/queries/residence-statuses';
import { invalid } from '../../errors';
import type { AddressRecipient } from '../../pdf/address-block';
import { unprintableCharacters } from '../../pdf/fonts';
import { undeliverable } from '../../pdf/recipients';
import { makeDocumentContext, NO_ADDRESSING, type DocumentContext } from '../documents/context';
import { printContextOf } from '../documents/pdf';
import { getSettings } from '../settings';
import { documentTemplateDefinition } from '../templates';
import type { LetterJob } from './protocol';

/**
 * The first step of a serial letter: which clients it goes to, each letter's
 * values and document context, and who is left out and why (no printable
 * address, values their record must supply, characters the fonts lack) —
 * rather than failing the whole batch.
 */

export interface PreparedLetter {
  clientId: string;
  clientName: string;
  values: FormValues;
  prefilled: string[];
  /** What the worker needs; let go once it is handed over. */
  job: Omit<LetterJob, 'index'> | null;
  /** Merge fields of the text this client's record leaves empty (placeholder names). */
  unfilled: string[];
  /** Set when the worker has rendered the letter: the id its document will have, once it is staged (db/queries/batch-letters). */
  documentId?: string;
}

export interface PrepareOptions {
  /** The values must be complete (starting the batch), rather than a draft (counting, a sample). */
  complete?: boolean;
  /** Only these clients, in the order of the list (each must match the filter: the caller checks). */
  only?: ReadonlySet<string>;
  /** What an empty merge field prints as (the sample); nothing by default. */
  gap?: (name: string) => string;
}

export interface Prepared {
  form: FormDefinition;
  /** The one clock reading of the batch: every letter's finalization time and printed date. */
  now: Date;
  letters: PreparedLetter[];
  skipped: BatchSkipped[];
}

/** Whether a filter names any criterion (else it means every client, which must be said: `everyone`). */
export function hasCriterion(filter: BatchFilter): boolean {
  return (
    filter.residenceStatus !== undefined ||
    filter.permitEndsWithinMonths !== undefined ||
    filter.counselingField !== undefined ||
    filter.clientIds !== undefined
  );
}

/** „Ayşe Klient (Aufenthalt gültig bis)“ for the message naming who has empty merge fields. */
export function unfilledPeople(letters: PreparedLetter[], limit = 10): string {
  const named = letters.slice(0, limit).map((letter) => `${letter.clientName} (${letter.unfilled.map(mergeFieldLabel).join(', ')})`);
  return letters.length > limit ? `${named.join('; ')} und ${letters.length - limit} weitere` : named.join('; ');
}

function matchingClientIds(core: Core, filter: BatchFilter, today: string): string[] {
  return clientIdsMatching(core.db, {
    residenceStatus: filter.residenceStatus,
    validUntilBetween: filter.permitEndsWithinMonths === undefined ? undefined : { from: today, until: addMonthsIso(today, filter.permitEndsWithinMonths) },
    counselingField: filter.counselingField,
    clientIds: filter.clientIds,
  });
}

/** Which templates may go out as serial letters, and why not. */
function checkTemplate(form: FormDefinition): void {
  if (form.recipient === 'partner') {
    throw invalid({ templateId: { key: 'batches.toPartner', params: { title: form.title } } });
  }
  if (form.effect === 'consent-record') {
    throw invalid({ templateId: { key: 'batches.createsConsents', params: { title: form.title } } });
  }
}

function fieldOfPath(path: string): string {
  return path.split('.')[1] ?? '';
}

/** Values the counselor left empty do not overwrite what a client's record fills in. */
function givenValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlankValue(value as never)));
}

/** Whether the field at a value path is one a client's record (or the settings) fills in. */
function isFilledPerClient(form: FormDefinition, path: string): boolean {
  return inputFieldsOf(form).find((field) => field.id === fieldOfPath(path))?.prefill !== undefined;
}

/**
 * The values given must be right for everyone: wrong ones are refused, and a
 * required field that no client record fills in must be given.
 */
function checkGivenValues(
  form: FormDefinition,
  values: Record<string, unknown>,
  appointment: Appointment,
  complete: boolean,
  partnerExists: (id: string) => boolean,
): void {
  const draft = validateFormValues(form, values, { complete: false, partnerExists });
  if (Object.keys(draft.errors).length > 0) throw invalid(draft.errors);
  if (!complete) return;
  checkMergeFields(form, values, appointment);
  const checked = validateFormValues(form, values, { complete: true, partnerExists });
  const missing = Object.fromEntries(Object.entries(checked.errors).filter(([path]) => !isFilledPerClient(form, path)));
  if (Object.keys(missing).length > 0) throw invalid(missing);
}

/** The shared texts that may hold merge fields: text and textarea fields no record fills in. */
function mergeTexts(form: FormDefinition, values: Record<string, unknown>): Array<{ id: string; text: string }> {
  return inputFieldsOf(form)
    .filter((field) => (field.type === 'text' || field.type === 'textarea') && field.prefill === undefined)
    .flatMap((field) => {
      const value = values[field.id];
      return typeof value === 'string' ? [{ id: field.id, text: value }] : [];
    });
}

/** Before a batch starts: no placeholder the letter cannot fill, and the appointment given where the text names it. */
function checkMergeFields(form: FormDefinition, values: Record<string, unknown>, appointment: Appointment): void {
  const issues: FieldIssues = {};
  for (const { id, text } of mergeTexts(form, values)) {
    const unknown = unknownMergeFields(text);
    if (unknown.length > 0) issues[`values.${id}`] = { key: 'batches.unknownPlaceholder', params: { placeholder: `{{${unknown[0]}}}` } };
    for (const name of appointmentFieldsIn(text)) {
      const part = name.split('.')[1] as keyof Appointment;
      if (appointment[part].trim() === '') issues[`appointment.${part}`] = { key: 'batches.appointmentMissing', params: { placeholder: `{{${name}}}` } };
    }
  }
  if (Object.keys(issues).length > 0) throw invalid(issues);
}

/** The text the counselor typed, with the merge fields filled for this client; which were left empty. */
function filledForClient(
  form: FormDefinition,
  values: FormValues,
  given: Record<string, unknown>,
  context: DocumentContext,
  appointment: Appointment,
  gap: ((name: string) => string) | undefined,
): { values: FormValues; unfilled: string[] } {
  const filled: FormValues = { ...values };
  const unfilled = new Set<string>();
  for (const { id, text } of mergeTexts(form, values)) {
    if (!(id in given)) continue;
    const result = fillMergeFields(text, context.prefill, appointment, gap);
    filled[id] = result.text;
    for (const name of result.unfilled) unfilled.add(name);
  }
  return { values: filled, unfilled: [...unfilled] };
}

function missingReason(form: FormDefinition, errors: FieldIssues): string {
  const fields = new Map<string, InputFieldDefinition>(inputFieldsOf(form).map((field) => [field.id, field]));
  const labels = [...new Set(Object.keys(errors).map((path) => fields.get(fieldOfPath(path))?.label ?? fieldOfPath(path)))];
  return `Angaben fehlen oder passen nicht: ${labels.join(', ')}.`;
}

/** Whether the shipped fonts can print a character, asked once per character for a whole batch. */
const printable = new Map<number, boolean>();

function unprintableIn(text: string): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    if (character === '\n' || character === '\r' || character === '\t') continue;
    const codePoint = character.codePointAt(0) ?? 0;
    let known = printable.get(codePoint);
    if (known === undefined) {
      known = unprintableCharacters(character).length === 0;
      printable.set(codePoint, known);
    }
    if (!known) missing.add(character);
  }
  return [...missing];
}

/**
 * Characters the fonts cannot print, in the address or the values: found
 * here so the count before starting is right. (The worker checks every
 * printed text again and leaves out a letter it cannot print.)
 */
function unprintableReason(recipient: AddressRecipient | null, values: FormValues, form: FormDefinition): string | null {
  const problems: string[] = [];
  const address = recipient ? unprintableIn([recipient.name, recipient.street, recipient.postalCode, recipient.city].join('\n')) : [];
  if (address.length > 0) problems.push(`Anschrift: ${address.join(' ')}`);
  for (const field of inputFieldsOf(form)) {
    const value = values[field.id];
    if (typeof value !== 'string') continue;
    const missing = unprintableIn(value);
    if (missing.length > 0) problems.push(`${field.label}: ${missing.join(' ')}`);
  }
  return problems.length > 0 ? `Zeichen, die die Schrift nicht drucken kann – ${problems.join('; ')}.` : null;
}

/**
 * The document context of each client's letter, from rows loaded once for
 * the whole batch: the settings, the residence status labels, the partners
 * the shared values pick. A serial letter goes to the client: no partner,
 * no consent.
 */
function batchContexts(core: Core, form: FormDefinition, now: Date): { contextFor(client: Client): DocumentContext; partnerExists(id: string): boolean } {
  const today = todayIso(now);
  const settings = getSettings(core);
  const labels = new Map(listResidenceStatuses(core.db).map((status) => [status.code, status.label]));
  const partners = new Map<string, Partner | undefined>();
  const lookUpPartner = (id: string) => {
    if (!partners.has(id)) partners.set(id, getPartner(core.db, id, today));
    return partners.get(id);
  };
  return {
    contextFor: (client) =>
      makeDocumentContext({
        now,
        form,
        client,
        partner: null,
        consent: null,
        settings,
        residenceStatusLabel: client.residenceStatus === null ? '' : (labels.get(client.residenceStatus) ?? ''),
        // Each letter greets its client (shared/domain/salutation.ts); no per-letter greeting in a serial letter.
        addressing: NO_ADDRESSING,
        lookUpPartner,
      }),
    partnerExists: (id) => lookUpPartner(id) !== undefined,
  };
}

/** One client's letter, or why they cannot get it. */
function prepareLetter(
  context: DocumentContext,
  given: Record<string, unknown>,
  appointment: Appointment,
  gap: ((name: string) => string) | undefined,
): PreparedLetter | string {
  const { form } = context;
  const { client } = context.prefill;
  // The same rule and words as finalizing a single letter.
  const address = context.recipient && undeliverable(context.recipient);
  if (address) return germanText(undeliverableMessage(address));
  const prefill = prefilledValues(form, context.prefill);
  const checked = validateFormValues(form, { ...prefill.values, ...given }, { complete: true, partnerExists: (id) => context.findPartner(id) !== undefined });
  // What no record fills in was checked for everyone before; here only what this client's record lacks.
  const missing = Object.fromEntries(Object.entries(checked.errors).filter(([path]) => isFilledPerClient(form, path)));
  if (Object.keys(missing).length > 0) return missingReason(form, missing);
  // The merge fields are filled here, so the document stores the letter as it printed for this person.
  const merged = filledForClient(form, checked.values, given, context, appointment, gap);
  const unprintable = unprintableReason(context.recipient, merged.values, form);
  if (unprintable) return unprintable;
  // Exactly what the store will hold: the worker renders from the same JSON a reprint reads.
  const values = JSON.parse(JSON.stringify(merged.values)) as FormValues;
  return {
    clientId: client.id,
    clientName: fullName(client),
    unfilled: merged.unfilled,
    values,
    prefilled: prefill.prefilled.filter((key) => !(key in given)),
    job: { values, context: printContextOf(context, values) },
  };
}

/** How long preparing letters may hold the host before it lets other work in (DESIGN.md §8: no stall over 50 ms). */
const SLICE_MS = 10;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The clients the batch goes to, each letter's values and context, and who
 * is left out and why. A preview (`complete: false`) takes the values as a
 * draft: what the counselor has not typed yet does not count against anyone.
 * The matching clients are listed once (ids, by name), then read and
 * prepared in slices of some milliseconds that let the host answer other
 * requests in between; `matched` are all the clients the filter matches
 * (before `only`).
 */
export async function prepareBatch(core: Core, input: BatchInput, options: PrepareOptions = {}): Promise<Prepared & { matched: ReadonlySet<string> }> {
  const { complete = true, only, gap } = options;
  const form = documentTemplateDefinition(core, input.templateId);
  checkTemplate(form);
  const now = core.now();
  const contexts = batchContexts(core, form, now);
  checkGivenValues(form, input.values, input.appointment, complete, contexts.partnerExists);
  const given = givenValues(input.values);
  const letters: PreparedLetter[] = [];
  const skipped: BatchSkipped[] = [];
  const ids = matchingClientIds(core, input.filter, todayIso(now));
  let sliceStarted = performance.now();
  for (const id of ids) {
    if (only && !only.has(id)) continue;
    if (performance.now() - sliceStarted > SLICE_MS) {
      await yieldToHost();
      sliceStarted = performance.now();
    }
    // Read when its turn comes: one erased meanwhile gets no letter.
    const client = getClient(core.db, id);
    if (!client) continue;
    const letter = prepareLetter(contexts.contextFor(client), given, input.appointment, gap);
    if (typeof letter === 'string') skipped.push({ clientId: client.id, clientName: fullName(client), reason: letter });
    else letters.push(letter);
  }
  return { form, now, letters, skipped, matched: new Set(ids) };
}

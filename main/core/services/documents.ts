import { randomUUID } from 'node:crypto';
import type { Client, LotseDocument, RenderedPdf, Settings } from '../../../shared/api/contract';
import type { FieldErrors } from '../../../shared/api/errors';
import { formatGermanDate, todayIso } from '../../../shared/domain/iso-date';
import { BUILT_IN_FORMS, fieldsOf, type FormDefinition } from '../../../shared/forms';
import type { Core } from '../core';
import * as queries from '../db/queries/documents';
import { DomainError, notFound } from '../errors';
import { unprintableCharacters } from '../pdf/fonts';
import { addressBlock } from '../pdf/address-block';
import { din5008Letter } from '../pdf/layouts/din5008-letter';
import type { LetterContent } from '../pdf/layouts/letter-content';
import { renderPdf } from '../pdf/render';
import { getClient } from './clients';
import { getPartner, partnerAddressBlock } from './partners';
import { getSettings } from './settings';

function formById(templateId: string): FormDefinition {
  const form = BUILT_IN_FORMS[templateId];
  if (!form) {
    throw new DomainError('invalid_input', 'Bitte die Eingaben prüfen.', { templateId: `Die Vorlage „${templateId}“ gibt es nicht.` });
  }
  return form;
}

/** Checks values against the form's fields; unknown keys are refused so nothing unseen is stored. */
function validateValues(form: FormDefinition, values: Record<string, unknown>): Record<string, string> {
  const fields = fieldsOf(form);
  const errors: FieldErrors = {};
  const clean: Record<string, string> = {};
  for (const key of Object.keys(values)) {
    if (!fields.some((field) => field.id === key)) errors[`values.${key}`] = `Die Vorlage kennt kein Feld „${key}“.`;
  }
  for (const field of fields) {
    const value = values[field.id] ?? '';
    const path = `values.${field.id}`;
    if (typeof value !== 'string') errors[path] = `${field.label}: Bitte Text eingeben.`;
    else if (field.required && value.trim() === '') errors[path] = `${field.label}: Bitte ausfüllen.`;
    else if (field.max !== undefined && value.length > field.max) errors[path] = `${field.label}: Höchstens ${field.max} Zeichen erlaubt.`;
    else clean[field.id] = value;
  }
  if (Object.keys(errors).length > 0) throw new DomainError('invalid_input', 'Bitte die Eingaben prüfen.', errors);
  return clean;
}

export function createDocument(
  core: Core,
  input: { templateId: string; clientId: string; partnerId: string | null; values: Record<string, unknown> },
): LotseDocument {
  const form = formById(input.templateId);
  const values = validateValues(form, input.values);
  getClient(core, input.clientId);
  if (input.partnerId !== null) getPartner(core, input.partnerId);
  return core.db.transaction(() =>
    queries.insertDocument(
      core.db,
      {
        id: randomUUID(),
        templateId: form.id,
        templateVersion: form.version,
        clientId: input.clientId,
        partnerId: input.partnerId,
        values,
      },
      core.now().toISOString(),
    ),
  )();
}

/** Changes the values of a draft; the template version it was made with stays. */
export function updateDocument(core: Core, id: string, values: Record<string, unknown>): LotseDocument {
  const document = getDocument(core, id);
  if (document.status !== 'draft') {
    throw new DomainError('conflict', 'Ein endgültiges Dokument wird nicht mehr geändert. Für eine Korrektur bitte ein neues Dokument anlegen.');
  }
  const clean = validateValues(formById(document.templateId), values);
  const updated = core.db.transaction(() => queries.updateDraftValues(core.db, id, clean, core.now().toISOString()))();
  if (!updated) throw notFound('Das Dokument');
  return updated;
}

export function listDocuments(core: Core, clientId?: string): LotseDocument[] {
  return queries.listDocuments(core.db, clientId);
}

export function getDocument(core: Core, id: string): LotseDocument {
  const document = queries.getDocument(core.db, id);
  if (!document) throw notFound('Das Dokument');
  return document;
}

function joinNonEmpty(parts: string[], separator: string): string {
  return parts.filter((part) => part.trim() !== '').join(separator);
}

function returnAddressOf(office: Settings['office']): string {
  const place = office.postbox
    ? [office.postbox.label, joinNonEmpty([office.postbox.postalCode, office.postbox.city], ' ')]
    : [office.street, joinNonEmpty([office.postalCode, office.city], ' ')];
  return joinNonEmpty([office.organization, ...place], ' · ');
}

/** To the partner the document names, else to the client: the address block either way. */
function recipientLines(core: Core, document: LotseDocument, client: Client): string[] {
  if (document.partnerId !== null) return partnerAddressBlock(core, document.partnerId).lines;
  return addressBlock({
    name: joinNonEmpty([client.givenName, client.familyName], ' '),
    street: client.address.street,
    postalCode: client.address.postalCode,
    city: client.address.city,
  }).lines;
}

function letterContent(document: LotseDocument, recipient: string[], settings: Settings, now: Date): LetterContent {
  const { office, counselor } = settings;
  const values = document.values as Record<string, string>;
  const subject = values.subject ?? '';
  return {
    title: subject,
    author: joinNonEmpty([counselor.name, office.organization], ', '),
    sender: { ...office },
    returnAddress: returnAddressOf(office),
    recipientLines: recipient,
    infoBlock: [
      { label: 'Ansprechpartner/-in', value: counselor.name },
      { label: 'Zimmer', value: office.room },
      { label: 'Telefon', value: counselor.phone || office.phone },
      { label: 'E-Mail', value: counselor.email || office.email },
      { label: 'Datum', value: formatGermanDate(todayIso(now)) },
    ],
    subject,
    salutation: 'Guten Tag,',
    body: values.body ?? '',
    closing: 'Mit freundlichen Grüßen',
    signature: [counselor.name, counselor.title].filter((line) => line.trim() !== ''),
    creationDate: now,
  };
}

interface PrintedText {
  /** Field path, as in invalid_input errors. */
  path: string;
  /** What the counselor calls it. */
  label: string;
  text: string;
}

/**
 * The pdfmake fonts have no fallback: a character they lack would print as an
 * empty box without warning. Refuse before rendering and name the field.
 */
function assertPrintable(parts: PrintedText[]): void {
  const fields: FieldErrors = {};
  const labels: string[] = [];
  for (const { path, label, text } of parts) {
    const missing = unprintableCharacters(text);
    if (missing.length === 0) continue;
    fields[path] = `${label}: Diese Zeichen kann die Schrift nicht drucken: ${missing.join(' ')}`;
    labels.push(label);
  }
  if (labels.length > 0) {
    throw new DomainError('unprintable_text', `Der Brief enthält Zeichen, die die Schrift nicht drucken kann (${labels.join(', ')}).`, fields);
  }
}

export async function renderDocument(core: Core, id: string): Promise<RenderedPdf> {
  const document = getDocument(core, id);
  const form = formById(document.templateId);
  if (form.layout !== 'letter') throw new DomainError('invalid_input', `Die Vorlage „${form.title}“ kann noch nicht gedruckt werden.`);
  const client = getClient(core, document.clientId);
  const content = letterContent(document, recipientLines(core, document, client), getSettings(core), core.now());
  assertPrintable([
    ...fieldsOf(form).map((field) => ({ path: `values.${field.id}`, label: field.label, text: String(document.values[field.id] ?? '') })),
    { path: 'recipient', label: 'Anschrift der Empfänger*in', text: content.recipientLines.join('\n') },
    { path: 'settings', label: 'Briefkopf (Einstellungen)', text: [content.returnAddress, ...Object.values(content.sender), ...content.infoBlock.map((row) => row.value), ...content.signature].join('\n') },
  ]);
  const { bytes, sha256, pages } = await renderPdf(din5008Letter(content));
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}

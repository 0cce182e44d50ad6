import type { AuditEntry, Client, Consent, LotseDocument } from '../../../shared/api/contract';
import { formatGermanDate, todayIso } from '../../../shared/domain/iso-date';
import type { ColumnDefinition, FieldDefinition, FormDefinition, SectionDefinition } from '../../../shared/forms';
import type { PrefillContext } from '../../../shared/forms/prefill';
import type { FormValues } from '../../../shared/forms/values';
import { recordLabelsDe } from '../../../shared/i18n/record-labels.de';
import type { Core } from '../core';
import { unprintableCharacters } from '../pdf/fonts';
import type { RenderedPdfBytes } from '../pdf/render';
import { loadDocumentContext, type DocumentContext } from './documents/context';
import { recipientLinesOf, renderDocumentPdf } from './documents/pdf';
import { templateDefinition } from './templates';

/**
 * The Art. 15 information as a letter to the person: the office's wording
 * (the `data-access-information` template, data with its Stand) around what
 * Lotse holds about them, in plain German words: every filled field of the
 * record, each consent, each document by its German name, who received
 * documents, and the audit lines about them. No code such as `male` or a
 * template id reaches the page; the JSON beside it in the export keeps
 * everything machine-readable.
 */

const TEMPLATE_ID = 'data-access-information';

/** The page's own words (the letter is German, as every PDF Lotse prints; the record's labels come from recordLabelsDe). */
const words = {
  personHeading: 'Ihre Angaben',
  createdAt: 'Bei uns erfasst am',
  updatedAt: 'Zuletzt geändert am',
  closedOn: 'Beratung abgeschlossen am',
  consentsHeading: 'Einwilligungen',
  consentHeading: 'Einwilligung',
  of: 'von',
  consentRecipients: 'An wen',
  consentPurposes: 'Wozu',
  consentData: 'Welche Daten',
  healthData: 'Gesundheitsdaten',
  consentExchange: 'Austausch',
  consentSignedOn: 'Unterschrieben am',
  consentValidUntil: 'Gültig bis',
  untilRevoked: 'bis zum Widerruf',
  consentState: 'Stand heute',
  consentExplainedIn: 'Erklärt in der Sprache',
  interpreter: 'Dolmetschung',
  consentNotes: 'Vermerk',
  documentsHeading: 'Schreiben und Formulare',
  documentsTable: 'Was wir für Sie erstellt haben',
  documentTitle: 'Schreiben oder Formular',
  documentRecipient: 'An',
  documentCreated: 'Angelegt am',
  documentState: 'Stand',
  draft: 'Entwurf, nicht versandt',
  final: 'fertiggestellt am',
  toYou: 'an Sie',
  recipientsHeading: 'Stellen, die Daten über Sie erhalten haben',
  recipientsTable: 'Empfänger',
  recipient: 'Stelle',
  receivedDocuments: 'Was sie erhalten hat',
  auditHeading: 'Wann Ihre Daten bearbeitet wurden',
  auditIntroLabel: 'Protokoll',
  auditIntro:
    'Unser Programm schreibt jede Änderung, jeden Ausdruck und jeden Export Ihrer Daten in ein Protokoll, das sich nicht ändern lässt. Hier stehen alle Einträge, die Sie betreffen, die ältesten zuerst.',
  auditTable: 'Einträge',
  auditWhen: 'Wann',
  auditWhat: 'Was',
  auditWho: 'Wer',
  otherAction: 'Sonstiger Vorgang',
  unknownActor: 'nicht erfasst',
  none: 'keine',
  unprintableMark: '[…]',
  unprintableHeading: 'Schriftzeichen, die dieser Ausdruck nicht zeigt',
  unprintableNote:
    'Einige Angaben enthalten Schriftzeichen, die dieser Ausdruck noch nicht drucken kann. Sie sind mit […] markiert und stehen vollständig in der Datei „klientin.json“, die Sie mit dieser Auskunft erhalten.',
};
const fields = recordLabelsDe.clientFields;

/** What the person's data are, read once from the store. */
export interface PersonData {
  client: Client;
  consents: Consent[];
  documents: LotseDocument[];
  /** Newest first, as the store lists them. */
  audit: AuditEntry[];
}

/** A generated field and its printed value: `long` prints as a paragraph under its label. */
type Fact = { label: string; text: string; long?: boolean };

/** Whether anything was marked as unprintable: the page then says where the full text is. */
type Marked = { any: boolean };

/** Marks what the shipped fonts cannot print; the JSON of the export keeps it as stored. */
function printable(text: string, marked: Marked): string {
  const missing = new Set(unprintableCharacters(text));
  if (missing.size === 0) return text;
  marked.any = true;
  return [...text]
    .map((character) => (missing.has(character) ? '\u0000' : character))
    .join('')
    .replace(/\u0000+/g, words.unprintableMark);
}

const germanDate = (iso: string | null): string => (iso ? formatGermanDate(iso) : '');

/** A moment of the trail (stored in UTC) as the desk's clock shows it: `02.12.2026, 09:15 Uhr`. */
function germanMoment(timestamp: string): string {
  const moment = new Date(timestamp);
  const time = `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
  return `${formatGermanDate(todayIso(moment))}, ${time} Uhr`;
}

const joined = (parts: Array<string | null | undefined>, separator: string): string =>
  parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(separator);

function personalFacts(client: Client, residenceStatusLabel: string): Fact[] {
  const german = client.germanLevel;
  return [
    { label: fields.familyName, text: client.familyName },
    { label: fields.givenName, text: client.givenName },
    { label: fields.otherNames, text: client.otherNames.join(', ') },
    { label: fields.sex, text: client.sex ? recordLabelsDe.sexes[client.sex] : '' },
    { label: fields.title, text: client.title },
    { label: fields.birthDate, text: germanDate(client.birthDate) },
    { label: fields.birthPlace, text: client.birthPlace },
    { label: fields.nationalities, text: client.nationalities.join(', ') },
    {
      label: fields.address,
      text: joined([client.address.addition, client.address.street, joined([client.address.postalCode, client.address.city], ' ')], ', '),
    },
    { label: fields.phone, text: client.phone },
    { label: fields.email, text: client.email },
    { label: fields.preferredContact, text: client.preferredContact ? recordLabelsDe.contactChannels[client.preferredContact] : '' },
    {
      label: fields.languages,
      text: client.languages.map((entry) => (entry.interpreterNeeded ? `${entry.language} (${fields.interpreterNeeded})` : entry.language)).join(', '),
    },
    { label: fields.customerNumber, text: client.customerNumber },
    { label: fields.bgNumber, text: client.bgNumber },
    { label: fields.fileNumber, text: client.fileNumber },
    { label: fields.counselingFields, text: client.counselingFields.map((field) => recordLabelsDe.counselingFields[field]).join('; ') },
    {
      label: fields.germanLevel,
      text: joined(
        [
          german.level,
          german.certificate && `${fields.germanCertificate}: ${german.certificate}`,
          german.certificateDate && `${fields.germanCertificateDate}: ${germanDate(german.certificateDate)}`,
        ],
        ', ',
      ),
    },
    { label: fields.education, text: client.education, long: true },
    {
      label: fields.qualifications,
      text: client.qualifications
        .map((qualification) =>
          joined(
            [
              joined([qualification.titleGerman, qualification.titleOriginal], ' / '),
              qualification.country && `${fields.country}: ${qualification.country}`,
              qualification.year === null ? '' : `${fields.year}: ${qualification.year}`,
              qualification.kind && `${fields.kind}: ${qualification.kind}`,
              qualification.referenceOccupation && `${fields.referenceOccupation}: ${qualification.referenceOccupation}`,
              `${fields.regulated}: ${recordLabelsDe.regulated[qualification.regulated === null ? 'unknown' : qualification.regulated ? 'yes' : 'no']}`,
            ],
            ', ',
          ),
        )
        .join('\n\n'),
      long: true,
    },
    { label: fields.residenceStatus, text: residenceStatusLabel },
    { label: fields.residenceValidUntil, text: germanDate(client.residenceValidUntil) },
    { label: fields.notes, text: client.notes, long: true },
    { label: words.closedOn, text: joined([germanDate(client.closedOn), client.closedReason && recordLabelsDe.closeReasons[client.closedReason]], ', ') },
    { label: words.createdAt, text: germanMoment(client.createdAt) },
    { label: words.updatedAt, text: germanMoment(client.updatedAt) },
  ];
}

function consentFacts(consent: Consent): Fact[] {
  const state =
    consent.state === 'revoked' && consent.revokedOn
      ? `${recordLabelsDe.consentStates.revoked} (${germanDate(consent.revokedOn)})`
      : recordLabelsDe.consentStates[consent.state];
  return [
    { label: words.consentRecipients, text: consent.recipients.map((recipient) => recipient.name).join('; ') },
    { label: words.consentPurposes, text: consent.purposes.join('\n\n'), long: true },
    {
      label: words.consentData,
      text: [...consent.dataCategories.map((category) => recordLabelsDe.dataCategories[category]), ...(consent.healthData ? [words.healthData] : [])].join(
        '; ',
      ),
    },
    { label: words.consentExchange, text: recordLabelsDe.exchange[consent.exchange] },
    { label: words.consentSignedOn, text: germanDate(consent.signedOn) },
    { label: words.consentValidUntil, text: consent.validUntil ? germanDate(consent.validUntil) : words.untilRevoked },
    { label: words.consentState, text: state },
    { label: words.consentExplainedIn, text: joined([consent.explainedIn, consent.interpreter && `${words.interpreter}: ${consent.interpreter}`], ', ') },
    { label: words.consentNotes, text: consent.notes, long: true },
  ];
}

function documentRow(document: LotseDocument): Record<string, string> {
  const state = document.status === 'final' && document.finalizedAt ? `${words.final} ${germanDate(todayIso(new Date(document.finalizedAt)))}` : words.draft;
  return {
    title: document.templateTitle,
    recipient: document.partnerName || words.toYou,
    created: germanDate(todayIso(new Date(document.createdAt))),
    state: joined([state, document.referralStatus && recordLabelsDe.referralStatuses[document.referralStatus]], ', '),
  };
}

function auditRow(entry: AuditEntry): Record<string, string> {
  const actions: Record<string, string> = recordLabelsDe.auditActions;
  const areas: Record<string, string> = recordLabelsDe.auditAreas;
  // A line of an action this version has no words for still says what it touched, never its code.
  const what = Object.hasOwn(actions, entry.action)
    ? actions[entry.action]
    : `${words.otherAction} (${Object.hasOwn(areas, entry.subjectType) ? areas[entry.subjectType] : ''})`;
  return { when: germanMoment(entry.at), what: what ?? '', who: entry.actor || words.unknownActor };
}

/** Partners that received a final document, each once with the documents it received. */
function recipientRows(documents: LotseDocument[]): Array<Record<string, string>> {
  const received = new Map<string, string[]>();
  for (const document of documents) {
    if (document.status !== 'final' || !document.partnerName) continue;
    const titles = received.get(document.partnerName) ?? [];
    titles.push(`${document.templateTitle} (${germanDate(todayIso(new Date(document.finalizedAt ?? document.createdAt)))})`);
    received.set(document.partnerName, titles);
  }
  return [...received].map(([recipient, titles]) => ({ recipient, documents: titles.join('; ') }));
}

function textColumns(columns: Record<string, string>): ColumnDefinition[] {
  return Object.entries(columns).map(([id, label]) => ({ id, label, type: 'text' }));
}

/** The generated sections and their values: facts as label/value rows, lists as tables. */
function generatedSections(data: PersonData, residenceStatusLabel: string, marked: Marked): { sections: SectionDefinition[]; values: FormValues } {
  const values: FormValues = {};
  let fieldCount = 0;
  const nextId = () => `fact${++fieldCount}`;
  const factFields = (facts: Fact[]): FieldDefinition[] =>
    facts
      .filter((fact) => fact.text.trim() !== '')
      .map((fact) => {
        const id = nextId();
        values[id] = printable(fact.text, marked);
        return { id, type: fact.long ? 'textarea' : 'text', label: fact.label };
      });
  const table = (label: string, columns: Record<string, string>, rows: Array<Record<string, string>>): FieldDefinition[] => {
    if (rows.length === 0) return [];
    const id = nextId();
    values[id] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, text]) => [column, printable(text, marked)])));
    return [{ id, type: 'lines', label, columns: textColumns(columns) }];
  };
  const none = (label: string): FieldDefinition[] => {
    const id = nextId();
    values[id] = words.none;
    return [{ id, type: 'text', label }];
  };
  const sections: SectionDefinition[] = [
    { id: 'person', title: words.personHeading, fields: factFields(personalFacts(data.client, residenceStatusLabel)) },
    ...(data.consents.length === 0
      ? [{ id: 'consents', title: words.consentsHeading, fields: none(words.consentsHeading) }]
      : data.consents.map((consent, index) => ({
          id: `consent${index + 1}`,
          title: `${words.consentHeading} ${index + 1} ${words.of} ${data.consents.length}`,
          fields: factFields(consentFacts(consent)),
        }))),
    {
      id: 'documents',
      title: words.documentsHeading,
      fields:
        data.documents.length === 0
          ? none(words.documentsHeading)
          : table(
              words.documentsTable,
              { title: words.documentTitle, recipient: words.documentRecipient, created: words.documentCreated, state: words.documentState },
              data.documents.map(documentRow),
            ),
    },
    {
      id: 'recipients',
      title: words.recipientsHeading,
      fields: (() => {
        const rows = recipientRows(data.documents);
        return rows.length === 0
          ? none(words.recipientsHeading)
          : table(words.recipientsTable, { recipient: words.recipient, documents: words.receivedDocuments }, rows);
      })(),
    },
    {
      id: 'audit',
      title: words.auditHeading,
      fields: [
        ...factFields([{ label: words.auditIntroLabel, text: words.auditIntro, long: true }]),
        ...table(words.auditTable, { when: words.auditWhen, what: words.auditWhat, who: words.auditWho }, [...data.audit].reverse().map(auditRow)),
      ],
    },
  ];
  return { sections, values };
}

/** The office's template with the person's data after its first section (the introduction). */
function composedForm(template: FormDefinition, generated: SectionDefinition[]): FormDefinition {
  const [introduction, ...rest] = template.sections;
  return { ...template, sections: [...(introduction ? [introduction] : []), ...generated, ...rest] };
}

/** The prefill context with every string of the record marked where the fonts cannot print it (see `printable`). */
function printableContext(prefill: PrefillContext, marked: Marked): PrefillContext {
  const mark = <T extends object>(record: T): T =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, typeof value === 'string' ? printable(value, marked) : value])) as T;
  return { ...prefill, client: { ...mark(prefill.client), address: mark(prefill.client.address) }, salutation: printable(prefill.salutation, marked) };
}

/**
 * The letter from a template version and a document context: the person's
 * own (`renderDataAccessInformation`) or the template editor's made-up one
 * (`templates.preview`, marked as a draft).
 */
export function renderDataAccessLetter(
  template: FormDefinition,
  context: DocumentContext,
  data: PersonData,
  kind: 'draft' | 'final',
): Promise<RenderedPdfBytes> {
  const marked: Marked = { any: false };
  // The address and the greeting come from the record too: a name in a script the fonts lack must not stop the person's information.
  const prefill = printableContext(context.prefill, marked);
  const recipientLines = recipientLinesOf(context.recipient).map((line) => printable(line, marked));
  const { sections, values } = generatedSections(data, prefill.residenceStatusLabel, marked);
  if (marked.any) {
    values.unprintable = words.unprintableNote;
    sections.push({ id: 'unprintable', title: words.unprintableHeading, fields: [{ id: 'unprintable', type: 'textarea', label: words.unprintableHeading }] });
  }
  return renderDocumentPdf(
    composedForm(template, sections),
    values,
    [],
    { context: prefill, recipientLines, partnerNames: {}, salutationOverride: null },
    context.now,
    kind,
  );
}

/** The Art. 15 information for the person, in the office's newest wording: not a stored document, it is made fresh with every export. */
export function renderDataAccessInformation(core: Core, data: PersonData): Promise<RenderedPdfBytes> {
  const template = templateDefinition(core, TEMPLATE_ID);
  return renderDataAccessLetter(template, loadDocumentContext(core, template, data.client.id, null), data, 'final');
}

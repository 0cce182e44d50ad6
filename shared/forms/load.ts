import {
  inputFieldsOf,
  isInputField,
  FormDefinitionSchema,
  type Condition,
  type FieldDefinition,
  type FormDefinition,
  type InputFieldDefinition,
} from './definition';
import { germanIssueMessage } from '../api/german-messages';
import { placeholdersIn } from './placeholders';
import { PREFILL_SOURCES, prefillSource, type PrefillKind } from './prefill';
import { translatableBlocks, translatableLabels } from './translation-keys';
import { LANGUAGE_CODES } from '../domain/languages';

/** A definition that cannot be used; the message names the template and the field. */
export class FormDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormDefinitionError';
  }
}

/** Which prefill kinds each field type accepts. */
const PREFILL_KINDS_FOR: Partial<Record<FieldDefinition['type'], PrefillKind[]>> = {
  text: ['text'],
  textarea: ['text'],
  date: ['date'],
  checkbox: ['flag'],
  multiselect: ['codes'],
  partner: ['partner'],
};

/**
 * The fields a consent form must have for its finalization to pre-create the
 * consent record (main/core/services/consent-forms.ts reads them by these ids;
 * `recipients` has a column `name`, `purposes` a column `purpose`).
 */
export const CONSENT_RECORD_FIELDS: Readonly<Record<string, FieldDefinition['type']>> = {
  recipients: 'lines',
  purposes: 'lines',
  dataCategories: 'multiselect',
  healthData: 'checkbox',
  exchange: 'select',
  validUntil: 'date',
  explainedIn: 'text',
  interpreter: 'text',
};

/** Placeholders print text: a list of codes or a partner id would print as codes. */
const PRINTABLE_KINDS: PrefillKind[] = ['text', 'date', 'flag'];

/**
 * Parses and checks a form definition, from the code (built-ins) or the
 * store (office versions): structure, unique ids, prefill paths, conditions,
 * sums, placeholders. Throws FormDefinitionError naming the template and
 * the field at fault.
 */
export function loadFormDefinition(source: unknown): FormDefinition {
  const templateName = describeSource(source);
  const parsed = FormDefinitionSchema.safeParse(source, { error: germanIssueMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? pathDescription(source, issue.path) : '';
    throw new FormDefinitionError(`Vorlage ${templateName}${where}: ${issue?.message ?? 'ungültig'}.`);
  }
  const form = parsed.data;
  const problems: string[] = [];
  const fail = (field: string, message: string) => problems.push(`Vorlage ${templateName}, Feld „${field}“: ${message}`);

  const seen = new Set<string>();
  const sectionIds = new Set<string>();
  for (const section of form.sections) {
    if (sectionIds.has(section.id)) problems.push(`Vorlage ${templateName}: Der Abschnitt „${section.id}“ ist doppelt.`);
    sectionIds.add(section.id);
    for (const field of section.fields) {
      if (seen.has(field.id)) fail(field.id, 'Die Kennung kommt mehrfach vor.');
      seen.add(field.id);
    }
  }
  const inputs = new Map(form.sections.flatMap((section) => section.fields.filter(isInputField).map((field) => [field.id, field] as const)));

  const checkCondition = (owner: string, condition: Condition | undefined) => {
    if (!condition) return;
    if (!inputs.has(condition.field)) fail(owner, `Die Bedingung nennt das Feld „${condition.field}“, das es nicht gibt.`);
    // An age is counted from dates: the birth date and the day it is counted on must be date fields.
    if (!('youngerThan' in condition)) return;
    for (const dateField of [condition.field, ...condition.on]) {
      const type = inputs.get(dateField)?.type;
      if (type === undefined && dateField !== condition.field) fail(owner, `Die Altersgrenze nennt das Feld „${dateField}“, das es nicht gibt.`);
      else if (type !== undefined && type !== 'date') fail(owner, `Die Altersgrenze braucht Datumsfelder; „${dateField}“ ist vom Typ „${type}“.`);
    }
  };
  const checkPlaceholders = (owner: string, text: string) => {
    for (const name of unknownPlaceholders(form, text)) fail(owner, `Der Platzhalter „{{${name}}}“ benennt nichts, was gedruckt werden kann.`);
  };

  for (const section of form.sections) {
    checkCondition(section.id, section.showIf);
    for (const field of section.fields) {
      if (field.type === 'block') {
        checkPlaceholders(field.id, field.text);
        checkCondition(field.id, field.showIf);
        continue;
      }
      if (!isInputField(field)) continue;
      checkCondition(field.id, field.showIf);
      if (field.prefill !== undefined) {
        const source = prefillSource(field.prefill);
        if (!source) fail(field.id, `Die Vorbelegung „${field.prefill}“ gibt es nicht.`);
        else if (!(PREFILL_KINDS_FOR[field.type] ?? []).includes(source.kind)) {
          fail(field.id, `Die Vorbelegung „${field.prefill}“ passt nicht zum Feldtyp „${field.type}“.`);
        }
      }
      if (field.type === 'lines') {
        for (const row of field.rows ?? []) {
          for (const key of Object.keys(row)) {
            if (!field.columns.some((column) => column.id === key)) fail(field.id, `Eine vorgegebene Zeile nennt die Spalte „${key}“, die es nicht gibt.`);
          }
        }
      }
      if (field.type === 'money' && field.sumOf) {
        const lines = inputs.get(field.sumOf.field);
        const column = lines?.type === 'lines' ? lines.columns.find((entry) => entry.id === field.sumOf?.column) : undefined;
        if (column?.type !== 'money') fail(field.id, `Die Summe nennt keine Betragsspalte („${field.sumOf.field}.${field.sumOf.column}“).`);
      }
    }
  }

  if (form.letter) {
    checkPlaceholders('letter.subject', form.letter.subject);
    checkPlaceholders('letter.salutation', form.letter.salutation);
    checkPlaceholders('letter.closing', form.letter.closing);
    const { yourReference, attachments } = form.letter;
    if (yourReference !== undefined && inputs.get(yourReference)?.type !== 'text') {
      fail('letter.yourReference', `„Ihr Zeichen“ nennt kein Textfeld („${yourReference}“).`);
    }
    if (attachments) {
      const lines = inputs.get(attachments.field);
      const columns = lines?.type === 'lines' ? lines.columns : [];
      if (lines?.type !== 'lines') fail('letter.attachments', `Die Anlagen nennen kein Feld mit Zeilen („${attachments.field}“).`);
      else if (columns.find((column) => column.id === attachments.text)?.type !== 'text') {
        fail('letter.attachments', `Die Anlagen nennen keine Textspalte („${attachments.field}.${attachments.text}“).`);
      } else if (attachments.enclosed !== undefined && columns.find((column) => column.id === attachments.enclosed)?.type !== 'checkbox') {
        fail('letter.attachments', `Die Anlagen nennen keine Ankreuzspalte („${attachments.field}.${attachments.enclosed}“).`);
      }
    }
  } else if (form.layout === 'letter') {
    problems.push(`Vorlage ${templateName}: Ein Brief braucht Betreff, Anrede und Grußformel („letter“).`);
  }
  if (form.effect === 'consent-record') {
    for (const [fieldId, type] of Object.entries(CONSENT_RECORD_FIELDS)) {
      if (inputs.get(fieldId)?.type !== type) fail(fieldId, `Eine Einwilligungsvorlage braucht das Feld „${fieldId}“ vom Typ „${type}“.`);
    }
  }
  if (form.consentGate && form.recipient !== 'partner') {
    problems.push(`Vorlage ${templateName}: Die Einwilligungsprüfung gilt nur für Schreiben an Partner.`);
  }
  if (form.consentPurpose !== undefined) {
    if (!form.consentGate) problems.push(`Vorlage ${templateName}: Einen Zweck für die Einwilligung („consentPurpose“) gibt es nur mit Einwilligungsprüfung.`);
    checkPlaceholders('consentPurpose', form.consentPurpose);
  }
  // Translations: of things the form has, with placeholders that name something, letter parts only for a letter.
  const labelKeys = new Set(translatableLabels(form).map((entry) => entry.key));
  const blockIds = new Set(translatableBlocks(form).map((entry) => entry.id));
  for (const language of LANGUAGE_CODES) {
    const translation = form.translations?.[language];
    if (!translation) continue;
    const where = `Übersetzung ${language}`;
    for (const key of Object.keys(translation.labels)) {
      if (!labelKeys.has(key)) problems.push(`Vorlage ${templateName}, ${where}: Die Beschriftung „${key}“ gehört zu nichts in der Vorlage.`);
    }
    for (const [id, block] of Object.entries(translation.blocks)) {
      if (!blockIds.has(id)) problems.push(`Vorlage ${templateName}, ${where}: Den Textbaustein „${id}“ gibt es nicht.`);
      checkPlaceholders(`${where}, ${id}`, block.text);
    }
    if (translation.letter) {
      if (!form.letter) problems.push(`Vorlage ${templateName}, ${where}: Betreff, Anrede und Gruß gibt es nur bei Briefen.`);
      for (const part of ['subject', 'salutation', 'closing'] as const) checkPlaceholders(`${where}, letter.${part}`, translation.letter[part]);
    }
  }
  if (problems.length > 0) throw new FormDefinitionError(problems.join('\n'));
  return form;
}

/**
 * What a placeholder of this form may name: its input fields that print
 * inside a sentence (rows print as tables) and the prefill paths that print
 * as text (a list of codes or a partner id would print as codes).
 */
export function availablePlaceholders(form: FormDefinition): { fields: InputFieldDefinition[]; paths: string[] } {
  return {
    fields: inputFieldsOf(form).filter((field) => field.type !== 'lines'),
    paths: Object.keys(PREFILL_SOURCES).filter((path) => PRINTABLE_KINDS.includes(PREFILL_SOURCES[path]!.kind)),
  };
}

/** Placeholders in `text` that name neither a printable prefill path nor an input field of the form. */
export function unknownPlaceholders(form: FormDefinition, text: string): string[] {
  const { fields, paths } = availablePlaceholders(form);
  const known = new Set([...fields.map((field) => field.id), ...paths]);
  return placeholdersIn(text).filter((name) => !known.has(name));
}

function describeSource(source: unknown): string {
  if (typeof source === 'object' && source !== null) {
    const { id, title } = source as { id?: unknown; title?: unknown };
    if (typeof title === 'string' && typeof id === 'string') return `„${title}“ (${id})`;
    if (typeof id === 'string') return `„${id}“`;
  }
  return '(ohne Kennung)';
}

/** `sections.1.fields.3.type` → `, Feld „birthDate“ (sections.1.fields.3.type)` where the field has an id. */
function pathDescription(source: unknown, path: PropertyKey[]): string {
  let node: unknown = source;
  let fieldId: string | undefined;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    const id = typeof node === 'object' && node !== null ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string') fieldId = id;
  }
  const dotted = path.map(String).join('.');
  return fieldId ? `, Feld „${fieldId}“ (${dotted})` : dotted ? ` (${dotted})` : '';
}

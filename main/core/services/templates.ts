import type { Template, TemplateSummary, TemplateTranslationEdit, TemplateUpdate } from '../../../shared/api/contract';
import { LANGUAGE_CODES, type LanguageCode } from '../../../shared/domain/languages';
import { todayIso } from '../../../shared/domain/iso-date';
import type { FormTranslation } from '../../../shared/forms/definition';
import { translatableBlocks, translatableLabels } from '../../../shared/forms/translation-keys';
import { BUILT_IN_FORMS, FormDefinitionError, loadFormDefinition, type FormDefinition } from '../../../shared/forms';
import { unknownPlaceholders } from '../../../shared/forms/load';
import type { ErrorMessage, FieldIssues } from '../../../shared/i18n/error-message';
import type { Core } from '../core';
import { assertMayChangeShared } from './team/lead';
import type { Db } from '../db/open';
import * as queries from '../db/queries/templates';
import { DomainError, invalid, notFound } from '../errors';
import { currentCounselor, recordAudit } from './audit';

/**
 * The form catalogue (DESIGN.md §5): each template's versions live in the
 * store. The shipped definitions are written there at open (db/seed); an
 * office edit adds a version; documents keep the version they were made
 * with, so an edit never changes a letter already written.
 */

/** Stored versions never change, so a parsed one can be reused for every document that names it. */
const parsedVersions = new WeakMap<Db, Map<string, FormDefinition>>();

function parseStored(db: Db, row: queries.TemplateVersionRow): FormDefinition {
  let cache = parsedVersions.get(db);
  if (!cache) parsedVersions.set(db, (cache = new Map()));
  const key = `${row.template_id}@${row.version}`;
  let form = cache.get(key);
  if (!form) {
    form = loadFormDefinition(JSON.parse(row.definition));
    cache.set(key, form);
  }
  return form;
}

/** A template's definition: the newest version, or the one a document names. */
export function templateDefinition(core: Core, templateId: string, version?: number): FormDefinition {
  const row = queries.templateVersion(core.db, templateId, version);
  if (!row) {
    throw version === undefined
      ? invalid({ templateId: { key: 'templates.unknownTemplate', params: { id: templateId } } })
      : notFound('templateVersion', { version, id: templateId });
  }
  return parseStored(core.db, row);
}

/**
 * The newest definition of a template a document may be made of: a form Lotse
 * fills itself (`purpose`, e.g. the Art. 15 information) is refused.
 */
export function documentTemplateDefinition(core: Core, templateId: string): FormDefinition {
  const form = templateDefinition(core, templateId);
  if (form.purpose !== undefined) throw invalid({ templateId: { key: 'templates.notForDocuments', params: { title: form.title } } });
  return form;
}

function oldestStand(form: FormDefinition): string | null {
  const stands = form.sections.flatMap((section) => section.fields.flatMap((field) => (field.type === 'block' && field.stand ? [field.stand] : [])));
  return stands.length === 0 ? null : (stands.sort()[0] ?? null);
}

function summaryOf(row: queries.TemplateVersionRow, form: FormDefinition): TemplateSummary {
  return {
    id: form.id,
    title: form.title,
    description: form.description,
    layout: form.layout,
    recipient: form.recipient,
    version: row.version,
    source: row.source,
    savedAt: row.saved_at,
    oldestStand: oldestStand(form),
    purpose: form.purpose ?? null,
    translations: LANGUAGE_CODES.flatMap((language) => {
      const translation = form.translations?.[language];
      return translation ? [{ language, review: translation.review }] : [];
    }),
  };
}

export function listTemplates(core: Core): TemplateSummary[] {
  return queries
    .latestTemplateVersions(core.db)
    .map((row) => summaryOf(row, parseStored(core.db, row)))
    .sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

export function getTemplate(core: Core, id: string, version?: number): Template {
  const row = queries.templateVersion(core.db, id, version);
  if (!row) throw notFound('template', { id });
  const definition = parseStored(core.db, row);
  return {
    ...summaryOf(row, definition),
    definition,
    versions: queries.templateVersionList(core.db, id).map((entry) => ({
      version: entry.version,
      source: entry.source,
      savedAt: entry.saved_at,
      savedBy: entry.saved_by,
    })),
  };
}

/** Who checked a translation, stamped when it is saved as checked. */
export interface Reviewer {
  name: string;
  today: string;
}

/**
 * One language's wording as the editor saved it, checked against the
 * definition: labels of things that exist, a text for blocks that exist,
 * placeholders that name something, the letter parts only for a letter.
 */
function applyTranslation(
  form: FormDefinition,
  language: LanguageCode,
  edit: TemplateTranslationEdit,
  reviewer: Reviewer,
  errors: FieldIssues,
): FormTranslation {
  const at = `translations.${language}`;
  const labelKeys = new Set(translatableLabels(form).map((entry) => entry.key));
  const blockIds = new Set(translatableBlocks(form).map((entry) => entry.id));
  for (const key of Object.keys(edit.labels)) {
    if (!labelKeys.has(key)) errors[`${at}.labels.${key}`] = { key: 'templates.unknownField', params: { key } };
  }
  for (const [key, block] of Object.entries(edit.blocks)) {
    if (!blockIds.has(key)) errors[`${at}.blocks.${key}`] = { key: 'templates.unknownBlock', params: { key } };
    const unknown = unknownPlaceholders(form, block.text);
    if (unknown.length > 0) errors[`${at}.blocks.${key}.text`] = placeholderMessage(unknown);
  }
  if (edit.letter) {
    if (!form.letter) errors[`${at}.letter`] = { key: 'templates.notALetter' };
    for (const part of ['subject', 'salutation', 'closing'] as const) {
      const unknown = unknownPlaceholders(form, edit.letter[part]);
      if (unknown.length > 0) errors[`${at}.letter.${part}`] = placeholderMessage(unknown);
    }
  }
  return {
    title: edit.title,
    labels: edit.labels,
    blocks: edit.blocks,
    ...(edit.letter ? { letter: edit.letter } : {}),
    bindingNote: edit.bindingNote,
    review: edit.checked ? { checkedBy: reviewer.name, checkedOn: reviewer.today } : null,
  };
}

/** Applies the office's wording to a copy of the definition; keys it does not know are errors, not ignored. */
function applyEdit(form: FormDefinition, edit: TemplateUpdate, errors: FieldIssues, reviewer: Reviewer): FormDefinition {
  const next = structuredClone(form);
  if (edit.title !== undefined) next.title = edit.title;
  if (edit.letter) {
    if (!next.letter) errors.letter = { key: 'templates.notALetter' };
    // Only the wording is the office's: which fields print as "Ihr Zeichen" and the enclosures stays.
    else next.letter = { ...next.letter, ...edit.letter };
  }
  // Keys: a section or field id, `field.column` for a column of rows, `field.option` for a choice.
  const relabel = new Map<string, (label: string) => void>();
  for (const section of next.sections) {
    relabel.set(section.id, (label) => (section.title = label));
    for (const field of section.fields) {
      relabel.set(field.id, (label) => (field.label = label));
      if (field.type === 'lines') for (const column of field.columns) relabel.set(`${field.id}.${column.id}`, (label) => (column.label = label));
      if (field.type === 'select' || field.type === 'multiselect') {
        for (const option of field.options) relabel.set(`${field.id}.${option.value}`, (label) => (option.label = label));
      }
    }
  }
  for (const [key, label] of Object.entries(edit.labels)) {
    const apply = relabel.get(key);
    if (apply) apply(label);
    else errors[`labels.${key}`] = { key: 'templates.unknownField', params: { key } };
  }
  const blocks = new Map(next.sections.flatMap((section) => section.fields.flatMap((field) => (field.type === 'block' ? [[field.id, field] as const] : []))));
  for (const [key, block] of Object.entries(edit.blocks)) {
    const target = blocks.get(key);
    if (!target) {
      errors[`blocks.${key}`] = { key: 'templates.unknownBlock', params: { key } };
      continue;
    }
    target.text = block.text;
    target.stand = block.stand;
    const unknown = unknownPlaceholders(next, block.text);
    if (unknown.length > 0) errors[`blocks.${key}.text`] = placeholderMessage(unknown);
  }
  if (next.letter) {
    for (const part of ['subject', 'salutation', 'closing'] as const) {
      const unknown = unknownPlaceholders(next, next.letter[part]);
      if (unknown.length > 0) errors[`letter.${part}`] = placeholderMessage(unknown);
    }
  }
  // Translations given replace that language's whole; the others stay as they are.
  const translations = { ...(next.translations ?? {}) };
  for (const language of LANGUAGE_CODES) {
    const translation = edit.translations[language];
    if (translation) translations[language] = applyTranslation(next, language, translation, reviewer, errors);
  }
  if (Object.keys(translations).length > 0) next.translations = translations;
  return next;
}

function placeholderMessage(names: string[]): ErrorMessage {
  return { key: 'templates.unknownPlaceholders', params: { placeholders: names.map((name) => `{{${name}}}`).join(', ') } };
}

function saveVersion(core: Core, form: FormDefinition, source: 'built-in' | 'office', action: string): Template {
  return core.db.transaction(() => {
    const latest = queries.templateVersion(core.db, form.id);
    const version = (latest?.version ?? 0) + 1;
    queries.insertTemplateVersion(core.db, {
      template_id: form.id,
      version,
      source,
      definition: JSON.stringify({ ...form, version }),
      saved_at: core.now().toISOString(),
      saved_by: currentCounselor(core),
    });
    recordAudit(core, { action, subjectType: 'template', subjectId: form.id, clientId: null, details: { version } });
    return getTemplate(core, form.id);
  })();
}

/** The definition with the office's edit applied, checked as a stored version is when loaded; nothing is saved. */
export function editedDefinition(base: FormDefinition, edit: TemplateUpdate, reviewer: Reviewer): FormDefinition {
  const errors: FieldIssues = {};
  const next = applyEdit(base, edit, errors, reviewer);
  if (Object.keys(errors).length > 0) throw invalid(errors);
  try {
    return loadFormDefinition(next);
  } catch (error) {
    if (error instanceof FormDefinitionError)
      throw new DomainError('invalid_input', { key: 'templates.definitionInvalid', params: { problems: error.message } });
    throw error;
  }
}

/** Saves the office's labels and text blocks as a new version. */
export function updateTemplate(core: Core, edit: TemplateUpdate): Template {
  assertMayChangeShared(core);
  const latest = getTemplate(core, edit.id);
  if (latest.version !== edit.baseVersion) {
    throw new DomainError('conflict', { key: 'templates.changedMeanwhile', params: { current: latest.version, edited: edit.baseVersion } });
  }
  const reviewer = { name: currentCounselor(core), today: todayIso(core.now()) };
  return saveVersion(core, editedDefinition(latest.definition, edit, reviewer), 'office', 'templates.update');
}

/** A new version with the wording the app ships. */
export function restoreTemplate(core: Core, id: string): Template {
  assertMayChangeShared(core);
  const shipped = BUILT_IN_FORMS[id];
  if (!shipped) throw notFound('builtInTemplate', { id });
  return saveVersion(core, shipped, 'built-in', 'templates.restore');
}

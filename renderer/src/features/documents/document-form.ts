import type { FieldErrors } from '../../../../shared/api/errors';
import { inputFieldsOf, type ColumnDefinition, type FormDefinition, type InputFieldDefinition } from '../../../../shared/forms/definition';
import { atCell, atField, blankValue, isFieldShown, validateFormValues, type FieldValue, type FormValues } from '../../../../shared/forms/values';
import { wordCatalogueError } from '../../i18n/errors';

/**
 * Helpers of the document editor: values as the editor holds them, the ids
 * of its inputs, and the core's field paths (`values.<field>` and
 * `values.<field>.<row>.<column>`) on those inputs, with their messages in
 * the interface's language.
 */

/** A draft's stored values with every field of the form present (a field added to the form since reads as blank). */
export function editorValues(form: FormDefinition, stored: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of inputFieldsOf(form)) {
    values[field.id] = field.id in stored ? (stored[field.id] as FieldValue) : blankValue(field);
  }
  return values;
}

/** `doc-field-<field>`, a cell `doc-field-<field>-<row>-<column>`. */
export function fieldInputId(fieldId: string, row?: number, column?: string): string {
  return row === undefined ? `doc-field-${fieldId}` : `doc-field-${fieldId}-${row}-${column ?? ''}`;
}

export function valuePath(fieldId: string, row?: number, column?: string): string {
  return row === undefined ? `values.${fieldId}` : `values.${fieldId}.${row}.${column ?? ''}`;
}

/** The input a field path belongs to, for moving focus to the first message. */
export function inputIdOfPath(form: FormDefinition, path: string): string | null {
  const [root, fieldId, row, column] = path.split('.');
  if (root !== 'values' || fieldId === undefined) return null;
  const field = inputFieldsOf(form).find((candidate) => candidate.id === fieldId);
  if (!field) return null;
  if (field.type === 'lines') {
    if (row !== undefined && /^\d+$/.test(row) && column !== undefined) return fieldInputId(fieldId, Number(row), column);
    return `${fieldInputId(fieldId)}-group`;
  }
  // A group of checkboxes takes focus as a whole (GroupFieldset).
  return field.type === 'multiselect' ? `${fieldInputId(fieldId)}-group` : fieldInputId(fieldId);
}

/** Paths with a message, in the order the form shows them, for the first one to take focus. */
export function pathsInFormOrder(form: FormDefinition, errors: FieldErrors): string[] {
  const order = inputFieldsOf(form).map((field) => valuePath(field.id));
  const rank = (path: string) => {
    const index = order.findIndex((root) => path === root || path.startsWith(`${root}.`));
    return index === -1 ? order.length : index;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}

/** The editor's own check of the values (as the core checks them), worded as ApiCallError words the core's, so both merge. */
export function valueErrors(form: FormDefinition, values: Record<string, unknown>, complete: boolean): FieldErrors {
  const { errors } = validateFormValues(form, values, { complete });
  return Object.fromEntries(Object.entries(errors).map(([path, issue]) => [path, wordCatalogueError(issue)]));
}

/**
 * The core's messages name the field ("Betreff: Bitte ausfüllen."), which is
 * right in a list but says the label twice beside the input. The prefix is the
 * message's place (formValues.atField, atCell) worded without a problem.
 */
export function messageAtField(message: string | undefined, field: InputFieldDefinition, row?: number, column?: ColumnDefinition): string | undefined {
  if (message === undefined) return undefined;
  const prefix = wordCatalogueError(row === undefined || column === undefined ? atField(field.label, '') : atCell(field.label, row, column.label, ''));
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** Messages of fields that are shown; a hidden field's message (its condition no longer holds) would point at nothing. */
export function shownErrors(form: FormDefinition, values: FormValues, errors: FieldErrors): FieldErrors {
  const hidden = new Set<string>();
  for (const section of form.sections) {
    for (const field of section.fields) if (!isFieldShown(section, field, values)) hidden.add(field.id);
  }
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !hidden.has(path.split('.')[1] ?? '')));
}

/** Drops the messages of one field (it was changed: the message no longer describes it). */
export function withoutFieldErrors(errors: FieldErrors, fieldId: string): FieldErrors {
  const root = valuePath(fieldId);
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path !== root && !path.startsWith(`${root}.`)));
}

/** Fields prefilled from the recipient or its consent: the core fills them anew when the recipient changes. */
export function partnerFollowingFields(form: FormDefinition): string[] {
  return inputFieldsOf(form)
    .filter((field) => field.prefill?.startsWith('partner.') || field.prefill?.startsWith('consent.'))
    .map((field) => field.id);
}

/** Values are plain JSON: equal when they serialize alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

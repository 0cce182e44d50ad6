import { ageOn } from '../domain/age';
import { formatGermanDate, isIsoDate } from '../domain/iso-date';
import type { ErrorMessage, ErrorParam, FieldIssues } from '../i18n/error-message';
import {
  inputFieldsOf,
  isInputField,
  type AgeCondition,
  type ColumnDefinition,
  type Condition,
  type FieldDefinition,
  type FormDefinition,
  type InputFieldDefinition,
  type SectionDefinition,
} from './definition';

/**
 * Values of a document, by field id. Per field type:
 * text, textarea, date (`YYYY-MM-DD`), select, partner (an id): a string, '' when empty;
 * money: whole cents or null; number: a number or null; checkbox: a boolean;
 * multiselect: a list of option values; lines: a list of rows (column id → value).
 */
export type CellValue = string | number | boolean | null;
export type LineRow = Record<string, CellValue>;
export type FieldValue = CellValue | string[] | LineRow[];
export type FormValues = Record<string, FieldValue>;

/** Characters that cannot be printed or would read differently from what is stored (as in the contract's text fields). */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;
const DEFAULT_TEXT_MAX = 500;
const DEFAULT_TEXTAREA_MAX = 10000;
/** 10 million euros: beyond anything these forms ask for, far below float trouble. */
const MONEY_MAX_CENTS = 1_000_000_000;

export function blankValue(field: InputFieldDefinition | ColumnDefinition): FieldValue {
  switch (field.type) {
    case 'money':
    case 'number':
      return null;
    case 'checkbox':
      return false;
    case 'multiselect':
      return [];
    case 'lines':
      return [];
    default:
      return '';
  }
}

export function isBlankValue(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** A date of the values, or null while it is blank or not a calendar date. */
function dateValue(values: FormValues, fieldId: string): string | null {
  const value = values[fieldId];
  return typeof value === 'string' && isIsoDate(value) ? value : null;
}

/** The age an age condition reads from the values, and the date it is counted on; null while a date is missing. */
export function conditionAge(condition: AgeCondition, values: FormValues): { age: number; on: string } | null {
  const birthDate = dateValue(values, condition.field);
  const on = condition.on.map((fieldId) => dateValue(values, fieldId)).find((date) => date !== null);
  return birthDate === null || on === undefined || on === null ? null : { age: ageOn(birthDate, on), on };
}

export function conditionHolds(condition: Condition | undefined, values: FormValues): boolean {
  if (!condition) return true;
  if ('youngerThan' in condition) {
    const counted = conditionAge(condition, values);
    return counted === null || counted.age < condition.youngerThan;
  }
  const value = values[condition.field];
  if ('equals' in condition) return value === condition.equals;
  if ('includes' in condition) return Array.isArray(value) && (value as unknown[]).includes(condition.includes);
  return !isBlankValue(value);
}

/** Whether a field takes part (shown, validated, printed): its section's and its own condition hold. */
export function isFieldShown(section: SectionDefinition, field: FieldDefinition, values: FormValues): boolean {
  return conditionHolds(section.showIf, values) && conditionHolds('showIf' in field ? field.showIf : undefined, values);
}

/** An age limit that hides parts of the form: its reason, the age it counted and on which date, and the titles of the sections it hides parts of. */
export interface AgeLimitNote {
  reason: string;
  age: number;
  on: string;
  sections: string[];
}

/** Age limits that do not hold for the values, once per reason, for the editor to say why parts of the form are missing. */
export function ageLimitNotes(form: FormDefinition, values: FormValues): AgeLimitNote[] {
  const notes = new Map<string, AgeLimitNote>();
  const note = (condition: Condition | undefined, sectionTitle: string) => {
    if (!condition || !('youngerThan' in condition) || conditionHolds(condition, values)) return;
    const counted = conditionAge(condition, values);
    if (counted === null) return;
    const entry = notes.get(condition.reason) ?? { reason: condition.reason, ...counted, sections: [] };
    if (!entry.sections.includes(sectionTitle)) entry.sections.push(sectionTitle);
    notes.set(condition.reason, entry);
  };
  for (const section of form.sections) {
    note(section.showIf, section.title);
    if (conditionHolds(section.showIf, values)) for (const field of section.fields) note('showIf' in field ? field.showIf : undefined, section.title);
  }
  return [...notes.values()];
}

/** Sum of a money column over the rows, in cents. */
export function sumColumn(rows: FieldValue | undefined, column: string): number {
  if (!Array.isArray(rows)) return 0;
  return (rows as LineRow[]).reduce((total, row) => {
    const amount = row[column];
    return typeof amount === 'number' ? total + amount : total;
  }, 0);
}

/** Fills computed fields (sums) from the values they add up. */
export function withComputedValues(form: FormDefinition, values: FormValues): FormValues {
  const result = { ...values };
  for (const field of inputFieldsOf(form)) {
    if (field.type === 'money' && field.sumOf) result[field.id] = sumColumn(values[field.sumOf.field], field.sumOf.column);
  }
  return result;
}

interface ValidationOptions {
  /** Finalizing: required fields must be filled. Drafts may be incomplete. */
  complete: boolean;
  /** Partner ids that exist (the `partner` fields must name one of them). */
  partnerExists?: (id: string) => boolean;
}

export interface ValidationResult {
  values: FormValues;
  /** By path `values.<field>[.<row>.<column>]`: where (atField, atRow, atCell) with what is wrong as its `problem`. */
  errors: FieldIssues;
}

const REQUIRED: ErrorMessage = { key: 'input.required' };

/** `Betreff: <problem>`. */
export function atField(label: string, problem: ErrorParam): ErrorMessage {
  return { key: 'formValues.atField', params: { label, problem } };
}

/** `Kosten, Zeile 2: <problem>`; rows count from 0 here and from 1 on screen. */
function atRow(label: string, row: number, problem: ErrorParam): ErrorMessage {
  return { key: 'formValues.atRow', params: { label, row: row + 1, problem } };
}

/** `Kosten, Zeile 2, Betrag: <problem>`; rows count from 0 here and from 1 on screen. */
export function atCell(label: string, row: number, column: string, problem: ErrorParam): ErrorMessage {
  return { key: 'formValues.atCell', params: { label, row: row + 1, column, problem } };
}

function checkText(value: string, max: number): ErrorMessage | null {
  if (value.length > max) return { key: 'formValues.tooLong', params: { maximum: max, length: value.length } };
  if (INVISIBLE_CONTROLS.test(value)) return { key: 'input.controlCharacters' };
  if (LONE_SURROGATE.test(value)) return { key: 'input.brokenCharacter' };
  return null;
}

function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

/** Every field kind but `lines`, whose rows are checked cell by cell. */
type ScalarDefinition = Exclude<InputFieldDefinition, { type: 'lines' }> | ColumnDefinition;

/** Checks one scalar value; returns the clean value or what is wrong with it. */
function checkScalar(field: ScalarDefinition, value: unknown, options: ValidationOptions): { value: FieldValue } | { error: ErrorMessage } {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return { error: { key: 'formValues.text' } };
      const max = 'max' in field && field.max !== undefined ? field.max : field.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_TEXTAREA_MAX;
      const problem = checkText(value, max);
      return problem ? { error: problem } : { value };
    }
    case 'date':
      if (typeof value !== 'string' || (value !== '' && !isIsoDate(value))) return { error: { key: 'formValues.date' } };
      return { value };
    case 'money':
      if (value === null) return { value };
      if (typeof value !== 'number' || !Number.isInteger(value)) return { error: { key: 'formValues.amount' } };
      if (value < 0) return { error: { key: 'formValues.negativeAmount' } };
      if (value > MONEY_MAX_CENTS) return { error: { key: 'formValues.amountTooHigh' } };
      return { value };
    case 'number': {
      if (value === null) return { value };
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: { key: 'formValues.number' } };
      const decimals = field.decimals ?? 0;
      if (decimalsOf(value) > decimals)
        return { error: decimals === 0 ? { key: 'formValues.wholeNumber' } : { key: 'formValues.decimals', params: { decimals } } };
      if ('min' in field && field.min !== undefined && value < field.min) return { error: { key: 'formValues.minimum', params: { minimum: field.min } } };
      if ('max' in field && field.max !== undefined && value > field.max) return { error: { key: 'formValues.maximum', params: { maximum: field.max } } };
      return { value };
    }
    case 'checkbox':
      return typeof value === 'boolean' ? { value } : { error: { key: 'formValues.yesOrNo' } };
    case 'select':
      if (typeof value !== 'string' || (value !== '' && !field.options.some((option) => option.value === value))) {
        return { error: { key: 'formValues.option' } };
      }
      return { value };
    case 'multiselect': {
      const known = new Set(field.options.map((option) => option.value));
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && known.has(entry))) {
        return { error: { key: 'formValues.options' } };
      }
      if (new Set(value).size !== value.length) return { error: { key: 'input.duplicate' } };
      return { value: value as string[] };
    }
    case 'partner':
      if (typeof value !== 'string') return { error: { key: 'formValues.partner' } };
      if (value !== '' && options.partnerExists && !options.partnerExists(value)) return { error: { key: 'formValues.partnerGone' } };
      return { value };
  }
}

function checkRows(
  field: Extract<InputFieldDefinition, { type: 'lines' }>,
  value: unknown,
  path: string,
  options: ValidationOptions,
  errors: FieldIssues,
): LineRow[] {
  if (!Array.isArray(value)) {
    errors[path] = atField(field.label, { key: 'formValues.rows' });
    return [];
  }
  const maxRows = field.maxRows ?? 50;
  if (value.length > maxRows) errors[path] = atField(field.label, { key: 'formValues.maxRows', params: { maximum: maxRows } });
  return value.slice(0, maxRows).map((row: unknown, index) => {
    const clean: LineRow = {};
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      errors[`${path}.${index}`] = atRow(field.label, index, { key: 'formValues.invalidRow' });
      return clean;
    }
    const cells = row as Record<string, unknown>;
    for (const key of Object.keys(cells)) {
      if (!field.columns.some((column) => column.id === key))
        errors[`${path}.${index}.${key}`] = atRow(field.label, index, { key: 'formValues.unknownColumn', params: { column: key } });
    }
    for (const column of field.columns) {
      const cellPath = `${path}.${index}.${column.id}`;
      const checked = checkScalar(column, cells[column.id] ?? blankValue(column), options);
      if ('error' in checked) errors[cellPath] = atCell(field.label, index, column.label, checked.error);
      else {
        clean[column.id] = checked.value as CellValue;
        if (options.complete && 'required' in column && column.required && isBlankValue(checked.value)) {
          errors[cellPath] = atCell(field.label, index, column.label, REQUIRED);
        }
      }
    }
    return clean;
  });
}

/**
 * Checks values against a form: unknown keys are refused (nothing unseen is
 * stored), each value must fit its field's type, and when `complete`,
 * required fields that are shown must be filled. Computed fields are
 * recalculated. Errors are by path `values.<field>[.<row>.<column>]`.
 */
export function validateFormValues(form: FormDefinition, values: Record<string, unknown>, options: ValidationOptions): ValidationResult {
  const errors: FieldIssues = {};
  const clean: FormValues = {};
  const known = new Set(inputFieldsOf(form).map((field) => field.id));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors[`values.${key}`] = { key: 'formValues.unknownField', params: { title: form.title, key } };
  }
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (!isInputField(field)) continue;
      const path = `values.${field.id}`;
      const raw = values[field.id] ?? blankValue(field);
      if (field.type === 'lines') clean[field.id] = checkRows(field, raw, path, options, errors);
      else {
        const checked = checkScalar(field, raw, options);
        if ('error' in checked) errors[path] = atField(field.label, checked.error);
        else clean[field.id] = checked.value;
      }
    }
  }
  const computed = withComputedValues(form, clean);
  if (options.complete) {
    for (const section of form.sections) {
      for (const field of section.fields) {
        if (!('required' in field) || !field.required || !isFieldShown(section, field, computed)) continue;
        const path = `values.${field.id}`;
        if (!errors[path] && isBlankValue(computed[field.id])) errors[path] = atField(field.label, REQUIRED);
      }
    }
  }
  return { values: computed, errors };
}

/** `123456` cents → `1.234,56 €` */
export function formatMoney(cents: number): string {
  const euros = (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${euros} €`;
}

/** A value as it reads on paper: German dates and amounts, option labels, ja/nein. Lines are printed as tables. */
export function displayValue(field: InputFieldDefinition | ColumnDefinition, value: FieldValue | undefined, partnerName?: (id: string) => string): string {
  if (value === undefined || value === null) return '';
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? formatGermanDate(value) : '';
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : '';
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('de-DE') : '';
    case 'checkbox':
      return value === true ? 'ja' : 'nein';
    case 'select':
      return field.options.find((option) => option.value === value)?.label ?? '';
    case 'multiselect':
      return Array.isArray(value) ? (value as string[]).map((entry) => field.options.find((option) => option.value === entry)?.label ?? entry).join(', ') : '';
    case 'partner':
      return typeof value === 'string' && value !== '' ? (partnerName?.(value) ?? value) : '';
    case 'lines':
      return '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

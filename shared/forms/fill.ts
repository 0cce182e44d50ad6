import { formatGermanDate } from '../domain/iso-date';
import { inputFieldsOf, type FormDefinition } from './definition';
import { fillPlaceholders } from './placeholders';
import { prefillSource, resolvePrefill, type PrefillContext } from './prefill';
import { blankValue, displayValue, type FormValues } from './values';

export interface FillSources {
  form: FormDefinition;
  values: FormValues;
  context: PrefillContext;
  partnerName?: (id: string) => string;
}

/** Text of a block or letter part with its placeholders replaced, as it prints. */
export function fillText(text: string, sources: FillSources): string {
  const fields = new Map(inputFieldsOf(sources.form).map((field) => [field.id, field]));
  return fillPlaceholders(text, (name) => {
    const field = fields.get(name);
    if (field) return displayValue(field, sources.values[name], sources.partnerName);
    const source = prefillSource(name);
    if (!source) return '';
    const value = resolvePrefill(name, sources.context);
    if (typeof value === 'boolean') return value ? 'ja' : 'nein';
    if (Array.isArray(value)) return value.join(', ');
    return source.kind === 'date' ? formatGermanDate(value) : value;
  });
}

/**
 * Values of a new document: each field's prefill, else its preset rows, else
 * blank. Returns which fields were prefilled, so the editor can mark them.
 */
export function prefilledValues(form: FormDefinition, context: PrefillContext): { values: FormValues; prefilled: string[] } {
  const values: FormValues = {};
  const prefilled: string[] = [];
  for (const field of inputFieldsOf(form)) {
    if (field.prefill) {
      const value = resolvePrefill(field.prefill, context);
      values[field.id] = value;
      if (value !== '' && value !== false && !(Array.isArray(value) && value.length === 0)) prefilled.push(field.id);
    } else if (field.type === 'lines' && field.rows) {
      values[field.id] = field.rows.map((row) => ({ ...row }));
    } else {
      values[field.id] = blankValue(field);
    }
  }
  return { values, prefilled };
}

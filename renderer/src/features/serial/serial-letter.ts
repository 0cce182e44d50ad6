import type { BatchFilter } from '../../../../shared/api/contract';
import type { CounselingField } from '../../../../shared/domain/counseling-fields';
import { inputFieldsOf, isInputField, type FormDefinition } from '../../../../shared/forms/definition';
import { blankValue, type FormValues } from '../../../../shared/forms/values';
import { localIsoDate, safeFileNamePart } from '../../ui/format';

/**
 * Pure helpers of the serial-letter screen: which templates can go out as
 * serial letters, which of their fields the counselor fills in (the rest each
 * client's record fills), the filter as the API takes it.
 */

/** Letters go to clients: not to a partner, and not consent forms (each one creates a consent record). */
export function isSerialTemplate(form: FormDefinition): boolean {
  return form.recipient !== 'partner' && form.effect !== 'consent-record' && form.purpose === undefined;
}

/** The form without the fields each client's record (or the settings) fills in: what is the same for everyone. */
export function sharedPart(form: FormDefinition): FormDefinition {
  return {
    ...form,
    sections: form.sections
      .map((section) => ({ ...section, fields: section.fields.filter((field) => !isInputField(field) || field.prefill === undefined) }))
      .filter((section) => section.fields.some(isInputField)),
  };
}

/** Labels of the fields Lotse fills in per client, to say so. */
export function perClientLabels(form: FormDefinition): string[] {
  return inputFieldsOf(form)
    .filter((field) => field.prefill !== undefined)
    .map((field) => field.label);
}

export function blankSharedValues(form: FormDefinition): FormValues {
  return Object.fromEntries(inputFieldsOf(sharedPart(form)).map((field) => [field.id, blankValue(field)]));
}

/** What the screen's filter controls hold: '' means "any". */
export interface FilterChoice {
  residenceStatus: string;
  /** Months as text from the select, '' for any time. */
  months: string;
  counselingField: CounselingField | '';
}

export const NO_FILTER: FilterChoice = { residenceStatus: '', months: '', counselingField: '' };

export const MONTH_CHOICES = ['1', '2', '3', '6', '9', '12', '18', '24'] as const;

export function batchFilter(choice: FilterChoice): BatchFilter {
  return {
    ...(choice.residenceStatus ? { residenceStatus: choice.residenceStatus } : {}),
    ...(choice.months ? { permitEndsWithinMonths: Number(choice.months) } : {}),
    ...(choice.counselingField ? { counselingField: choice.counselingField } : {}),
  };
}

/** `Serienbrief-Freier_Brief-2026-11-25.pdf` */
export function serialFileName(templateTitle: string, date: Date = new Date()): string {
  return `Serienbrief-${safeFileNamePart(templateTitle)}-${localIsoDate(date.toISOString())}.pdf`;
}

/**
 * When the live region speaks the progress: at the start, every tenth of
 * the way and at the end. Saying every count would flood a screen reader.
 */
export function progressMilestone(done: number, total: number): number {
  if (total <= 0 || done >= total) return total;
  const step = Math.max(1, Math.ceil(total / 10));
  return Math.floor(done / step) * step;
}

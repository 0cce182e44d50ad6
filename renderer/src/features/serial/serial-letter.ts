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

/** Whether any criterion is chosen: without one, the letter goes to everyone only when that is chosen knowingly. */
export function hasCriterion(choice: FilterChoice): boolean {
  return choice.residenceStatus !== '' || choice.months !== '' || choice.counselingField !== '';
}

/** Who the letter is for: the criteria, or everyone (said so, `everyone: true`, which the core demands for an empty filter). */
export type Audience = 'criteria' | 'everyone';

export function batchFilter(choice: FilterChoice, audience: Audience = 'criteria'): BatchFilter {
  if (audience === 'everyone') return { everyone: true };
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

/**
 * The merge fields offered beside the text (shared/forms/merge-fields.ts
 * says what each prints), with the key of their name in `serial.mergeNames`.
 */
export const MERGE_CHOICES = [
  { name: 'client.fullName', key: 'fullName' },
  { name: 'client.residenceStatus', key: 'residenceStatus' },
  { name: 'client.residenceValidUntil', key: 'residenceValidUntil' },
  { name: 'appointment.date', key: 'appointmentDate' },
  { name: 'appointment.time', key: 'appointmentTime' },
  { name: 'appointment.place', key: 'appointmentPlace' },
  { name: 'settings.counselor.name', key: 'counselorName' },
  { name: 'settings.counselor.phone', key: 'counselorPhone' },
] as const;

export type MergeNameKey = (typeof MERGE_CHOICES)[number]['key'];

export function mergeNameKey(name: string): MergeNameKey | null {
  return MERGE_CHOICES.find((choice) => choice.name === name)?.key ?? null;
}

/** The ticked recipients, in the order of the list. */
export function tickedIds(clients: ReadonlyArray<{ id: string }>, unticked: ReadonlySet<string>): string[] {
  return clients.filter((client) => !unticked.has(client.id)).map((client) => client.id);
}

/** Which page of the sample to show after the ticks changed: the same place, or the last letter. */
export function clampIndex(index: number, count: number): number {
  return count === 0 ? 0 : Math.max(0, Math.min(index, count - 1));
}

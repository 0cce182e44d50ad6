import { formatGermanDate } from '../domain/iso-date';
import { fillPlaceholders, placeholdersIn } from './placeholders';
import { prefillSource, resolvePrefill, type PrefillContext } from './prefill';

/**
 * Merge fields of a serial letter: the text the counselor types once (the
 * letter's subject and body) may hold the same `{{…}}` placeholders as a
 * template's text blocks (DESIGN.md §5, shared/forms/prefill.ts), filled per
 * recipient when the letter is made, plus the batch's appointment
 * (`appointment.date`, `.time`, `.place`, entered once for the batch).
 * Dates print in German (TT.MM.JJJJ).
 */

export interface Appointment {
  /** `YYYY-MM-DD` or '' */
  date: string;
  /** `HH:MM` or '' */
  time: string;
  place: string;
}

export const APPOINTMENT_FIELDS = ['appointment.date', 'appointment.time', 'appointment.place'] as const;

/** The merge fields offered beside the text, in this order; their German names for messages (the screen has its own i18n labels). */
export const MERGE_FIELDS: ReadonlyArray<{ name: string; label: string }> = [
  { name: 'client.fullName', label: 'Name' },
  { name: 'client.residenceStatus', label: 'Aufenthaltsstatus' },
  { name: 'client.residenceValidUntil', label: 'Aufenthalt gültig bis' },
  { name: 'appointment.date', label: 'Termin: Datum' },
  { name: 'appointment.time', label: 'Termin: Uhrzeit' },
  { name: 'appointment.place', label: 'Termin: Ort' },
  { name: 'settings.counselor.name', label: 'Berater*in: Name' },
  { name: 'settings.counselor.phone', label: 'Berater*in: Telefon' },
];

const LABELS = new Map(MERGE_FIELDS.map((field) => [field.name, field.label]));

/** The German name of a merge field, for messages: the offered ones by name, any other prefill path as it is written. */
export function mergeFieldLabel(name: string): string {
  return LABELS.get(name) ?? name;
}

function isAppointmentField(name: string): name is (typeof APPOINTMENT_FIELDS)[number] {
  return (APPOINTMENT_FIELDS as readonly string[]).includes(name);
}

/** Whether a serial letter's text may name this placeholder: any prefill path, or the appointment. */
export function isMergeField(name: string): boolean {
  return isAppointmentField(name) || prefillSource(name) !== undefined;
}

/** Placeholders in a text that are no merge field, each once. */
export function unknownMergeFields(text: string): string[] {
  return [...new Set(placeholdersIn(text).filter((name) => !isMergeField(name)))];
}

/** Appointment fields the text names, each once. */
export function appointmentFieldsIn(text: string): string[] {
  return [...new Set(placeholdersIn(text).filter(isAppointmentField))];
}

/** What a merge field prints for one recipient; '' where their record (or the appointment) has nothing. */
export function mergeFieldValue(name: string, context: PrefillContext, appointment: Appointment): string {
  if (name === 'appointment.date') return formatGermanDate(appointment.date);
  if (name === 'appointment.time') return appointment.time;
  if (name === 'appointment.place') return appointment.place;
  const source = prefillSource(name);
  if (!source) return '';
  const value = resolvePrefill(name, context);
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (Array.isArray(value)) return value.join(', ');
  return source.kind === 'date' ? formatGermanDate(value) : value;
}

/**
 * A text with its merge fields filled for one recipient, in one pass (what a
 * record holds is never read again for placeholders). Fields left empty are
 * named in `unfilled`; with `gap` they print as that text (the sample shows
 * „[fehlt: …]“), otherwise as nothing. Unknown names stay as they were typed.
 */
export function fillMergeFields(
  text: string,
  context: PrefillContext,
  appointment: Appointment,
  gap?: (name: string) => string,
): { text: string; unfilled: string[] } {
  const unfilled = new Set<string>();
  const filled = fillPlaceholders(text, (name) => {
    if (!isMergeField(name)) return `{{${name}}}`;
    const value = mergeFieldValue(name, context, appointment);
    if (value.trim() !== '') return value;
    unfilled.add(name);
    return gap ? gap(name) : '';
  });
  return { text: filled, unfilled: [...unfilled] };
}

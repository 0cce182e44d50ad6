import { appointmentInvitation } from './appointment-invitation';
import { consentDataTransfer } from './consent-data-transfer';
import { courseReferral } from './course-referral';
import { dataAccessInformation } from './data-access-information';
import { dataProcessingInformation } from './data-processing-information';
import type { FormDefinition, FormDefinitionSource } from './definition';
import { freeLetter } from './free-letter';
import { loadFormDefinition } from './load';
import { recognitionCostApplication } from './recognition-cost-application';
import { referralLetter } from './referral-letter';
import { residence104cChecklist } from './residence-104c-checklist';

export * from './definition';
export { FormDefinitionError, loadFormDefinition } from './load';

/** The shipped definitions as written, in the order the forms are offered. */
export const BUILT_IN_FORM_SOURCES: readonly FormDefinitionSource[] = [
  referralLetter,
  recognitionCostApplication,
  consentDataTransfer,
  appointmentInvitation,
  dataProcessingInformation,
  courseReferral,
  residence104cChecklist,
  freeLetter,
  dataAccessInformation,
];

/**
 * The forms Lotse ships with, by id, checked when loaded: a broken shipped
 * definition stops the app at start with a message naming it, not at print time.
 * Without a prototype: a caller's id such as `constructor` or `toString` finds no form.
 */
export const BUILT_IN_FORMS: Readonly<Record<string, FormDefinition>> = Object.assign(
  Object.create(null) as Record<string, FormDefinition>,
  Object.fromEntries(
    BUILT_IN_FORM_SOURCES.map((source) => {
      const form = loadFormDefinition(source);
      return [form.id, form];
    }),
  ),
);

import type { FormDefinitionSource } from './definition';
import { appointmentInvitationTranslations } from './translations/appointment-invitation';

/** The legal state of the wording below (⚖): offices change it in the template screen, which makes a new version. */
const STAND = '2026-11-01';

/**
 * An invitation to a counseling appointment (issue 17): a DIN 5008 letter to
 * the client with date, time, place, with whom, what to bring, the
 * interpreter where the record says one is needed, how to cancel or rebook,
 * and whom to ask. The name line gives the name as the person writes it
 * beside the Latin form (`client.fullNameWithOwnScript`); the address block
 * stays Latin. Shipped with translations (ungeprüft) for printing in German
 * and the client's language.
 */
export const appointmentInvitation: FormDefinitionSource = {
  id: 'appointment-invitation',
  version: 1,
  title: 'Einladung zum Beratungsgespräch',
  description:
    'Brief an die Klientin oder den Klienten: Termin, Ort, Gesprächspartner*in, was mitzubringen ist, Dolmetschung, Absage und Kontakt; zweisprachig druckbar.',
  layout: 'letter',
  recipient: 'client',
  letter: {
    subject: 'Einladung zum Beratungsgespräch am {{appointmentDate}} um {{appointmentTime}} Uhr',
    salutation: '{{salutation}}',
    closing: 'Mit freundlichen Grüßen',
  },
  sections: [
    {
      id: 'intro',
      title: 'Einleitung',
      printTitle: false,
      fields: [
        {
          id: 'introText',
          type: 'block',
          label: 'Einleitung',
          text: 'wir laden Sie zu einem persönlichen Beratungsgespräch ein. Bitte kommen Sie zu diesem Termin:',
          stand: STAND,
        },
      ],
    },
    {
      id: 'appointment',
      title: 'Termin',
      fields: [
        {
          id: 'personName',
          type: 'text',
          label: 'Name',
          help: 'Vorbelegt mit dem Namen und, wo der Datensatz ihn hat, dem Namen in eigener Schrift.',
          max: 300,
          prefill: 'client.fullNameWithOwnScript',
          personal: 'identity',
        },
        { id: 'appointmentDate', type: 'date', label: 'Datum', required: true },
        { id: 'appointmentTime', type: 'text', label: 'Uhrzeit', required: true, max: 20, help: 'z. B. 10:30' },
        { id: 'place', type: 'text', label: 'Ort', required: true, max: 300, prefill: 'settings.office.addressLine' },
        { id: 'room', type: 'text', label: 'Raum', max: 100, prefill: 'settings.office.room' },
        { id: 'withWhom', type: 'text', label: 'Gespräch mit', max: 200, prefill: 'settings.counselor.name' },
      ],
    },
    {
      id: 'bring',
      title: 'Bitte mitbringen',
      fields: [
        { id: 'bringIdentity', type: 'checkbox', label: 'Pass oder Ausweis und Aufenthaltstitel' },
        { id: 'bringCertificates', type: 'checkbox', label: 'Zeugnisse, Abschlüsse und Nachweise über Ihre Berufserfahrung (wenn vorhanden, mit Übersetzung)' },
        { id: 'bringLetters', type: 'checkbox', label: 'Schreiben von Behörden, über die Sie sprechen möchten (z. B. Jobcenter, Ausländerbehörde)' },
        { id: 'bringThisLetter', type: 'checkbox', label: 'dieses Schreiben' },
        { id: 'bringOther', type: 'textarea', label: 'Außerdem', max: 1000 },
      ],
    },
    {
      id: 'interpreting',
      title: 'Dolmetschung',
      showIf: { field: 'interpreterNeeded', equals: true },
      fields: [
        {
          id: 'interpreterNeeded',
          type: 'checkbox',
          label: 'Dolmetschung vorgesehen',
          prefill: 'client.interpreterNeeded',
          print: 'none',
        },
        {
          id: 'interpreterLanguage',
          type: 'text',
          label: 'Sprache',
          max: 100,
          prefill: 'client.interpreterLanguages',
          personal: 'language-education',
        },
        {
          id: 'interpreterText',
          type: 'block',
          label: 'Dolmetschung',
          text: 'Für das Gespräch sorgen wir für eine Dolmetscherin oder einen Dolmetscher. Dafür entstehen Ihnen keine Kosten. Sie können auch eine Person Ihres Vertrauens mitbringen.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'cancel',
      title: 'Wenn Sie nicht kommen können',
      fields: [
        {
          id: 'cancelText',
          type: 'block',
          label: 'Wenn Sie nicht kommen können',
          text:
            'Bitte sagen Sie möglichst bis einen Werktag vorher ab, telefonisch, per E-Mail oder persönlich während der Sprechzeiten. Wir vereinbaren dann gern einen neuen Termin mit Ihnen. ' +
            'Die Beratung ist freiwillig und kostenlos. Wenn Sie einen Termin nicht wahrnehmen, hat das keine Folgen für Ihre Sozialleistungen.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'contact',
      title: 'Kontakt',
      fields: [
        {
          id: 'contactText',
          type: 'block',
          label: 'Kontakt',
          text: 'Bei Fragen erreichen Sie {{settings.counselor.name}} unter Telefon {{settings.counselor.phone}} oder per E-Mail an {{settings.counselor.email}}. Sprechzeiten: {{settings.office.hours}}.',
          stand: STAND,
        },
        { id: 'note', type: 'textarea', label: 'Hinweis', max: 2000 },
      ],
    },
  ],
  translations: appointmentInvitationTranslations,
};
